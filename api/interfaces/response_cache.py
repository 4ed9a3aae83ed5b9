"""Serialized GET answers, reused until a write touches what they were built from.

Each cached route names the change scopes its answer depends on (storage/schema.py
change_scopes: `table:<name>`, `world:<id>`). The storage's marks for those scopes are read
before the answer is built and stored with it; a later request serves it only while the marks
are unchanged. Marks move only after a write is visible (in any process, with PostgreSQL), so
no process serves an answer older than a write another process acknowledged.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from flask import Response, request

WORLD_LISTS = ("table:worlds", "table:stories", "table:entities", "table:locations",
               "table:events")
STORY_READS = ("table:stories", "table:worlds")


def world_scope(world_id: str, **_) -> tuple[str, ...]:
    """A world and everything in it."""
    return (f"world:{world_id}",)


class ResponseCache:
    """A bounded LRU of answer bodies keyed by URL and caller, valid while their marks hold."""

    def __init__(self, change_marks, max_bytes: int = 32 * 1024 * 1024):
        self._change_marks = change_marks
        self._max_bytes = max_bytes
        self._entries: OrderedDict[tuple, tuple[tuple, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def wrap(self, view, scopes):
        """A view under an auth guard (it receives `user`) whose 200 answers are cached.

        `scopes` is a tuple, or a function of the route's path parameters returning one.
        """
        def cached(user=None, **params):
            names = scopes(**params) if callable(scopes) else scopes
            marks = self._change_marks(names)
            # The answer depends on who asks: their id and their role (read fresh from storage).
            key = (request.full_path, user.user_id if user else None, user.role if user else None)
            body = self._lookup(key, marks)
            if body is not None:
                return Response(body, status=200, mimetype="application/json")
            response = view(user=user, **params)
            if response.status_code == 200:
                self._store(key, marks, response.get_data())
            return response
        return cached

    def _lookup(self, key, marks) -> bytes | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != marks:
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def _store(self, key, marks, body: bytes) -> None:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old[1])
            self._entries[key] = (marks, body)
            self._bytes += len(body)
            while self._bytes > self._max_bytes and self._entries:
                _, (_, evicted) = self._entries.popitem(last=False)
                self._bytes -= len(evicted)
