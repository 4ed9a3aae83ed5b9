"""The configuration, read once from the environment and command-line overrides."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field

from interfaces.client_address import parse_networks


_REDIS_SCHEMES = ("redis://", "rediss://", "redis+unix://")


class ConfigError(Exception):
    """The configuration cannot work; the message says what to change."""


def _int(env, name: str, default: int, low: int = 0, high: int = 10**9) -> int:
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low} and {high}")
    return value


@dataclass(frozen=True)
class Config:
    """Every setting Storyloom reads (README: "Configuration")."""

    host: str = "127.0.0.1"
    port: int = 5000
    data_dir: str = "data"
    database_url: str = ""
    jwt_secret: str = ""
    jwt_lifetime_hours: int = 24
    openai_api_key: str = ""
    openai_base_url: str = ""
    openai_model: str = "gpt-4o-mini"
    internal_api_key: str = ""
    cors_origins: tuple = ()
    admin_username: str = ""
    admin_email: str = ""
    admin_password: str = field(default="", repr=False)
    max_body_mb: int = 10
    log_level: str = "INFO"
    web_threads: int = 8
    workers: int = 1
    login_max_failures: int = 10
    login_window_seconds: int = 900
    login_attempts_per_ip: int = 10
    login_ip_window_seconds: int = 10
    registrations_per_hour: int = 20
    password_hash_concurrency: int = field(default_factory=lambda: os.cpu_count() or 1)
    password_hash_wait_ms: int = 1000
    redis_url: str = field(default="", repr=False)
    redis_key_prefix: str = "storyloom"
    trusted_proxies: tuple = ()
    password_time_cost: int = 3
    password_memory_kib: int = 65536
    snapshot_mb: int = 8
    frontend_dist: str = ""
    openai_timeout_seconds: int = 60
    openai_retries: int = 3
    ai_workers: int = 4
    ai_requests_per_minute: int = 10
    ai_task_ttl_hours: int = 168
    ai_heartbeat_seconds: int = 10
    ai_stale_seconds: int = 45
    openai_backoff_seconds: float = 0.5       # not read from the environment (tests shorten it)


def _throttle_settings(env) -> dict:
    try:
        proxies = parse_networks(env.get("TRUSTED_PROXIES", ""))
    except ValueError as exc:
        raise ConfigError(f"TRUSTED_PROXIES: {exc}") from None
    return dict(
        login_attempts_per_ip=_int(env, "LOGIN_ATTEMPTS_PER_IP", 10, 1),
        login_ip_window_seconds=_int(env, "LOGIN_IP_WINDOW_SECONDS", 10, 1, 3600),
        registrations_per_hour=_int(env, "REGISTRATIONS_PER_HOUR", 20, 1),
        password_hash_concurrency=_int(env, "PASSWORD_HASH_CONCURRENCY", os.cpu_count() or 1,
                                       1, 1024),
        password_hash_wait_ms=_int(env, "PASSWORD_HASH_WAIT_MS", 1000, 1, 60_000),
        redis_url=env.get("REDIS_URL", ""),
        redis_key_prefix=env.get("REDIS_KEY_PREFIX", "") or "storyloom",
        trusted_proxies=proxies,
    )


def _ai_settings(env) -> dict:
    return dict(
        openai_timeout_seconds=_int(env, "OPENAI_TIMEOUT", 60, 1, 3600),
        openai_retries=_int(env, "OPENAI_RETRIES", 3, 0, 3),
        ai_workers=_int(env, "AI_WORKERS", 4, 1, 64),
        ai_requests_per_minute=_int(env, "AI_REQUESTS_PER_MINUTE", 10, 1, 10_000),
        ai_task_ttl_hours=_int(env, "AI_TASK_TTL_HOURS", 168, 1, 24 * 365),
        ai_heartbeat_seconds=_int(env, "AI_HEARTBEAT_SECONDS", 10, 1, 3600),
        ai_stale_seconds=_int(env, "AI_STALE_SECONDS", 45, 2, 86400),
    )


def load_config(env=None, **overrides) -> Config:
    """Build the configuration from environment variables, then explicit overrides."""
    env = os.environ if env is None else env
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    values = dict(
        host=env.get("HOST", "127.0.0.1"), port=_int(env, "PORT", 5000, 0, 65535),
        data_dir=env.get("DATA_DIR", "data"), database_url=env.get("DATABASE_URL", ""),
        jwt_secret=env.get("JWT_SECRET", ""),
        jwt_lifetime_hours=_int(env, "JWT_LIFETIME_HOURS", 24, 1, 24 * 365),
        openai_api_key=env.get("OPENAI_API_KEY", ""), openai_base_url=env.get("OPENAI_BASE_URL", ""),
        openai_model=env.get("OPENAI_MODEL", "") or "gpt-4o-mini",
        internal_api_key=env.get("INTERNAL_API_KEY", ""),
        **_ai_settings(env),
        cors_origins=tuple(o.strip() for o in env.get("CORS_ORIGINS", "").split(",") if o.strip()),
        admin_username=env.get("ADMIN_USERNAME", ""), admin_email=env.get("ADMIN_EMAIL", ""),
        admin_password=env.get("ADMIN_PASSWORD", ""),
        max_body_mb=_int(env, "MAX_BODY_MB", 10, 1, 1024), log_level=env.get("LOG_LEVEL", "INFO"),
        web_threads=_int(env, "WEB_THREADS", 8, 1, 256),
        workers=_int(env, "WORKERS", 1, 1, 64),
        login_max_failures=_int(env, "LOGIN_MAX_FAILURES", 10, 1),
        login_window_seconds=_int(env, "LOGIN_WINDOW_SECONDS", 900, 1),
        **_throttle_settings(env),
        password_time_cost=_int(env, "PASSWORD_HASH_TIME_COST", 3, 1, 100),
        password_memory_kib=_int(env, "PASSWORD_HASH_MEMORY_KIB", 65536, 1024, 4 * 1024 * 1024),
        snapshot_mb=_int(env, "SNAPSHOT_MB", 8, 1, 4096),
        frontend_dist=env.get("FRONTEND_DIST", "") or os.path.join(root, "frontend", "dist"),
    )
    values.update({k: v for k, v in overrides.items() if v is not None})
    config = Config(**values)
    if config.jwt_secret and len(config.jwt_secret.encode()) < 32:
        raise ConfigError("JWT_SECRET must be at least 32 bytes; generate one with "
                          "`python -c \"import secrets; print(secrets.token_urlsafe(48))\"`")
    if config.ai_stale_seconds <= config.ai_heartbeat_seconds:
        raise ConfigError("AI_STALE_SECONDS must be longer than AI_HEARTBEAT_SECONDS, or live "
                          "tasks would be taken for interrupted ones")
    if config.database_url and not config.database_url.startswith("postgres"):
        raise ConfigError("DATABASE_URL must be a postgresql:// URL (or unset for TinyDB)")
    if config.redis_url and not config.redis_url.startswith(_REDIS_SCHEMES):
        raise ConfigError("REDIS_URL must be a redis://, rediss:// or redis+unix:// URL (or unset)")
    return config


def load_or_create_jwt_secret(data_dir: str) -> str:
    """The JWT secret kept in the data directory, created once, readable by the owner only.

    Written whole to a temporary file and linked into place, so processes starting together
    all read the one complete secret.
    """
    path = os.path.join(data_dir, "jwt_secret")
    os.makedirs(data_dir, exist_ok=True)
    if not os.path.exists(path):
        temp = f"{path}.{os.getpid()}.tmp"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(48))
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temp, path)
        except FileExistsError:
            pass                # another process made it first: use theirs
        finally:
            os.remove(temp)
    with open(path, encoding="ascii") as handle:
        secret = handle.read().strip()
    if len(secret) < 32:
        raise ConfigError(f"{path} holds a secret shorter than 32 bytes; delete it")
    return secret
