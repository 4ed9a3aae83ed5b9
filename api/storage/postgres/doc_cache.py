"""Documents' fields kept by a process, each checked against its row's `xmin` on every read.

A world's timeline reads its 2,000 events whole: PostgreSQL writing a megabyte of JSONB out as
text and sending it takes most of the read. Asking for `(id, xmin)` and fetching only the rows
whose version this process has not seen yet gives the same answer for less. `xmin` is the
transaction that wrote the row version: every update (by any process, any migration) changes
it, and a rolled-back transaction's id never marks a committed row, so a matching `xmin` is the
same document. Each document is kept as its model's fields, parsed once; a read copies them
(Model.from_fields), about twice as fast as parsing the text again. Entries are kept in
least-recently-used order up to a count.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import orjson

MAX_DOCUMENTS = 20_000       # at about 2 kB of parsed fields each, some 40 MB


class DocumentCache:
    """Documents' model fields by (table, id) with the `xmin` they were read at."""

    def __init__(self, max_documents: int = MAX_DOCUMENTS):
        self._max = max_documents
        self._docs: OrderedDict[tuple, tuple] = OrderedDict()
        self._lock = threading.Lock()

    def models(self, rows, model_cls, table: str, where: str, params, order: str,
               shared: bool = False) -> list:
        """The models of `table` matching `where` in order, read through `rows(sql, params)`;
        each holds its own copy of the fields, so the caller owns it (only of the fields
        themselves, their lists and dicts being the cache's, when `shared`)."""
        stamps = rows(f"SELECT id, xmin::text FROM {table} WHERE {where} ORDER BY {order}",
                      params)
        found, missing = {}, []
        with self._lock:
            for doc_id, xmin in stamps:
                entry = self._docs.get((table, doc_id))
                if entry is not None and entry[0] == xmin:
                    self._docs.move_to_end((table, doc_id))
                    found[doc_id] = entry[1]
                else:
                    missing.append(doc_id)
        if missing:
            fetched = [(doc_id, xmin, vars(model_cls.from_own_dict(orjson.loads(doc))))
                       for doc_id, xmin, doc in rows(f"SELECT id, xmin::text, doc::text "
                                                     f"FROM {table} WHERE id = ANY(%s)",
                                                     (missing,))]
            with self._lock:
                for doc_id, xmin, fields in fetched:
                    found[doc_id] = fields
                    self._docs[(table, doc_id)] = (xmin, fields)
                    self._docs.move_to_end((table, doc_id))
                while len(self._docs) > self._max:
                    self._docs.popitem(last=False)
        # A row deleted between the two statements is left out, as a later read would.
        build = model_cls.sharing if shared else model_cls.from_fields
        return [build(found[doc_id]) for doc_id, _ in stamps if doc_id in found]

    def clear(self) -> None:
        """Forget every document (the storage is closing)."""
        with self._lock:
            self._docs.clear()
