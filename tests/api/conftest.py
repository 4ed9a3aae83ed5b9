"""Fixtures of the AI tests: the fake provider, and a backend that uses it."""

import pytest

from tests.support.ai import ai_backend
from tests.support.fake_openai import FakeOpenAI


@pytest.fixture
def fake():
    """A fake OpenAI-compatible server on loopback, stopped after the test."""
    server = FakeOpenAI()
    yield server
    server.stop()


@pytest.fixture
def ai(tmp_path, backend_kind, fake):
    """The whole backend on fresh storage of one kind, with the fake as its AI provider."""
    instance = ai_backend(tmp_path, backend_kind, fake)
    yield instance
    instance.close()
