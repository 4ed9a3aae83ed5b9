"""Route guards: token_required, optional_auth, moderator_required and admin_required.

`AuthGuards.guard(access)` is the guard for the access a route declares (interfaces/endpoint.py
applies it); `ACCESS_DOCS` says how the spec documents each access level.
"""

from __future__ import annotations

import functools
import hmac

from flask import g, request

from core.errors import (ACCOUNT_BANNED, BAD_API_KEY, FORBIDDEN, INVALID_TOKEN, MISSING_TOKEN,
                         BadApiKey, Forbidden, MissingToken)
from core.permissions import has_permission
from interfaces.request_context import USER_KEY

PUBLIC = "public"          # no token looked at
OPTIONAL = "optional"      # anonymous, or a valid token
TOKEN = "token"            # a valid token
MODERATOR = "moderator"    # a valid token of a moderator or admin
ADMIN = "admin"            # a valid token of an admin
INTERNAL = "internal"      # the X-API-Key of another service (INTERNAL_API_KEY)

# access -> (OpenAPI security, error codes the guard may answer)
ACCESS_DOCS = {
    PUBLIC: (None, ()),
    OPTIONAL: ([{}, {"bearerAuth": []}], (INVALID_TOKEN, ACCOUNT_BANNED)),
    TOKEN: ([{"bearerAuth": []}], (MISSING_TOKEN, INVALID_TOKEN, ACCOUNT_BANNED)),
    MODERATOR: ([{"bearerAuth": []}], (MISSING_TOKEN, INVALID_TOKEN, FORBIDDEN, ACCOUNT_BANNED)),
    ADMIN: ([{"bearerAuth": []}], (MISSING_TOKEN, INVALID_TOKEN, FORBIDDEN, ACCOUNT_BANNED)),
    INTERNAL: ([{"apiKey": []}], (BAD_API_KEY,)),
}
_ROLE_CHECKS = {MODERATOR: ("delete_any", "moderators and admins"),
                ADMIN: ("change_roles", "admins")}


class AuthGuards:
    """Authenticates the bearer token and decides who may call a route."""

    def __init__(self, auth_service, internal_api_key: str = ""):
        self._auth = auth_service
        self._internal_key = internal_api_key.encode()

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
        g.token_claims = claims
        request.environ[USER_KEY] = user.user_id        # for the access log line
        return user

    def user_for(self, access: str):
        """The caller allowed by the access level (None when anonymous is allowed)."""
        if access == PUBLIC:
            return None
        token = self._bearer()
        if token is None:
            if access == OPTIONAL:
                return None
            raise MissingToken()
        user = self._authenticate(token)
        if access in _ROLE_CHECKS:
            permission, label = _ROLE_CHECKS[access]
            if not has_permission(user, permission):
                raise Forbidden(f"Only {label} may do this")
        return user

    def _guard(self, access: str):
        def decorator(view):
            @functools.wraps(view)
            def wrapper(*args, **kwargs):
                return view(*args, user=self.user_for(access), **kwargs)
            return wrapper
        return decorator

    def guard(self, access: str):
        """The guard decorator of an access level; it hands the view `user`."""
        return {OPTIONAL: self.optional_auth, TOKEN: self.token_required,
                MODERATOR: self.moderator_required, ADMIN: self.admin_required,
                INTERNAL: self.internal_key_required}[access]

    def internal_key_required(self, view):
        """The route is for other services: `X-API-Key` must equal INTERNAL_API_KEY, compared
        in constant time (1006 when it is missing, wrong, or no key is configured)."""
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            sent = request.headers.get("X-API-Key", "").encode()
            if not self._internal_key or not hmac.compare_digest(sent, self._internal_key):
                raise BadApiKey("Missing or wrong X-API-Key" if self._internal_key else
                                "Internal routes are off: INTERNAL_API_KEY is not set")
            return view(*args, user=None, **kwargs)
        return wrapper

    def token_required(self, view):
        """The route needs a valid token (1001/1002/1005 otherwise)."""
        return self._guard(TOKEN)(view)

    def optional_auth(self, view):
        """The route serves anonymous callers too; a token sent must still be valid."""
        return self._guard(OPTIONAL)(view)

    def moderator_required(self, view):
        """The route is for moderators and admins (1004 for anyone else)."""
        return self._guard(MODERATOR)(view)

    def admin_required(self, view):
        """The route is for admins only (1004 for anyone else)."""
        return self._guard(ADMIN)(view)
