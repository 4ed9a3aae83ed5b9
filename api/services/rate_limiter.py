"""A thread-safe sliding-window counter of failures per key."""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque


class SlidingWindowLimiter:
    """Allows at most `limit` recorded events per key within `window` seconds."""

    def __init__(self, limit: int, window: float, max_keys: int = 100_000, clock=time.monotonic):
        self.limit = limit
        self.window = window
        self._max_keys = max_keys
        self._clock = clock
        self._events: OrderedDict[str, deque] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, key: str) -> int:
        """Seconds until the key may try again, or 0 when it may now."""
        with self._lock:
            events = self._fresh(key)
            if len(events) < self.limit:
                return 0
            return max(1, math.ceil(events[0] + self.window - self._clock()))

    def record(self, key: str) -> None:
        """Count one event for the key."""
        with self._lock:
            self._fresh(key).append(self._clock())
            self._events.move_to_end(key)
            while len(self._events) > self._max_keys:
                self._events.popitem(last=False)

    def reset(self, key: str) -> None:
        """Forget the key's events (after a success)."""
        with self._lock:
            self._events.pop(key, None)

    def _fresh(self, key: str) -> deque:
        events = self._events.setdefault(key, deque())
        horizon = self._clock() - self.window
        while events and events[0] <= horizon:
            events.popleft()
        return events
