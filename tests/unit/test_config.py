"""Configuration: environment parsing, refusals with clear messages, the generated JWT secret."""

import os
import stat

import pytest

from interfaces.config import ConfigError, load_config, load_or_create_jwt_secret


def test_defaults_and_overrides():
    config = load_config({"PORT": "6000", "CORS_ORIGINS": "http://a.io, http://b.io"}, port=7000)
    assert config.port == 7000 and config.host == "127.0.0.1" and config.data_dir == "data"
    assert config.cors_origins == ("http://a.io", "http://b.io")


def test_throttle_settings_are_read_from_the_environment():
    config = load_config({"TRUSTED_PROXIES": "10.0.0.1, 172.16.0.0/12",
                          "LOGIN_ATTEMPTS_PER_IP": "30", "PASSWORD_HASH_CONCURRENCY": "3",
                          "REDIS_URL": "redis://cache:6379/1"})
    assert [str(n) for n in config.trusted_proxies] == ["10.0.0.1/32", "172.16.0.0/12"]
    assert (config.login_attempts_per_ip, config.password_hash_concurrency) == (30, 3)
    assert config.redis_url == "redis://cache:6379/1" and "cache" not in repr(config)
    assert load_config({}).password_hash_concurrency == (os.cpu_count() or 1)


@pytest.mark.parametrize("env, message", [
    ({"JWT_SECRET": "short"}, "32 bytes"), ({"PORT": "http"}, "PORT"),
    ({"PORT": "70000"}, "PORT"), ({"DATABASE_URL": "mysql://x"}, "postgresql"),
    ({"TRUSTED_PROXIES": "10.0.0.1, proxy.local"}, "TRUSTED_PROXIES: 'proxy.local'"),
    ({"REDIS_URL": "localhost:6379"}, "REDIS_URL"), ({"LOGIN_ATTEMPTS_PER_IP": "0"}, "PER_IP"),
    ({"REGISTRATIONS_PER_HOUR": "0"}, "REGISTRATIONS_PER_HOUR"),
    ({"PASSWORD_HASH_CONCURRENCY": "0"}, "PASSWORD_HASH_CONCURRENCY"),
])
def test_bad_settings_fail_with_a_clear_message(env, message):
    with pytest.raises(ConfigError, match=message):
        load_config(env)


def test_generated_secret_is_kept_owner_only_and_reused(tmp_path):
    first = load_or_create_jwt_secret(str(tmp_path))
    assert len(first) >= 32
    mode = stat.S_IMODE(os.stat(tmp_path / "jwt_secret").st_mode)
    assert mode == 0o600
    assert load_or_create_jwt_secret(str(tmp_path)) == first


def test_processes_starting_together_read_one_complete_generated_secret(tmp_path):
    import multiprocessing

    from interfaces.config import load_or_create_jwt_secret
    with multiprocessing.get_context("fork").Pool(8) as pool:
        secrets_read = pool.map(load_or_create_jwt_secret, [str(tmp_path)] * 32)
    assert len(set(secrets_read)) == 1 and len(secrets_read[0]) >= 32
    assert oct((tmp_path / "jwt_secret").stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jwt_secret"]
