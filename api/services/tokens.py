"""JWT access tokens: HS256 only, with exp, iat, sub, a jti and the user's token version."""

from __future__ import annotations

import time
import uuid
from datetime import datetime, timezone

import jwt

from core.clock import iso
from core.errors import InvalidToken, MissingToken

ALGORITHM = "HS256"


class TokenService:
    """Issues and checks signed tokens; it knows nothing about users beyond ids."""

    def __init__(self, secret: str, lifetime_seconds: int):
        if len(secret.encode()) < 32:
            raise ValueError("the JWT secret must be at least 32 bytes")
        self._secret = secret
        self.lifetime_seconds = lifetime_seconds

    def issue(self, user_id: str, token_version: int) -> tuple[str, str]:
        """A new token for the user and its expiry as an ISO timestamp."""
        now = int(time.time())
        expires = now + self.lifetime_seconds
        claims = {"sub": user_id, "iat": now, "exp": expires, "jti": uuid.uuid4().hex,
                  "ver": token_version}
        token = jwt.encode(claims, self._secret, algorithm=ALGORITHM)
        return token, iso(datetime.fromtimestamp(expires, timezone.utc))

    def decode(self, token: str) -> dict:
        """The claims of a valid token; 1001 when it is not a JWT, 1002 when it is invalid."""
        try:
            return jwt.decode(token, self._secret, algorithms=[ALGORITHM],
                              options={"require": ["exp", "iat", "sub", "jti"]})
        except jwt.ExpiredSignatureError:
            raise InvalidToken("Token expired") from None
        except jwt.InvalidSignatureError:  # a DecodeError subclass, but the token is well formed
            raise InvalidToken("Token invalid") from None
        except jwt.DecodeError:
            raise MissingToken("Malformed bearer token") from None
        except jwt.InvalidTokenError:  # wrong algorithm (including none), missing claims
            raise InvalidToken("Token invalid") from None
