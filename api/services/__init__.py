"""Business rules: each service raises ApiError subclasses and never touches Flask."""

from services.admin_service import AdminService
from services.auth_service import AuthService
from services.bounded_passwords import BoundedPasswords
from services.entity_service import EntityService
from services.event_service import EventService
from services.gpt_service import GPTService
from services.linking import LinkService
from services.location_service import LocationService
from services.password_guesses import PasswordGuesses
from services.passwords import Passwords
from services.quota_service import QuotaService
from services.search_service import SearchService
from services.stats_service import StatsService
from services.story_linker import StoryLinker
from services.story_service import StoryService
from services.timeline_service import TimelineService
from services.tokens import TokenService
from services.world_service import WorldService

__all__ = ["AdminService", "AuthService", "BoundedPasswords", "EntityService", "EventService",
           "GPTService", "LinkService", "LocationService", "PasswordGuesses", "Passwords",
           "QuotaService", "SearchService", "StatsService", "StoryLinker", "StoryService",
           "TimelineService", "TokenService", "WorldService"]
