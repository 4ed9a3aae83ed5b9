"""Accounts: register, log in, authenticate tokens, change password, log out, create admins."""

from __future__ import annotations

import logging
import time

from core.clock import now_iso
from core.errors import AccountBanned, AlreadyExists, BadCredentials, InvalidToken
from core.models import TokenRevocation, User
from core.models._base import new_id
from core.text import fold
from storage.base import DuplicateKey, Query

log = logging.getLogger("storyloom.auth")
_FIELD_OF_KEY = {"username_key": "username", "email_key": "email"}


class AuthService:
    """Owns passwords and tokens; the role always comes from storage, never the token."""

    def __init__(self, storage, passwords, tokens, quotas, guesses):
        self._storage = storage
        self._passwords = passwords
        self._tokens = tokens
        self._quotas = quotas
        self._guesses = guesses

    def user_view(self, user: User) -> dict:
        """The account as clients see it, with its quotas."""
        return {**user.public(), "quotas": self._quotas.usage(user)}

    def _session(self, user: User) -> dict:
        token, expires_at = self._tokens.issue(user.user_id, user.token_version)
        return {"user": self.user_view(user), "token": token, "expires_at": expires_at}

    def register(self, username: str, email: str, password: str,
                 display_name: str | None = None, role: str = "user") -> dict:
        """Create an account with the role `user` and sign it in."""
        user = self.create_user(username, email, password, display_name, role)
        log.info("account registered", extra={"fields": {"user_id": user.user_id}})
        return self._session(user)

    def create_user(self, username, email, password, display_name=None, role="user") -> User:
        """Store a new account; 3002 when the username or email is taken."""
        if self._storage.find_one_by(User, "username_key", fold(username)):
            raise AlreadyExists("username", "This username is already taken")
        if self._storage.find_one_by(User, "email_key", email.strip().lower()):
            raise AlreadyExists("email", "An account with this email already exists")
        now = now_iso()
        user = User(user_id=new_id(), username=username, email=email.strip(),
                    password_hash=self._passwords.hash(password), created_at=now,
                    updated_at=now, display_name=display_name or "", role=role)
        try:
            self._storage.save(user)
        except DuplicateKey as exc:
            raise AlreadyExists(_FIELD_OF_KEY.get(exc.key, exc.key)) from None
        return user

    def login(self, password: str, username: str | None = None,
              email: str | None = None) -> dict:
        """Check credentials (guesses limited per account) and issue a token."""
        identifier = fold(username) if username else (email or "").strip().lower()
        user = (self._storage.find_one_by(User, "username_key", identifier) if username
                else self._storage.find_one_by(User, "email_key", identifier))
        self._guesses.spend(user, identifier)
        if not self._passwords.verify(user.password_hash if user else None, password):
            raise BadCredentials()
        if user.banned:
            raise AccountBanned()
        self._guesses.forget(user)
        return self._session(user)

    def authenticate(self, token: str) -> tuple[User, dict]:
        """The current account behind a token, checked against storage on every call."""
        claims = self._tokens.decode(token)
        user = self._storage.get(User, str(claims["sub"]))
        if user is None:
            raise InvalidToken("Token invalid")
        if user.banned:
            raise AccountBanned()
        if claims.get("ver") != user.token_version:
            raise InvalidToken("Token revoked")
        if self._storage.get(TokenRevocation, str(claims["jti"])) is not None:
            raise InvalidToken("Token revoked")
        return user, claims

    def change_password(self, user: User, old_password: str, new_password: str) -> dict:
        """Set a new password; every token issued before stops working."""
        self._guesses.spend(user)
        if not self._passwords.verify(user.password_hash, old_password):
            raise BadCredentials("The current password is wrong")
        self._guesses.forget(user)
        user.password_hash = self._passwords.hash(new_password)
        user.token_version += 1
        user.updated_at = now_iso()
        self._storage.save(user)
        log.info("password changed", extra={"fields": {"user_id": user.user_id}})
        token, expires_at = self._tokens.issue(user.user_id, user.token_version)
        return {"token": token, "expires_at": expires_at}

    def logout(self, user: User, claims: dict) -> dict:
        """Revoke the token used for this request."""
        self._storage.save(TokenRevocation(jti=str(claims["jti"]), user_id=user.user_id,
                                           expires_at=int(claims["exp"])))
        self._prune_revocations()
        return {}

    def _prune_revocations(self) -> None:
        oldest = self._storage.find(TokenRevocation, Query(descending=False, limit=100)).items
        expired = [r.jti for r in oldest if r.expires_at < time.time()]
        if expired:
            self._storage.delete(TokenRevocation, *expired)

    def ensure_admin(self, username: str, email: str, password: str) -> User | None:
        """Create the first admin at start-up unless an admin already exists."""
        if self._storage.count(User, {"role": "admin"}):
            return None
        try:
            user = self.create_user(username, email, password, role="admin")
        except AlreadyExists:
            log.warning("ADMIN_USERNAME or ADMIN_EMAIL belongs to an existing account; "
                        "no admin was created")
            return None
        log.info("first admin created", extra={"fields": {"user_id": user.user_id}})
        return user
