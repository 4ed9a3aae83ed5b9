"""Administration: users, roles, bans, the roles catalogue and true totals."""

from __future__ import annotations

import logging

from core.clock import now_iso
from core.errors import Forbidden, NotFound
from core.models import Entity, Event, Location, Story, User, World
from core.permissions import ROLE_PERMISSIONS, ROLES, quotas_for
from core.text import fold
from services.world_access import page_of
from storage.base import Query

log = logging.getLogger("storyloom.admin")


class AdminService:
    """What admins (and, for bans, moderators) do to accounts."""

    def __init__(self, storage, auth_service):
        self._storage = storage
        self._auth = auth_service

    def _load(self, user_id: str) -> User:
        user = self._storage.get(User, user_id)
        if user is None:
            raise NotFound("user")
        return user

    def _admin_view(self, user: User) -> dict:
        return {**self._auth.user_view(user), "ban_reason": user.ban_reason,
                "updated_at": user.updated_at}

    def list_users(self, q: str | None = None, role: str | None = None, page: int = 1,
                   page_size: int = 20) -> dict:
        """Accounts, newest first, filtered by username/email part and role."""
        query = Query(any_of=({"role": role},) if role else ({},),
                      text=fold(q) if q else None, text_fields=("username_key", "email_key"),
                      offset=(page - 1) * page_size, limit=page_size)
        found = self._storage.find(User, query)
        return page_of([self._admin_view(u) for u in found.items], found.total, page, page_size)

    def get_user(self, user_id: str) -> dict:
        """One account with its quotas and ban state."""
        return {"user": self._admin_view(self._load(user_id))}

    def set_role(self, actor: User, user_id: str, role: str) -> dict:
        """Change a role; its quotas apply on the next request. Admins cannot demote themselves."""
        target = self._load(user_id)
        if target.user_id == actor.user_id and role != "admin":
            raise Forbidden("An admin cannot demote themself")
        target.role, target.updated_at = role, now_iso()
        self._storage.save(target)
        log.info("role changed", extra={"fields": {"by": actor.user_id, "user": user_id,
                                                   "role": role}})
        return {"user": self._admin_view(target)}

    def set_ban(self, actor: User, user_id: str, banned: bool, reason: str = "") -> dict:
        """Ban or unban; a banned account's tokens answer 1005 from the next request."""
        target = self._load(user_id)
        if target.user_id == actor.user_id:
            raise Forbidden("You cannot ban yourself")
        if target.role == "admin":
            raise Forbidden("Admins cannot be banned; change their role first")
        target.banned, target.ban_reason = banned, (reason if banned else "")
        target.updated_at = now_iso()
        self._storage.save(target)
        log.info("ban changed", extra={"fields": {"by": actor.user_id, "user": user_id,
                                                  "banned": banned}})
        return {"user": self._admin_view(target)}

    @staticmethod
    def roles() -> dict:
        """Every role with its permissions and quotas."""
        return {"roles": [{"role": role, "permissions": list(ROLE_PERMISSIONS[role]),
                           "quotas": {"public_worlds": quotas_for(role).public_worlds,
                                      "public_stories": quotas_for(role).public_stories,
                                      "ai_requests_per_day": quotas_for(role).ai_requests_per_day}}
                          for role in ROLES]}

    def stats(self) -> dict:
        """True totals, private and draft content included."""
        count = self._storage.count

        def by_visibility(model) -> dict:
            return {v: count(model, {"visibility": v}) for v in ("draft", "private", "public")}

        return {"users": {"total": count(User),
                          "by_role": {r: count(User, {"role": r}) for r in ROLES},
                          "banned": count(User, {"banned": True})},
                "worlds": {"total": count(World), "by_visibility": by_visibility(World)},
                "stories": {"total": count(Story), "by_visibility": by_visibility(Story)},
                "entities": count(Entity), "locations": count(Location), "events": count(Event)}
