"""In-memory indexes of one table: equality keys to ids kept in order, and unique keys."""

from __future__ import annotations

import itertools
from collections import defaultdict

from sortedcontainers import SortedList

from storage.base import DuplicateKey
from storage.schema import TableSpec, unique_values


def field_values(doc: dict, field: str) -> list:
    """The index values of a field: each element of a list, or the value itself."""
    value = doc.get(field)
    if isinstance(value, list):
        return [v for v in value if isinstance(v, (str, int, bool))]
    return [] if value is None or isinstance(value, dict) else [value]


def sort_value(value) -> tuple:
    """A sort value that compares with the others of its column; None sorts last."""
    return (1, "") if value is None else (0, value)



class TableIndexes:
    """The indexes of one table; every method must be called by the store's single owner.

    Each index maps a key (the values of its fields) to a SortedList of (sort value, id)
    entries, so a page in that order is a slice rather than a sort. References are indexed
    like single fields.
    """

    def __init__(self, spec: TableSpec):
        self.spec = spec
        self.all = SortedList()
        singles = [((ref,), spec.sort_field) for ref in spec.references]
        definitions = [(tuple(fields), spec.sort_field) for fields in spec.indexes]
        definitions += [(tuple(fields), order) for fields, order in spec.ordered] + singles
        self.by_fields: dict[tuple, dict] = {d: defaultdict(SortedList)
                                             for d in dict.fromkeys(definitions)}
        self.unique: dict[tuple, str] = {}
        self._fields = {f for fields, _ in self.by_fields for f in fields}
        self._orders = {order for _, order in self.by_fields} | {spec.sort_field}

    def _filings(self, doc: dict):
        """Per index: its sorted lists, the keys the document files under, and its entry."""
        doc_id = doc[self.spec.id_field]
        values = {f: field_values(doc, f) for f in self._fields}
        entries = {order: (sort_value(doc.get(order)), doc_id) for order in self._orders}
        for (fields, order), lists in self.by_fields.items():
            keys = itertools.product(*(values[f] for f in fields))
            yield lists, keys, entries[order]

    def check_unique(self, doc: dict) -> None:
        """Raise DuplicateKey if another document holds one of this one's unique values."""
        doc_id = doc[self.spec.id_field]
        for key, value in unique_values(self.spec, doc):
            if self.unique.get((key, value), doc_id) != doc_id:
                raise DuplicateKey(self.spec.name, "+".join(key))

    def add(self, doc: dict) -> None:
        """Index a document (its unique values must have been checked)."""
        doc_id = doc[self.spec.id_field]
        self.all.add((sort_value(doc.get(self.spec.sort_field)), doc_id))
        for lists, keys, entry in self._filings(doc):
            for key in keys:
                lists[key].add(entry)
        for claim in unique_values(self.spec, doc):
            self.unique[claim] = doc_id

    def remove(self, doc: dict) -> None:
        """Forget a document, as it was when it was indexed."""
        doc_id = doc[self.spec.id_field]
        self.all.discard((sort_value(doc.get(self.spec.sort_field)), doc_id))
        for lists, keys, entry in self._filings(doc):
            for key in keys:
                bucket = lists.get(key)
                if bucket is not None:
                    bucket.discard(entry)
                    if not bucket:
                        del lists[key]
        for claim in unique_values(self.spec, doc):
            if self.unique.get(claim) == doc_id:
                del self.unique[claim]

    def build(self, docs) -> None:
        """Index many documents at once: one sort per list instead of an insert per entry."""
        every, buckets = [], defaultdict(list)
        for doc in docs:
            doc_id = doc[self.spec.id_field]
            every.append((sort_value(doc.get(self.spec.sort_field)), doc_id))
            for lists, keys, entry in self._filings(doc):
                for key in keys:
                    buckets[(id(lists), key)].append(entry)
            for claim in unique_values(self.spec, doc):
                self.unique[claim] = doc_id
        self.all = SortedList(every)
        owners = {id(lists): lists for lists in self.by_fields.values()}
        for (owner, key), entries in buckets.items():
            owners[owner][key] = SortedList(entries)

    def copy(self) -> "TableIndexes":
        """An independent copy (the entries are immutable tuples, shared)."""
        twin = TableIndexes(self.spec)
        twin.all = self.all.copy()
        for definition, lists in self.by_fields.items():
            twin.by_fields[definition].update((key, bucket.copy())
                                              for key, bucket in lists.items())
        twin.unique = dict(self.unique)
        return twin

    def lookup(self, alternative: dict, order: str | None = None):
        """The entries matching an alternative in that order; KeyError when no index has it."""
        order = order or self.spec.sort_field
        if not alternative:
            if order == self.spec.sort_field:
                return self.all
            raise KeyError(f"{self.spec.name}: no index of everything by {order}")
        fields = tuple(sorted(alternative))
        for (indexed, index_order), lists in self.by_fields.items():
            if index_order == order and tuple(sorted(indexed)) == fields:
                return lists.get(tuple(alternative[f] for f in indexed), ())
        raise KeyError(f"{self.spec.name}: no index on {fields} by {order}")

    def owner_of(self, key: tuple, value: tuple) -> str | None:
        """The id holding a unique value."""
        return self.unique.get((key, value))
