"""Per-role quotas: public worlds, public stories and AI requests per day."""

from __future__ import annotations

from contextlib import contextmanager, nullcontext

from core.clock import utc_now
from core.errors import AiQuotaExceeded, QuotaExceeded
from core.models import AiUsage, Story, World
from core.permissions import quotas_for
from services.keyed_locks import KeyedLocks


class QuotaService:
    """Counts what a user has used against the limits of their current role."""

    def __init__(self, storage):
        self._storage = storage
        self._locks = KeyedLocks()

    @contextmanager
    def guard(self, user_id: str, needed: bool = True):
        """Serialise one user's quota-checked writes so two requests cannot both pass.

        Writes that publish nothing need no quota check, so they skip the lock (and do not
        queue behind each other's fsync).
        """
        with self._locks.hold(user_id) if needed else nullcontext():
            yield

    def usage(self, user) -> dict:
        """Used and limit of every quota for the user's current role."""
        limits = quotas_for(user.role)
        return {
            "public_worlds": {"used": self._public_worlds(user), "limit": limits.public_worlds},
            "public_stories": {"used": self._public_stories(user),
                               "limit": limits.public_stories},
            "ai_requests_today": {"used": self.ai_requests_today(user),
                                  "limit": limits.ai_requests_per_day},
        }

    def check_public_world(self, user) -> None:
        """Raise 0001 when the user may not own one more public world."""
        limit = quotas_for(user.role).public_worlds
        if limit is not None and self._public_worlds(user) >= limit:
            raise QuotaExceeded(f"Your role may have at most {limit} public worlds")

    def check_public_story(self, user) -> None:
        """Raise 0001 when the user may not own one more public story."""
        limit = quotas_for(user.role).public_stories
        if limit is not None and self._public_stories(user) >= limit:
            raise QuotaExceeded(f"Your role may have at most {limit} public stories")

    def ai_requests_today(self, user) -> int:
        """How many AI requests the user made today (UTC)."""
        usage = self._storage.get(AiUsage, self._usage_id(user))
        return usage.count if usage else 0

    def record_ai_request(self, user) -> None:
        """Count one AI request for today, or raise 0002 when the quota is used up."""
        limit = quotas_for(user.role).ai_requests_per_day
        with self.guard(user.user_id):
            usage = self._storage.get(AiUsage, self._usage_id(user)) or AiUsage(
                usage_id=self._usage_id(user), user_id=user.user_id, day=self._today())
            if limit is not None and usage.count >= limit:
                raise AiQuotaExceeded(f"Your role allows {limit} AI requests a day")
            usage.count += 1
            self._storage.save(usage)

    def _public_worlds(self, user) -> int:
        return self._storage.count(World, {"owner_id": user.user_id, "visibility": "public"})

    def _public_stories(self, user) -> int:
        return self._storage.count(Story, {"owner_id": user.user_id, "visibility": "public"})

    @staticmethod
    def _today() -> str:
        return utc_now().strftime("%Y-%m-%d")

    def _usage_id(self, user) -> str:
        return f"{user.user_id}:{self._today()}"
