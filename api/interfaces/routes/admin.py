"""Admin routes: users, roles, bans and totals; moderators may ban."""

from flask import Blueprint

from interfaces.envelope import ok
from interfaces.schemas.admin import BanChange, RoleChange, UserListQuery
from interfaces.schemas.outputs import (AdminStatsOut, AdminUserEnvelopeOut, AdminUserPageOut,
                                        RolesOut)
from interfaces.swagger import doc
from interfaces.validation import validate_body, validate_query


def create_admin_bp(admin_service, auth):
    """Routes under /api/admin."""
    bp = Blueprint("admin", __name__, url_prefix="/api/admin")

    @bp.get("/users")
    @doc("Accounts, with search and role filter", tag="admin", response=AdminUserPageOut)
    @auth.moderator_required
    @validate_query(UserListQuery)
    def list_users(user, query):
        return ok(admin_service.list_users(query.q, query.role, query.page, query.page_size))

    @bp.get("/users/<user_id>")
    @doc("One account", tag="admin", response=AdminUserEnvelopeOut, errors=("3001",))
    @auth.moderator_required
    def get_user(user_id, user):
        return ok(admin_service.get_user(user_id))

    @bp.put("/users/<user_id>/role")
    @doc("Change an account's role (admins only)", tag="admin", response=AdminUserEnvelopeOut,
         errors=("3001",))
    @auth.admin_required
    @validate_body(RoleChange)
    def set_role(user_id, user, body):
        return ok(admin_service.set_role(user, user_id, body.role))

    @bp.post("/users/<user_id>/ban")
    @doc("Ban or unban an account (moderators and admins; admins cannot be banned)",
         tag="admin", response=AdminUserEnvelopeOut, errors=("3001",))
    @auth.moderator_required
    @validate_body(BanChange)
    def set_ban(user_id, user, body):
        return ok(admin_service.set_ban(user, user_id, body.banned, body.reason))

    @bp.get("/roles")
    @doc("Roles with their permissions and quotas", tag="admin", response=RolesOut)
    @auth.admin_required
    def roles(user):
        return ok(admin_service.roles())

    @bp.get("/stats")
    @doc("True totals, private content included", tag="admin", response=AdminStatsOut)
    @auth.admin_required
    def stats(user):
        return ok(admin_service.stats())

    return bp
