"""Per-role quotas: public worlds, public stories and AI requests per day."""

from __future__ import annotations

from core.clock import utc_now
from core.errors import AiQuotaExceeded, QuotaExceeded
from core.models import AiUsage
from core.permissions import quotas_for
from storage import retry_on_conflict


class QuotaService:
    """Counts what a user has used against the limits of their current role.

    The checks take the transaction that is about to publish, so the count and the write
    are one atomic step: two requests cannot both take the last free place.
    """

    def __init__(self, storage):
        self._storage = storage

    def usage(self, user) -> dict:
        """Used and limit of every quota for the user's current role."""
        limits = quotas_for(user.role)
        worlds, stories = self._storage.public_counts(user.user_id)
        return {
            "public_worlds": {"used": worlds, "limit": limits.public_worlds},
            "public_stories": {"used": stories, "limit": limits.public_stories},
            "ai_requests_today": {"used": self.ai_requests_today(user),
                                  "limit": limits.ai_requests_per_day},
        }

    @staticmethod
    def check_public_world(tx, owner) -> None:
        """Raise 0001 when the owner may not have one more public world."""
        limit = quotas_for(owner.role).public_worlds
        if limit is not None and tx.public_counts(owner.user_id)[0] >= limit:
            raise QuotaExceeded(f"Your role may have at most {limit} public worlds")

    @staticmethod
    def check_public_story(tx, owner) -> None:
        """Raise 0001 when the owner may not have one more public story."""
        limit = quotas_for(owner.role).public_stories
        if limit is not None and tx.public_counts(owner.user_id)[1] >= limit:
            raise QuotaExceeded(f"Your role may have at most {limit} public stories")

    def ai_requests_today(self, user) -> int:
        """How many AI requests the user made today (UTC)."""
        usage = self._storage.get(AiUsage, _usage_id(user.user_id))
        return usage.count if usage else 0

    def token_totals(self, user_id: str) -> dict:
        """The tokens a user's AI tasks used, all days together."""
        records = self._storage.ai_usage_of(user_id)
        return {"prompt_tokens": sum(r.prompt_tokens for r in records),
                "completion_tokens": sum(r.completion_tokens for r in records)}

    @staticmethod
    def add_tokens(tx, user_id: str, usage: dict, shard: str) -> None:
        """Add a finished task's tokens to its user's record of today for one worker thread
        (`shard`), in the task's transaction: workers finishing tasks of one user at once
        write different records, and none of them the record the quota counts requests in."""
        if not (usage.get("prompt_tokens") or usage.get("completion_tokens")):
            return
        usage_id = f"{_usage_id(user_id)}:{shard}"
        record = tx.get(AiUsage, usage_id) or AiUsage(usage_id=usage_id, user_id=user_id,
                                                       day=_today())
        record.prompt_tokens += int(usage.get("prompt_tokens") or 0)
        record.completion_tokens += int(usage.get("completion_tokens") or 0)
        tx.upsert(record)

    @retry_on_conflict
    def record_ai_request(self, user) -> None:
        """Count one AI request for today, or raise 0002 when the quota is used up."""
        limit = quotas_for(user.role).ai_requests_per_day
        with self._storage.transaction() as tx:
            usage = tx.get(AiUsage, _usage_id(user.user_id)) or AiUsage(
                usage_id=_usage_id(user.user_id), user_id=user.user_id, day=_today())
            if limit is not None and usage.count >= limit:
                raise AiQuotaExceeded(f"Your role allows {limit} AI requests a day")
            usage.count += 1
            tx.upsert(usage)


def _today() -> str:
    return utc_now().strftime("%Y-%m-%d")


def _usage_id(user_id: str) -> str:
    return f"{user_id}:{_today()}"
