"""A Storyloom account."""

from dataclasses import dataclass

from core.models._base import Model
from core.text import fold


@dataclass
class User(Model):
    """An account; the password hash never leaves the service layer."""

    user_id: str
    username: str
    email: str
    password_hash: str
    created_at: str
    updated_at: str
    display_name: str = ""
    role: str = "user"
    banned: bool = False
    ban_reason: str = ""
    token_version: int = 0

    def to_document(self) -> dict:
        """The stored document, with folded keys for unique lookups."""
        doc = self.to_dict()
        doc["username_key"] = fold(self.username)
        doc["email_key"] = self.email.strip().lower()
        return doc
