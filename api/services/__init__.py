"""Business rules: each service raises ApiError subclasses and never touches Flask."""

from services.auth_service import AuthService
from services.gpt_service import GPTService
from services.passwords import Passwords
from services.quota_service import QuotaService
from services.rate_limiter import SlidingWindowLimiter
from services.story_service import StoryService
from services.tokens import TokenService
from services.world_service import WorldService

__all__ = ["AuthService", "GPTService", "Passwords", "QuotaService", "SlidingWindowLimiter",
           "StoryService", "TokenService", "WorldService"]
