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
    """The indexes of one table; every method must be called under the storage lock.

    Each index maps a key (the values of its fields) to a SortedList of (sort value, id)
    entries, so a page in that order is a slice rather than a sort.
    """

    def __init__(self, spec: TableSpec):
        self.spec = spec
        self.all = SortedList()
        definitions = [(fields, spec.sort_field) for fields in spec.indexes] + list(spec.ordered)
        self.by_fields: dict[tuple, dict] = {(tuple(fields), order): defaultdict(SortedList)
                                             for fields, order in definitions}
        self.unique: dict[str, dict] = {key: {} for key in spec.unique}

    def _entry(self, doc: dict, order: str) -> tuple:
        return (sort_value(doc.get(order)), doc[self.spec.id_field])

    @staticmethod
    def _keys(fields: tuple, doc: dict):
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
        self.all.add(self._entry(doc, self.spec.sort_field))
        for (fields, order), lists in self.by_fields.items():
            entry = self._entry(doc, order)
            for key in self._keys(fields, doc):
                lists[key].add(entry)
        for key, owners in self.unique.items():
            if doc.get(key) is not None:
                owners[doc[key]] = doc[self.spec.id_field]

    def remove(self, doc: dict) -> None:
        """Forget a document, as it was when it was indexed."""
        self.all.discard(self._entry(doc, self.spec.sort_field))
        for (fields, order), lists in self.by_fields.items():
            entry = self._entry(doc, order)
            for key in self._keys(fields, doc):
                bucket = lists.get(key)
                if bucket is not None:
                    bucket.discard(entry)
                    if not bucket:
                        del lists[key]
        for key, owners in self.unique.items():
            if owners.get(doc.get(key)) == doc[self.spec.id_field]:
                del owners[doc[key]]

    def lookup(self, alternative: dict, order: str | None = None):
        """The entries matching an alternative in that order, or None when no index has it."""
        order = order or self.spec.sort_field
        if not alternative:
            return self.all if order == self.spec.sort_field else None
        wanted = tuple(sorted(alternative))
        for (fields, index_order), lists in self.by_fields.items():
            if index_order == order and tuple(sorted(fields)) == wanted:
                return lists.get(tuple(alternative[f] for f in fields), ())
        return None

    def unique_id(self, key: str, value) -> str | None:
        """The id holding a unique key value."""
        return self.unique.get(key, {}).get(value)
