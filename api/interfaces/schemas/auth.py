"""Bodies of the account routes."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import EmailStr, Field, StringConstraints

from interfaces.schemas.common import StrictModel, example

Username = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=32,
                                            pattern=r"^[\w.\-]+$")]
Password = Annotated[str, StringConstraints(min_length=8, max_length=256)]


class UserRegister(StrictModel):
    """A new account."""

    model_config = example({"username": "lan.nguyen", "email": "lan@example.com",
                            "password": "correct horse battery", "display_name": "Lan"})

    username: Username = Field(description="3-32 letters, digits, _ . -")
    email: EmailStr
    password: Password = Field(description="At least 8 characters")
    display_name: Annotated[str, StringConstraints(strip_whitespace=True, max_length=64)] | None = None


class UserLogin(StrictModel):
    """Credentials: a username or an email, and the password."""

    model_config = example({"username": "lan.nguyen", "password": "correct horse battery"})

    one_of: ClassVar[tuple] = ("username", "email")
    username: Annotated[str, StringConstraints(strip_whitespace=True, max_length=64)] | None = None
    email: Annotated[str, StringConstraints(strip_whitespace=True, max_length=254)] | None = None
    password: Annotated[str, StringConstraints(min_length=1, max_length=256)]


class PasswordChange(StrictModel):
    """The current password and the new one."""

    model_config = example({"old_password": "correct horse battery",
                            "new_password": "a new long passphrase"})

    old_password: Annotated[str, StringConstraints(min_length=1, max_length=256)]
    new_password: Password
