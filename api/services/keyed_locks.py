"""One lock per key (a user, a world), for check-then-write sequences within this process."""

import threading
from collections import defaultdict
from contextlib import contextmanager


class KeyedLocks:
    """Serialises work on the same key; different keys never wait for each other."""

    def __init__(self):
        self._locks: dict[str, threading.Lock] = defaultdict(threading.Lock)
        self._guard = threading.Lock()

    @contextmanager
    def hold(self, key: str):
        """Hold the key's lock for the duration of the block."""
        with self._guard:
            lock = self._locks[key]
        with lock:
            yield
