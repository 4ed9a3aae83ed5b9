"""Text folding, word counts, the login rate limiter and the token service."""

import time

import jwt
import pytest

from core.errors import InvalidToken, MissingToken
from core.text import excerpt, fold, word_count
from services.rate_limiter import SlidingWindowLimiter
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


def test_limiter_blocks_after_the_limit_until_the_window_passes():
    now = [1000.0]
    limiter = SlidingWindowLimiter(limit=2, window=60, clock=lambda: now[0])
    limiter.record("k")
    assert limiter.retry_after("k") == 0
    limiter.record("k")
    assert limiter.retry_after("k") == 60
    now[0] += 59.5
    assert limiter.retry_after("k") == 1
    now[0] += 1
    assert limiter.retry_after("k") == 0
    limiter.record("k"), limiter.record("k")
    limiter.reset("k")
    assert limiter.retry_after("k") == 0


def test_limiter_forgets_the_oldest_keys_beyond_its_bound():
    limiter = SlidingWindowLimiter(limit=1, window=60, max_keys=2)
    for key in ("a", "b", "c"):
        limiter.record(key)
    assert limiter.retry_after("a") == 0 and limiter.retry_after("c") > 0


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
