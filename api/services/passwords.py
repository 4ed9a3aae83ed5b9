"""Password hashing with argon2id."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


class Passwords:
    """Hashes and verifies passwords; the cost is set once from the configuration."""

    def __init__(self, time_cost: int = 3, memory_kib: int = 65536, parallelism: int = 4):
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib,
                                      parallelism=parallelism)
        self._dummy_hash = None

    def hash(self, password: str) -> str:
        """An argon2id hash of the password."""
        return self._hasher.hash(password)

    def verify(self, password_hash: str | None, password: str) -> bool:
        """Whether the password matches; with no hash, spend the same time and say no."""
        if password_hash is None:
            # Verifying against a throwaway hash keeps unknown accounts as slow as real ones.
            if self._dummy_hash is None:
                self._dummy_hash = self._hasher.hash("storyloom-timing-equaliser")
            password_hash, password = self._dummy_hash, password + "\0"
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
