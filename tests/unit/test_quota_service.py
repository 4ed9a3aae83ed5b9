"""The daily AI request quota: counted per user and day, refused with 0002 at the limit."""

import pytest

from core.errors import AiQuotaExceeded
from tests.builders import make_user, store


@pytest.mark.parametrize("role, limit", [("user", 50), ("guest", 0)])
def test_ai_requests_are_counted_until_the_roles_limit(backend, role, limit):
    user, _ = make_user(backend, role, f"{role}_ai")
    quotas = backend.quotas
    for _ in range(limit):
        quotas.record_ai_request(user)
    with pytest.raises(AiQuotaExceeded):
        quotas.record_ai_request(user)
    assert quotas.usage(user)["ai_requests_today"] == {"used": limit, "limit": limit}


def test_admins_have_no_ai_limit_and_counts_are_per_user(backend):
    admin, _ = make_user(backend, "admin", "boss")
    writer, _ = make_user(backend, "user", "writer")
    for _ in range(60):
        backend.quotas.record_ai_request(admin)
    backend.quotas.record_ai_request(writer)
    assert backend.quotas.usage(admin)["ai_requests_today"] == {"used": 60, "limit": None}
    assert backend.quotas.usage(writer)["ai_requests_today"]["used"] == 1


def test_a_role_change_applies_the_new_ai_limit_at_once(backend):
    user, _ = make_user(backend, "user", "upgraded")
    for _ in range(50):
        backend.quotas.record_ai_request(user)
    user.role = "premium"
    store(backend, user)
    backend.quotas.record_ai_request(user)
    assert backend.quotas.usage(user)["ai_requests_today"] == {"used": 51, "limit": 500}
