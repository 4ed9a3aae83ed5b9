"""Password hashing that runs a bounded number of hashes at once and never queues for long."""

from __future__ import annotations

import math
import threading
from contextlib import contextmanager

from core.errors import Throttled


class BoundedPasswords:
    """Wraps Passwords: argon2 is CPU- and memory-bound, so hashing more at once only queues."""

    def __init__(self, passwords, concurrency: int, wait_seconds: float):
        self._passwords = passwords
        self._slots = threading.BoundedSemaphore(concurrency)
        self._wait = wait_seconds

    def hash(self, password: str) -> str:
        """An argon2id hash of the password, made while holding a slot."""
        with self.slot():
            return self._passwords.hash(password)

    def verify(self, password_hash: str | None, password: str) -> bool:
        """Whether the password matches, checked while holding a slot."""
        with self.slot():
            return self._passwords.verify(password_hash, password)

    @contextmanager
    def slot(self):
        """Hold one hashing slot; 0005 when none frees up within the bounded wait."""
        if not self._slots.acquire(timeout=self._wait):
            wait = max(1, math.ceil(self._wait))
            raise Throttled(wait, f"The server is busy checking passwords; try again in {wait} "
                                  "seconds")
        try:
            yield
        finally:
            self._slots.release()
