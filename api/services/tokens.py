"""JWT access tokens: HS256 only, with exp, iat, sub, a jti and the user's token version."""

from __future__ import annotations

import threading
import time
import uuid
from collections import OrderedDict
from datetime import datetime, timezone

import jwt

from core.clock import iso
from core.errors import InvalidToken, MissingToken

ALGORITHM = "HS256"
VERIFIED_CACHE_SIZE = 10_000


class TokenService:
    """Issues and checks signed tokens; it knows nothing about users beyond ids."""

    def __init__(self, secret: str, lifetime_seconds: int):
        if len(secret.encode()) < 32:
            raise ValueError("the JWT secret must be at least 32 bytes")
        self._secret = secret
        self.lifetime_seconds = lifetime_seconds
        # Verifying a signature is the costliest step of a request; a token's claims never
        # change, so the claims of tokens verified before are kept (expiry is still checked).
        self._verified: OrderedDict[str, dict] = OrderedDict()
        self._lock = threading.Lock()

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
        with self._lock:
            claims = self._verified.get(token)
            if claims is not None:
                self._verified.move_to_end(token)
        if claims is not None:
            if claims["exp"] <= time.time():
                raise InvalidToken("Token expired")
            return claims
        claims = self._verify(token)
        with self._lock:
            self._verified[token] = claims
            if len(self._verified) > VERIFIED_CACHE_SIZE:
                self._verified.popitem(last=False)
        return claims

    def _verify(self, token: str) -> dict:
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
