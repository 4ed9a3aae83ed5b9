"""The budget of password guesses per account, counted in `limits` storage (memory or Redis)."""

from __future__ import annotations

import math
import time

from limits import RateLimitItemPerSecond
from limits.strategies import MovingWindowRateLimiter

from core.errors import TooManyAttempts
from core.models import User


class PasswordGuesses:
    """At most `max_guesses` password checks per account in the window, all addresses together."""

    def __init__(self, storage, max_guesses: int, window_seconds: int):
        self._limiter = MovingWindowRateLimiter(storage)
        self._limit = RateLimitItemPerSecond(max_guesses, window_seconds)

    def spend(self, user: User | None, identifier: str = "") -> None:
        """Count a guess before the password is checked; 1007 once the account's budget is spent."""
        account = _account(user, identifier)
        # One atomic hit decides and counts, so parallel guesses cannot all pass one check.
        if self._limiter.hit(self._limit, "guesses", account):
            return
        reset_at, _ = self._limiter.get_window_stats(self._limit, "guesses", account)
        wait = max(1, math.ceil(reset_at - time.time()))
        raise TooManyAttempts(wait, f"Too many wrong passwords for this account; try again in "
                                    f"{wait} seconds")

    def forget(self, user: User) -> None:
        """Clear the account's count once its password has been proven."""
        self._limiter.clear(self._limit, "guesses", _account(user))


def _account(user: User | None, identifier: str = "") -> str:
    # The user id makes a username and its email one account; unknown names count by themselves.
    return f"user:{user.user_id}" if user is not None else f"name:{identifier}"
