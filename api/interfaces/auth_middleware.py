"""Route guards: token_required, optional_auth, moderator_required and admin_required."""

from __future__ import annotations

import functools

from flask import g, request

from core.errors import Forbidden, MissingToken
from core.permissions import has_permission


class AuthGuards:
    """Decorators that authenticate the bearer token and pass the caller as `user`."""

    def __init__(self, auth_service):
        self._auth = auth_service

    def _bearer(self) -> str | None:
        header = request.headers.get("Authorization")
        if header is None:
            return None
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise MissingToken("Malformed Authorization header; use 'Bearer <token>'")
        return token.strip()

    def _authenticate(self, token: str):
        user, claims = self._auth.authenticate(token)
        g.user_id, g.token_claims = user.user_id, claims
        return user

    def token_required(self, view):
        """The route needs a valid token (1001/1002/1005 otherwise)."""
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            token = self._bearer()
            if token is None:
                raise MissingToken()
            return view(*args, user=self._authenticate(token), **kwargs)
        wrapper.auth = "token"
        return wrapper

    def optional_auth(self, view):
        """The route serves anonymous callers too; a token sent must still be valid."""
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            token = self._bearer()
            user = self._authenticate(token) if token else None
            return view(*args, user=user, **kwargs)
        wrapper.auth = "optional"
        return wrapper

    def _role_required(self, permission: str, label: str):
        def decorator(view):
            @functools.wraps(view)
            def checked(*args, user, **kwargs):
                if not has_permission(user, permission):
                    raise Forbidden(f"Only {label} may do this")
                return view(*args, user=user, **kwargs)
            wrapper = self.token_required(checked)
            wrapper.auth = label
            return wrapper
        return decorator

    def admin_required(self, view):
        """The route is for admins only (1004 for anyone else)."""
        return self._role_required("change_roles", "admins")(view)

    def moderator_required(self, view):
        """The route is for moderators and admins (1004 for anyone else)."""
        return self._role_required("delete_any", "moderators and admins")(view)
