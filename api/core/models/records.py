"""Small bookkeeping records: revoked tokens and daily AI usage counters."""

from dataclasses import dataclass

from core.models._base import Model


@dataclass
class TokenRevocation(Model):
    """A token (by its jti) that stopped working before it expired."""

    jti: str
    user_id: str
    expires_at: int


@dataclass
class AiUsage(Model):
    """How many AI requests a user made on one UTC day, and the tokens their tasks used."""

    usage_id: str
    user_id: str
    day: str
    count: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
