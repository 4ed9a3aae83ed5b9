"""ApiBackend: reads the configuration, builds storage and services, and assembles the app."""

from __future__ import annotations

import logging

from flask import Flask
from flask_cors import CORS

from core.errors import Throttled, TooManyAttempts, ValidationFailed
from interfaces.auth_guards import AuthGuards
from interfaces.client_address import ClientAddress
from interfaces.config import ConfigError, load_config, load_or_create_jwt_secret
from interfaces.endpoint import Endpoints
from interfaces.error_handlers import register_error_handlers
from interfaces.frontend import create_frontend_bp
from interfaces.request_context import register_request_hooks
from interfaces.response_cache import ResponseCache
from interfaces.robots import create_robots_bp
from interfaces.routes.admin import create_admin_bp
from interfaces.routes.auth import create_auth_bp
from interfaces.routes.entities import create_entities_bp
from interfaces.routes.events import create_events_bp
from interfaces.routes.gpt import create_extraction_bp, create_gpt_bp, create_internal_ai_bp
from interfaces.routes.health import create_health_bp
from interfaces.routes.locations import create_locations_bp
from interfaces.routes.prompt_templates import create_prompt_templates_bp
from interfaces.routes.search import create_search_bp
from interfaces.routes.stats import create_stats_bp
from interfaces.routes.stories import create_stories_bp
from interfaces.routes.timeline import create_timeline_bp
from interfaces.routes.transfer import create_transfer_bp
from interfaces.routes.worlds import create_worlds_bp
from interfaces.schemas.auth import UserRegister
from interfaces.swagger import register_swagger
from interfaces.throttling import PerKeyLimit, RouteLimits, create_limits_storage
from interfaces.validation import parse_model
from services import (AdminService, AuthService, BoundedPasswords, EntityService, EventService,
                      GPTService, LinkService, LocationService, Passwords, PasswordGuesses,
                      QuotaService, SearchService, StatsService, StoryLinker, StoryService,
                      TimelineService, TokenService, WorldService)
from services.ai_features import AiFeatures
from services.ai_gate import AiGate
from services.export_service import ExportService
from services.import_service import ImportService
from services.prompt_templates import PromptTemplateService
from services.task_runner import TaskRunner
from storage import create_storage
from version import __version__

log = logging.getLogger("storyloom")


class ApiBackend:
    """The whole backend: configuration, storage, services and the Flask app.

    `storage` may be handed in (tests use the in-memory backend); otherwise the configuration
    chooses it.
    """

    def __init__(self, env=None, storage=None, **overrides):
        self.config = load_config(env, **overrides)
        self._build_throttles()
        self.storage = storage or create_storage(self.config.data_dir, self.config.database_url,
                                                 self.config.snapshot_mb)
        try:
            self._build_services()
            self.app = self._create_app()
            register_error_handlers(self.app, self.config.max_body_mb * 1024 * 1024)
            register_request_hooks(self.app)
            self.route_limits.init_app(self.app)
            endpoints = self._register_blueprints()
            self.app.extensions["storyloom_responses"] = endpoints.responses
            register_swagger(self.app, __version__, endpoints.models)
            self._ensure_first_admin()
            self.prompt_templates.install_defaults()
            self.task_runner.start()
        except BaseException:
            self.storage.close()
            raise

    def _build_services(self) -> None:
        config = self.config
        secret = config.jwt_secret or load_or_create_jwt_secret(config.data_dir)
        storage = self.storage
        self.quotas = QuotaService(storage)
        self.auth_service = AuthService(
            storage, self.passwords, TokenService(secret, config.jwt_lifetime_hours * 3600),
            self.quotas, PasswordGuesses(self.limits_storage, config.login_max_failures,
                                         config.login_window_seconds))
        self.world_service = WorldService(storage, self.quotas)
        self.story_linker = StoryLinker(storage)
        self.story_service = StoryService(storage, self.quotas, self.story_linker)
        self.entity_service = EntityService(storage)
        self.location_service = LocationService(storage)
        self.event_service = EventService(storage)
        self.timeline_service = TimelineService(storage, self.event_service)
        self.link_service = LinkService(storage)
        self.admin_service = AdminService(storage, self.auth_service)
        self.stats_service = StatsService(storage)
        self.search_service = SearchService(storage)
        self.export_service = ExportService(storage)
        self.import_service = ImportService(storage, self.world_service)
        self.prompt_templates = PromptTemplateService(storage)
        self.gpt_service = GPTService(config.openai_base_url, config.openai_api_key,
                                      config.openai_model, self.prompt_templates,
                                      timeout=config.openai_timeout_seconds,
                                      retries=config.openai_retries,
                                      backoff=config.openai_backoff_seconds)
        self.task_runner = TaskRunner(storage, workers=config.ai_workers,
                                      heartbeat_seconds=config.ai_heartbeat_seconds,
                                      stale_seconds=config.ai_stale_seconds,
                                      ttl_seconds=config.ai_task_ttl_hours * 3600,
                                      sole_process=not config.database_url,
                                      count_tokens=self.quotas.add_tokens)
        self.ai_features = AiFeatures(storage, self.gpt_service, self.task_runner, AiGate(
            self.quotas, PerKeyLimit(self.limits_storage, config.ai_requests_per_minute, 60,
                                     "AI requests")))

    def _build_throttles(self) -> None:
        config = self.config
        self.passwords = BoundedPasswords(
            Passwords(config.password_time_cost, config.password_memory_kib),
            config.password_hash_concurrency, config.password_hash_wait_ms / 1000)
        self.limits_storage = create_limits_storage(config.redis_url, config.redis_key_prefix)
        self.route_limits = RouteLimits(ClientAddress(config.trusted_proxies),
                                        self.limits_storage)
        self.login_limit = self.route_limits.per_address(
            config.login_attempts_per_ip, config.login_ip_window_seconds, TooManyAttempts,
            "login attempts")
        self.register_limit = self.route_limits.per_address(
            config.registrations_per_hour, 3600, Throttled, "registrations")

    def _create_app(self) -> Flask:
        app = Flask(__name__, static_folder=None)
        # "/api//x" is no route: answered 404 in the envelope, not redirected by an HTML page.
        app.url_map.merge_slashes = False
        app.config["MAX_CONTENT_LENGTH"] = self.config.max_body_mb * 1024 * 1024
        app.json.ensure_ascii = False
        if self.config.cors_origins:
            CORS(app, resources={r"/api/*": {"origins": list(self.config.cors_origins)}},
                 expose_headers=["X-Request-ID", "Retry-After"],
                 allow_headers=["Authorization", "Content-Type", "X-Request-ID", "If-Match"])
        return app

    def _register_blueprints(self) -> Endpoints:
        endpoints = Endpoints(AuthGuards(self.auth_service, self.config.internal_api_key),
                              ResponseCache(self.storage.change_marks))
        for blueprint in (
            create_health_bp(self.storage, self.gpt_service, __version__, endpoints),
            create_auth_bp(self.auth_service, endpoints, self.login_limit, self.register_limit),
            create_worlds_bp(self.world_service, self.story_service, endpoints),
            create_stories_bp(self.story_service, self.link_service, endpoints),
            create_entities_bp(self.entity_service, endpoints),
            create_locations_bp(self.location_service, endpoints),
            create_events_bp(self.event_service, endpoints),
            create_timeline_bp(self.event_service, self.timeline_service, self.story_linker,
                               endpoints),
            create_admin_bp(self.admin_service, endpoints),
            create_stats_bp(self.stats_service, endpoints),
            create_search_bp(self.search_service, endpoints),
            create_gpt_bp(self.ai_features, self.task_runner, endpoints),
            create_internal_ai_bp(self.ai_features, self.task_runner, endpoints),
            create_extraction_bp(self.ai_features, endpoints),
            create_prompt_templates_bp(self.prompt_templates, endpoints),
            create_transfer_bp(self.export_service, self.import_service, endpoints),
            create_robots_bp(),
            create_frontend_bp(self.config.frontend_dist),
        ):
            self.app.register_blueprint(blueprint)
        return endpoints

    def _ensure_first_admin(self) -> None:
        config = self.config
        if not (config.admin_username and config.admin_email and config.admin_password):
            return
        try:
            admin = parse_model(UserRegister, {"username": config.admin_username,
                                               "email": config.admin_email,
                                               "password": config.admin_password})
        except ValidationFailed as exc:
            raise ConfigError(f"ADMIN_* variables: {exc.data['fields']}") from None
        self.auth_service.ensure_admin(admin.username, admin.email, admin.password)

    def close(self) -> None:
        """Stop the AI workers, make everything durable and release the data directory."""
        self.task_runner.stop()
        self.storage.close()
