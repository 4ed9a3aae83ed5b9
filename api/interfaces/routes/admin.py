"""Admin routes: users, roles, bans and totals; moderators may ban."""

from flask import Blueprint

from core.errors import NOT_FOUND
from interfaces.auth_guards import ADMIN, MODERATOR
from interfaces.schemas.admin import BanChange, RoleChange, UserListQuery
from interfaces.schemas.outputs import (AdminStatsOut, AdminUserEnvelopeOut, AdminUserPageOut,
                                        RolesOut)


def create_admin_bp(admin_service, endpoints):
    """Routes under /api/admin."""
    bp = Blueprint("admin", __name__, url_prefix="/api/admin")
    route = endpoints.router(bp, tag="admin")

    @route.get("/users", "Accounts, with search and role filter", access=MODERATOR,
               query=UserListQuery, response=AdminUserPageOut)
    def list_users(user, query):
        return admin_service.list_users(query.q, query.role, query.page_request())

    @route.get("/users/<user_id>", "One account", access=MODERATOR,
               response=AdminUserEnvelopeOut, errors=(NOT_FOUND,))
    def get_user(user_id, user):
        return {"user": admin_service.get_user(user_id)}

    @route.put("/users/<user_id>/role", "Change an account's role (admins only)", access=ADMIN,
               body=RoleChange, response=AdminUserEnvelopeOut, errors=(NOT_FOUND,))
    def set_role(user_id, user, body):
        return {"user": admin_service.set_role(user, user_id, body.role)}

    @route.post("/users/<user_id>/ban", "Ban or unban an account (moderators and admins; "
                "admins cannot be banned)", access=MODERATOR, body=BanChange,
                response=AdminUserEnvelopeOut, errors=(NOT_FOUND,))
    def set_ban(user_id, user, body):
        return {"user": admin_service.set_ban(user, user_id, body.banned, body.reason)}

    @route.get("/roles", "Roles with their permissions and quotas", access=ADMIN,
               response=RolesOut)
    def roles(user):
        return {"roles": admin_service.roles()}

    @route.get("/stats", "True totals, private content included", access=ADMIN,
               response=AdminStatsOut)
    def stats(user):
        return admin_service.stats()

    return bp
