"""In-memory secondary indexes for one table: equality keys to id lists kept in sort order."""

from __future__ import annotations

import itertools
from collections import defaultdict

from sortedcontainers import SortedList

from storage.base import DuplicateKey
from storage.schema import TableSpec


def _values(doc: dict, field: str) -> list:
    """The index values of a field: each element of a list, or the value itself."""
    value = doc.get(field)
    if isinstance(value, list):
        return [v for v in value if isinstance(v, (str, int, bool))]
    return [] if value is None or isinstance(value, dict) else [value]


def sort_value(value):
    """A sort value that compares with the others of its column (None sorts first)."""
    if value is None:
        return (0, "")
    return (1, value)


class TableIndexes:
    """The indexes of one table; every method must be called under the storage lock."""

    def __init__(self, spec: TableSpec):
        self.spec = spec
        self.all = SortedList()
        self.by_fields: dict[tuple, dict] = {fields: defaultdict(SortedList)
                                             for fields in spec.indexes}
        self.unique: dict[str, dict] = {key: {} for key in spec.unique}

    def entry(self, doc: dict) -> tuple:
        """The (sort value, id) pair of a document in every sorted list."""
        return (sort_value(doc.get(self.spec.sort_field)), doc[self.spec.id_field])

    def _keys(self, fields: tuple, doc: dict):
        return itertools.product(*(_values(doc, f) for f in fields))

    def check_unique(self, doc: dict) -> None:
        """Raise DuplicateKey if another document holds one of this one's unique keys."""
        doc_id = doc[self.spec.id_field]
        for key, owners in self.unique.items():
            value = doc.get(key)
            if value is not None and owners.get(value, doc_id) != doc_id:
                raise DuplicateKey(self.spec.name, key)

    def add(self, doc: dict) -> None:
        """Index a document."""
        entry = self.entry(doc)
        self.all.add(entry)
        for fields, lists in self.by_fields.items():
            for key in self._keys(fields, doc):
                lists[key].add(entry)
        for key, owners in self.unique.items():
            if doc.get(key) is not None:
                owners[doc[key]] = entry[1]

    def remove(self, doc: dict) -> None:
        """Forget a document, as it was when it was indexed."""
        entry = self.entry(doc)
        self.all.discard(entry)
        for fields, lists in self.by_fields.items():
            for key in self._keys(fields, doc):
                bucket = lists.get(key)
                if bucket is not None:
                    bucket.discard(entry)
                    if not bucket:
                        del lists[key]
        for key, owners in self.unique.items():
            if owners.get(doc.get(key)) == entry[1]:
                del owners[doc[key]]

    def lookup(self, alternative: dict):
        """The sorted entries matching an alternative, or None when no index covers it."""
        if not alternative:
            return self.all
        fields = tuple(sorted(alternative))
        for index_fields, lists in self.by_fields.items():
            if tuple(sorted(index_fields)) == fields:
                key = tuple(alternative[f] for f in index_fields)
                return lists.get(key, ())
        return None

    def unique_id(self, key: str, value) -> str | None:
        """The id holding a unique key value."""
        return self.unique.get(key, {}).get(value)
