"""Administration: users, roles, bans, the roles catalogue and true totals."""

from __future__ import annotations

import logging

from core.clock import now_iso
from core.errors import Forbidden, NotFound
from core.models import User
from core.models.views import AccountView, PageView
from core.permissions import ROLE_PERMISSIONS, ROLES, quotas_for
from core.text import fold
from storage import PageRequest, retry_on_conflict

log = logging.getLogger("storyloom.admin")


class AdminService:
    """What admins (and, for bans, moderators) do to accounts."""

    def __init__(self, storage, auth_service):
        self._storage = storage
        self._auth = auth_service

    def list_users(self, q: str | None = None, role: str | None = None,
                   page: PageRequest = PageRequest()) -> PageView:
        """Accounts, newest first, filtered by username/email part and role."""
        found = self._storage.list_users(fold(q) if q else None, role, page)
        return PageView([self._auth.account(u) for u in found.items], found.total, page.page,
                        page.page_size)

    def get_user(self, user_id: str) -> AccountView:
        """One account with its quotas and ban state."""
        return self._auth.account(_existing(self._storage, user_id))

    @retry_on_conflict
    def set_role(self, actor: User, user_id: str, role: str) -> AccountView:
        """Change a role; its quotas apply on the next request. Admins cannot demote themselves."""
        with self._storage.transaction() as tx:
            target = _existing(tx, user_id)
            if target.user_id == actor.user_id and role != "admin":
                raise Forbidden("An admin cannot demote themself")
            target.role, target.updated_at = role, now_iso()
            tx.update(target)
        log.info("role changed", extra={"fields": {"by": actor.user_id, "user": user_id,
                                                   "role": role}})
        return self._auth.account(target)

    @retry_on_conflict
    def set_ban(self, actor: User, user_id: str, banned: bool, reason: str = "") -> AccountView:
        """Ban or unban; a banned account's tokens answer 1005 from the next request."""
        with self._storage.transaction() as tx:
            target = _existing(tx, user_id)
            if target.user_id == actor.user_id:
                raise Forbidden("You cannot ban yourself")
            if target.role == "admin":
                raise Forbidden("Admins cannot be banned; change their role first")
            target.banned, target.ban_reason = banned, (reason if banned else "")
            target.updated_at = now_iso()
            tx.update(target)
        log.info("ban changed", extra={"fields": {"by": actor.user_id, "user": user_id,
                                                  "banned": banned}})
        return self._auth.account(target)

    @staticmethod
    def roles() -> list[dict]:
        """Every role with its permissions and quotas."""
        return [{"role": role, "permissions": list(ROLE_PERMISSIONS[role]),
                 "quotas": {"public_worlds": quotas_for(role).public_worlds,
                            "public_stories": quotas_for(role).public_stories,
                            "ai_requests_per_day": quotas_for(role).ai_requests_per_day}}
                for role in ROLES]

    def stats(self) -> dict:
        """True totals, private and draft content included."""
        return self._storage.totals()


def _existing(reader, user_id: str) -> User:
    user = reader.get(User, user_id)
    if user is None:
        raise NotFound("user")
    return user
