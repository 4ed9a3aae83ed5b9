"""Business rules: each service raises ApiError subclasses and never touches Flask."""

from services.admin_service import AdminService
from services.auth_service import AuthService
from services.entity_service import EntityService
from services.gpt_service import GPTService
from services.linking import LinkService
from services.location_service import LocationService
from services.passwords import Passwords
from services.quota_service import QuotaService
from services.rate_limiter import SlidingWindowLimiter
from services.stats_service import StatsService
from services.story_service import StoryService
from services.tokens import TokenService
from services.world_service import WorldService

__all__ = ["AdminService", "AuthService", "EntityService", "GPTService",
           "LinkService", "LocationService", "Passwords", "QuotaService",
           "SlidingWindowLimiter", "StatsService", "StoryService", "TokenService",
           "WorldService"]
