"""Bodies and query strings of the admin routes."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import StringConstraints

from interfaces.schemas.common import PageQuery, StrictModel, example

Role = Literal["admin", "moderator", "premium", "user", "guest"]


class RoleChange(StrictModel):
    """The new role; its quotas apply at once."""

    model_config = example({"role": "premium"})

    role: Role


class BanChange(StrictModel):
    """Ban (with a reason) or unban an account."""

    model_config = example({"banned": True, "reason": "Spam in public stories"})

    banned: bool
    reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] = ""


class UserListQuery(PageQuery):
    """Filters of the user list."""

    q: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None = None
    role: Role | None = None
