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
        self._definitions = [(fields, order, lists)
                             for (fields, order), lists in self.by_fields.items()]
        self._fields = {field for fields, _, _ in self._definitions for field in fields}
        self._orders = {order for _, order, _ in self._definitions}

    def _filings(self, doc: dict):
        """Per index: its sorted lists, the keys the document files under, and its entry."""
        doc_id = doc[self.spec.id_field]
        values = {field: _values(doc, field) for field in self._fields}
        entries = {order: (sort_value(doc.get(order)), doc_id) for order in self._orders}
        for fields, order, lists in self._definitions:
            if len(fields) == 1:
                keys = [(value,) for value in values[fields[0]]]
            else:
                keys = itertools.product(*(values[field] for field in fields))
            yield lists, keys, entries[order]

    def check_unique(self, doc: dict) -> None:
        """Raise DuplicateKey if another document holds one of this one's unique keys."""
        doc_id = doc[self.spec.id_field]
        for key, owners in self.unique.items():
            value = doc.get(key)
            if value is not None and owners.get(value, doc_id) != doc_id:
                raise DuplicateKey(self.spec.name, key)

    def add(self, doc: dict) -> None:
        """Index a document."""
        self.all.add((sort_value(doc.get(self.spec.sort_field)), doc[self.spec.id_field]))
        for lists, keys, entry in self._filings(doc):
            for key in keys:
                lists[key].add(entry)
        for key, owners in self.unique.items():
            if doc.get(key) is not None:
                owners[doc[key]] = doc[self.spec.id_field]

    def remove(self, doc: dict) -> None:
        """Forget a document, as it was when it was indexed."""
        self.all.discard((sort_value(doc.get(self.spec.sort_field)), doc[self.spec.id_field]))
        for lists, keys, entry in self._filings(doc):
            for key in keys:
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
