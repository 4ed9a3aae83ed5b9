"""Password hashing runs at most N hashes at once and refuses after a bounded wait."""

import threading
import time

import pytest

from core.errors import Throttled
from services.bounded_passwords import BoundedPasswords


class SlowPasswords:
    """A stand-in for Passwords that records how many hashes run at once."""

    def __init__(self):
        self.running = self.most = 0
        self.lock = threading.Lock()

    def hash(self, password):
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        time.sleep(0.02)
        with self.lock:
            self.running -= 1
        return f"hash:{password}"

    def verify(self, password_hash, password):
        return password_hash == self.hash(password)


def test_no_more_hashes_run_at_once_than_the_concurrency():
    inner = SlowPasswords()
    passwords = BoundedPasswords(inner, concurrency=2, wait_seconds=10)
    threads = [threading.Thread(target=passwords.hash, args=(str(n),)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert inner.most == 2


def test_a_full_queue_answers_0005_with_retry_after_after_the_wait():
    passwords = BoundedPasswords(SlowPasswords(), concurrency=1, wait_seconds=0.05)
    with passwords.slot():
        started = time.monotonic()
        with pytest.raises(Throttled) as caught:
            passwords.verify("hash:x", "x")
        assert 0.05 <= time.monotonic() - started < 1
    assert caught.value.status == 429 and caught.value.headers == {"Retry-After": "1"}
    assert passwords.verify("hash:x", "x")
