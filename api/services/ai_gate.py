"""What every AI start passes after its own checks: the short-term rate and the daily quota."""

from __future__ import annotations

from core.errors import AiRateLimited


class AiGate:
    """Counts one AI request of a user, or refuses it (0004 too fast, 0002 quota used up).

    `rate_limit.hit(user_id)` answers the seconds to wait, 0 when the request may go.
    """

    def __init__(self, quotas, rate_limit):
        self._quotas = quotas
        self._rate_limit = rate_limit

    def admit(self, user) -> None:
        """Count the request against the rate limit, then the daily quota."""
        wait = self._rate_limit.hit(user.user_id)
        if wait:
            raise AiRateLimited(wait)
        self._quotas.record_ai_request(user)

    def admit_internal(self) -> None:
        """Count a request of another service against the same per-minute rate (one key for
        every internal caller; they have no daily quota)."""
        wait = self._rate_limit.hit("internal")
        if wait:
            raise AiRateLimited(wait)
