"""Serialized GET answers, reused until the next committed write to storage."""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict

from flask import Response, request


class ResponseCache:
    """A bounded LRU of answers keyed by URL and caller, valid for one storage generation."""

    def __init__(self, generation, max_bytes: int = 32 * 1024 * 1024):
        self._generation = generation
        self._max_bytes = max_bytes
        self._entries: OrderedDict[tuple, tuple[int, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def cached(self, view):
        """Decorate a GET view placed under an auth guard (it receives `user`)."""
        @functools.wraps(view)
        def wrapper(*args, user=None, **kwargs):
            generation = self._generation()
            if generation is None:
                return view(*args, user=user, **kwargs)
            # The answer depends on who asks: their id and their role (read fresh from storage).
            key = (request.full_path, user.user_id if user else None, user.role if user else None)
            body = self._lookup(key, generation)
            if body is not None:
                return Response(body, status=200, mimetype="application/json")
            response = view(*args, user=user, **kwargs)
            if response.status_code == 200:
                self._store(key, generation, response.get_data())
            return response
        return wrapper

    def _lookup(self, key, generation) -> bytes | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != generation:
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def _store(self, key, generation, body: bytes) -> None:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old[1])
            self._entries[key] = (generation, body)
            self._bytes += len(body)
            while self._bytes > self._max_bytes and self._entries:
                _, (_, evicted) = self._entries.popitem(last=False)
                self._bytes -= len(evicted)
