"""Accounts: register, log in, authenticate tokens, change password, log out, create admins."""

from __future__ import annotations

import logging
import time

from core.clock import now_iso
from core.errors import AccountBanned, AlreadyExists, BadCredentials, InvalidToken
from core.models import TokenRevocation, User
from core.models._base import new_id
from core.models.views import AccountView
from core.text import fold
from storage import DuplicateKey, retry_on_conflict

log = logging.getLogger("storyloom.auth")
_FIELD_OF_KEY = {"username_key": "username", "email_key": "email"}
_TAKEN = {"username_key": "This username is already taken",
          "email_key": "An account with this email already exists"}


class AuthService:
    """Owns passwords and tokens; the role always comes from storage, never the token."""

    def __init__(self, storage, passwords, tokens, quotas, guesses):
        self._storage = storage
        self._passwords = passwords
        self._tokens = tokens
        self._quotas = quotas
        self._guesses = guesses

    def account(self, user: User) -> AccountView:
        """The account as clients see it, with its quotas."""
        return AccountView(user, self._quotas.usage(user),
                           self._quotas.token_totals(user.user_id))

    def _session(self, user: User) -> dict:
        token, expires_at = self._tokens.issue(user.user_id, user.token_version)
        return {"user": self.account(user), "token": token, "expires_at": expires_at}

    def register(self, username: str, email: str, password: str,
                 display_name: str | None = None, role: str = "user") -> dict:
        """Create an account with the role `user` and sign it in."""
        user = self.create_user(username, email, password, display_name, role)
        log.info("account registered", extra={"fields": {"user_id": user.user_id}})
        return self._session(user)

    def create_user(self, username, email, password, display_name=None, role="user") -> User:
        """Store a new account; 3002 when the username or email is taken."""
        self._check_free(username, email)
        now = now_iso()
        user = User(user_id=new_id(), username=username, email=email.strip(),
                    password_hash=self._passwords.hash(password), created_at=now,
                    updated_at=now, display_name=display_name or "", role=role)
        try:
            with self._storage.transaction() as tx:
                tx.insert(user)
        except DuplicateKey as exc:
            raise AlreadyExists(_FIELD_OF_KEY.get(exc.key, exc.key),
                                _TAKEN.get(exc.key)) from None
        return user

    def _check_free(self, username: str, email: str) -> None:
        """Say which of username and email is taken before spending time on the hash."""
        if self._storage.user_by("username_key", fold(username)):
            raise AlreadyExists("username", _TAKEN["username_key"])
        if self._storage.user_by("email_key", email.strip().lower()):
            raise AlreadyExists("email", _TAKEN["email_key"])

    def login(self, password: str, username: str | None = None,
              email: str | None = None) -> dict:
        """Check credentials (guesses limited per account) and issue a token."""
        identifier = fold(username) if username else (email or "").strip().lower()
        user = self._storage.user_by("username_key" if username else "email_key", identifier)
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
        user, revoked = self._storage.session(str(claims["sub"]), str(claims["jti"]))
        if user is None:
            raise InvalidToken("Token invalid")
        if user.banned:
            raise AccountBanned()
        if revoked or claims.get("ver") != user.token_version:
            raise InvalidToken("Token revoked")
        return user, claims

    def change_password(self, user: User, old_password: str, new_password: str) -> dict:
        """Set a new password; every token issued before stops working.

        The hashing happens before the transaction; inside it only the fields this change
        owns are set on the account as it is now, so a ban or a role change made meanwhile
        stays. If the password itself changed meanwhile, the old one was checked in vain.
        """
        self._guesses.spend(user)
        if not self._passwords.verify(user.password_hash, old_password):
            raise BadCredentials("The current password is wrong")
        self._guesses.forget(user)
        new_hash = self._passwords.hash(new_password)
        current = self._store_password(user, new_hash)
        log.info("password changed", extra={"fields": {"user_id": user.user_id}})
        token, expires_at = self._tokens.issue(current.user_id, current.token_version)
        return {"token": token, "expires_at": expires_at}

    @retry_on_conflict
    def _store_password(self, user: User, new_hash: str) -> User:
        with self._storage.transaction() as tx:
            current = tx.get(User, user.user_id)
            if current is None or current.password_hash != user.password_hash:
                raise InvalidToken("The password was changed meanwhile; sign in again")
            if current.banned:
                raise AccountBanned()
            current.password_hash = new_hash
            current.token_version += 1
            current.updated_at = now_iso()
            tx.update(current)
        return current

    @retry_on_conflict
    def logout(self, user: User, claims: dict) -> None:
        """Revoke the token used for this request, and forget long-expired revocations."""
        with self._storage.transaction() as tx:
            tx.upsert(TokenRevocation(jti=str(claims["jti"]), user_id=user.user_id,
                                      expires_at=int(claims["exp"])))
            tx.delete(TokenRevocation, *tx.expired_revocations(int(time.time()), 100))

    def ensure_admin(self, username: str, email: str, password: str) -> User | None:
        """Create the first admin at start-up unless an admin already exists."""
        if self._storage.totals()["users"]["by_role"]["admin"]:
            return None
        try:
            user = self.create_user(username, email, password, role="admin")
        except AlreadyExists:
            log.warning("ADMIN_USERNAME or ADMIN_EMAIL belongs to an existing account; "
                        "no admin was created")
            return None
        log.info("first admin created", extra={"fields": {"user_id": user.user_id}})
        return user
