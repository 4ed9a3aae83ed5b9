"""Text folding, word counts and the token service."""

import time

import jwt
import pytest

from core.errors import InvalidToken, MissingToken
from core.text import excerpt, fold, word_count
from services.tokens import TokenService

SECRET = "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize("raw, folded", [
    ("Nguyễn Trãi", "nguyen trai"), ("  HÀ   Nội ", "ha noi"), ("Đà Lạt", "da lat"),
    ("Ærøskøbing", "aeroskobing"), ("Straße", "strasse"),
])
def test_fold_ignores_case_diacritics_and_spacing(raw, folded):
    assert fold(raw) == folded


def test_word_count_and_excerpt():
    assert word_count("Ngày xưa, có một cô gái.") == 6
    assert word_count("") == 0
    long = "word " * 100
    cut = excerpt(long, 20)
    assert cut.endswith("…") and len(cut) <= 21


def test_tokens_round_trip_and_reject_tampering():
    tokens = TokenService(SECRET, 60)
    token, expires_at = tokens.issue("user-1", 3)
    claims = tokens.decode(token)
    assert (claims["sub"], claims["ver"]) == ("user-1", 3) and expires_at.endswith("Z")
    with pytest.raises(InvalidToken):
        tokens.decode(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    with pytest.raises(MissingToken):
        tokens.decode("garbage")
    expired = jwt.encode({"sub": "u", "iat": 1, "exp": int(time.time()) - 1, "jti": "x"},
                         SECRET, "HS256")
    with pytest.raises(InvalidToken):
        tokens.decode(expired)


def test_short_secrets_are_refused():
    with pytest.raises(ValueError):
        TokenService("too-short", 60)


def test_a_remembered_token_still_expires(monkeypatch):
    tokens = TokenService(SECRET, 60)
    token, _ = tokens.issue("user-1", 0)
    assert tokens.decode(token)["sub"] == "user-1"
    assert tokens.decode(token)["sub"] == "user-1"   # answered from the verified cache
    monkeypatch.setattr(time, "time", lambda: 10**12)
    with pytest.raises(InvalidToken):
        tokens.decode(token)
