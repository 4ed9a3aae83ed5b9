"""Where throttle counts live (memory, or Redis shared by processes); per-address route limits."""

from __future__ import annotations

import functools
import logging
import math
import threading
import time

from limits import RateLimitItemPerSecond
from limits.errors import StorageError as LimitsStorageError
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from core.errors import StorageUnavailable
from interfaces.config import ConfigError
from interfaces.envelope import envelope

log = logging.getLogger("storyloom.throttling")


def _storage_uri_and_options(redis_url: str, key_prefix: str) -> tuple[str, dict]:
    return redis_url or "memory://", {"key_prefix": key_prefix, "wrap_exceptions": True}


class _MemoryStorage(MemoryStorage):
    """limits' memory storage, with clear() safe beside concurrent hits and its expiry thread."""

    def __init__(self):
        super().__init__(wrap_exceptions=True)
        self._guard = threading.Lock()

    # limits 5.8 clears a key without its lock: a hit or the expiry thread running at the same
    # moment dies with KeyError. One guard orders hits, reads and clears; the key's lock keeps
    # the expiry thread out while the key goes.
    def acquire_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        with self._guard:
            return super().acquire_entry(key, limit, expiry, amount)

    def get_moving_window(self, key: str, limit: int, expiry: int) -> tuple[float, int]:
        with self._guard:
            return super().get_moving_window(key, limit, expiry)

    def clear(self, key: str) -> None:
        with self._guard, self.locks[key]:
            super().clear(key)


def create_limits_storage(redis_url: str, key_prefix: str):
    """The `limits` storage for counts: Redis when REDIS_URL is set, else this process's memory."""
    if not redis_url:
        return _MemoryStorage()
    uri, options = _storage_uri_and_options(redis_url, key_prefix)
    storage = storage_from_string(uri, **options)
    if not storage.check():
        raise ConfigError("cannot reach the Redis server in REDIS_URL")
    return storage


class RouteLimits:
    """Per-address limits of single routes, counted in the `limits` storage (memory or Redis).

    Flask-Limiter's own decorators cost every request of the app a before- and an after-request
    hook (a quarter of a cached read's time); only the two limited routes pay for these.
    """

    def __init__(self, client_address, storage):
        self._client_address = client_address
        # A moving window's hit checks and counts in one step, so a burst cannot overshoot.
        self._limiter = MovingWindowRateLimiter(storage)

    def init_app(self, app) -> None:
        """Answer 5002 when the counts' storage is down."""
        app.register_error_handler(LimitsStorageError, _storage_down)

    def per_address(self, amount: int, window_seconds: int, error_class, what: str):
        """A decorator: `amount` requests per address within the window, then error_class."""
        limit = RateLimitItemPerSecond(amount, window_seconds)

        def decorator(view):
            @functools.wraps(view)
            def limited(*args, **kwargs):
                address = self._client_address()
                if not self._limiter.hit(limit, what, address):
                    reset_at, _ = self._limiter.get_window_stats(limit, what, address)
                    wait = max(1, math.ceil(reset_at - time.time()))
                    raise error_class(wait, f"Too many {what} from this address; try again "
                                            f"in {wait} seconds")
                return view(*args, **kwargs)
            return limited
        return decorator


class PerKeyLimit:
    """`amount` hits per key within a moving window, counted in the `limits` storage."""

    def __init__(self, storage, amount: int, window_seconds: int, what: str):
        self._limiter = MovingWindowRateLimiter(storage)
        self._limit = RateLimitItemPerSecond(amount, window_seconds)
        self._what = what

    def hit(self, key: str) -> int:
        """Count one hit; 0 when it is allowed, else the seconds until one would be."""
        if self._limiter.hit(self._limit, self._what, key):
            return 0
        reset_at, _ = self._limiter.get_window_stats(self._limit, self._what, key)
        return max(1, math.ceil(reset_at - time.time()))


def _storage_down(error: LimitsStorageError):
    log.error("throttle storage unavailable: %s", error.storage_error)
    failure = StorageUnavailable("Rate-limit storage unavailable; try again later")
    return envelope(failure.error_code, failure.detail, failure.data, failure.status)
