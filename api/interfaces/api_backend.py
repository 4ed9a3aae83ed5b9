"""ApiBackend: reads the configuration, builds storage and services, and assembles the app."""

from __future__ import annotations

import logging

from flask import Flask
from flask_cors import CORS

from interfaces.auth_middleware import AuthGuards
from core.errors import Throttled, TooManyAttempts, ValidationFailed
from interfaces.client_address import ClientAddress
from interfaces.config import ConfigError, load_config, load_or_create_jwt_secret
from interfaces.error_handlers import register_error_handlers
from interfaces.frontend import create_frontend_bp
from interfaces.request_context import register_request_hooks
from interfaces.response_cache import ResponseCache
from interfaces.schemas.auth import UserRegister
from interfaces.routes.admin import create_admin_bp
from interfaces.routes.auth import create_auth_bp
from interfaces.routes.entities import create_entities_bp
from interfaces.routes.health import create_health_bp
from interfaces.routes.locations import create_locations_bp
from interfaces.routes.stats import create_stats_bp
from interfaces.routes.stories import create_stories_bp
from interfaces.routes.transfer import create_transfer_bp
from interfaces.routes.worlds import create_worlds_bp
from interfaces.swagger import register_swagger
from interfaces.throttling import RouteLimits, create_limits_storage
from interfaces.validation import parse_model
from services import (AdminService, AuthService, BoundedPasswords, EntityService, GPTService,
                      KeyedLocks, LinkService, LocationService, Passwords, PasswordGuesses,
                      QuotaService, StatsService, StoryService, TokenService, WorldService)
from services.export_service import ExportService
from services.import_service import ImportService
from storage import create_storage
from version import __version__

log = logging.getLogger("storyloom")


class ApiBackend:
    """The whole backend: configuration, storage, services and the Flask app."""

    def __init__(self, env=None, **overrides):
        self.config = load_config(env, **overrides)
        self._build_throttles()
        self.storage = create_storage(self.config.data_dir, self.config.database_url,
                                      self.config.snapshot_mb)
        self._build_services()
        self.app = self._create_app()
        register_error_handlers(self.app)
        register_request_hooks(self.app)
        self.route_limits.init_app(self.app)
        self._register_blueprints()
        register_swagger(self.app, __version__)
        self._ensure_first_admin()

    def _build_services(self) -> None:
        config = self.config
        secret = config.jwt_secret or load_or_create_jwt_secret(config.data_dir)
        self.quotas = QuotaService(self.storage)
        self.auth_service = AuthService(
            self.storage, self.passwords,
            TokenService(secret, config.jwt_lifetime_hours * 3600), self.quotas,
            PasswordGuesses(self.limits_storage, config.login_max_failures,
                            config.login_window_seconds))
        world_locks = KeyedLocks()
        self.world_service = WorldService(self.storage, self.quotas)
        self.story_service = StoryService(self.storage, self.quotas)
        self.entity_service = EntityService(self.storage, world_locks)
        self.location_service = LocationService(self.storage, world_locks)
        self.link_service = LinkService(self.storage, self.story_service, world_locks)
        self.admin_service = AdminService(self.storage, self.auth_service)
        self.stats_service = StatsService(self.storage, self.world_service, self.story_service)
        self.export_service = ExportService(self.storage)
        self.import_service = ImportService(self.storage, self.world_service)
        self.gpt_service = GPTService(config.openai_base_url, config.openai_api_key,
                                      config.openai_model)

    def _build_throttles(self) -> None:
        config = self.config
        self.passwords = BoundedPasswords(
            Passwords(config.password_time_cost, config.password_memory_kib),
            config.password_hash_concurrency, config.password_hash_wait_ms / 1000)
        self.limits_storage = create_limits_storage(config.redis_url, config.redis_key_prefix)
        self.route_limits = RouteLimits(ClientAddress(config.trusted_proxies), config.redis_url,
                                        config.redis_key_prefix)
        self.login_limit = self.route_limits.per_address(
            config.login_attempts_per_ip, config.login_ip_window_seconds, TooManyAttempts,
            "login attempts")
        self.register_limit = self.route_limits.per_address(
            config.registrations_per_hour, 3600, Throttled, "registrations")

    def _create_app(self) -> Flask:
        app = Flask(__name__, static_folder=None)
        app.config["MAX_CONTENT_LENGTH"] = self.config.max_body_mb * 1024 * 1024
        app.json.ensure_ascii = False
        if self.config.cors_origins:
            CORS(app, resources={r"/api/*": {"origins": list(self.config.cors_origins)}},
                 expose_headers=["X-Request-ID", "Retry-After"],
                 allow_headers=["Authorization", "Content-Type", "X-Request-ID"])
        return app

    def _register_blueprints(self) -> None:
        auth = AuthGuards(self.auth_service)
        cache = ResponseCache(self.storage.generation)
        for blueprint in (
            create_health_bp(self.storage.kind, self.gpt_service, __version__),
            create_auth_bp(self.auth_service, auth, self.login_limit, self.register_limit),
            create_worlds_bp(self.world_service, self.story_service, auth, cache),
            create_stories_bp(self.story_service, self.link_service, auth, cache),
            create_entities_bp(self.entity_service, auth, cache),
            create_locations_bp(self.location_service, auth, cache),
            create_admin_bp(self.admin_service, auth),
            create_stats_bp(self.stats_service, auth),
            create_transfer_bp(self.export_service, self.import_service, auth),
            create_frontend_bp(self.config.frontend_dist),
        ):
            self.app.register_blueprint(blueprint)

    def _ensure_first_admin(self) -> None:
        config = self.config
        if not (config.admin_username and config.admin_email and config.admin_password):
            return
        try:
            admin = parse_model(UserRegister, {"username": config.admin_username,
                                               "email": config.admin_email,
                                               "password": config.admin_password})
        except ValidationFailed as exc:
            self.close()
            raise ConfigError(f"ADMIN_* variables: {exc.data['fields']}") from None
        self.auth_service.ensure_admin(admin.username, admin.email, admin.password)

    def close(self) -> None:
        """Make everything durable and release the data directory."""
        self.storage.close()
