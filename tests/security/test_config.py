"""The session key is never public: no default key, no short key, no misspelt environment."""

from __future__ import annotations

import os
import stat

import pytest

from moderation import create_app
from moderation.config import ConfigError, ensure_embedded_secret_key

KEY = "k" * 32


def config(tmp_path, **overrides) -> dict:
    base = {"DATABASE_URL": "sqlite://", "REDIS_URL": "redis://127.0.0.1:1/0", "DATA_DIR": str(tmp_path)}
    base.update(overrides)
    return base


def test_start_without_a_key_refuses(tmp_path, monkeypatch):
    monkeypatch.delenv("MODERATION_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="MODERATION_SECRET_KEY"):
        create_app(config(tmp_path))


def test_short_keys_refused(tmp_path):
    with pytest.raises(ConfigError, match="at least 32 bytes"):
        create_app(config(tmp_path, SECRET_KEY="a"))
    with pytest.raises(ConfigError, match="SECRET_KEY_FALLBACKS"):
        create_app(config(tmp_path, SECRET_KEY=KEY, SECRET_KEY_FALLBACKS=["short"]))


@pytest.mark.parametrize("env", ["prod", "staging", "dev", ""])
def test_unknown_environment_refuses(tmp_path, env):
    with pytest.raises(ConfigError, match="MODERATION_ENV"):
        create_app(config(tmp_path, SECRET_KEY=KEY, ENV=env))


def test_environment_is_case_insensitive(tmp_path):
    with pytest.raises(ConfigError, match="production needs"):
        create_app({"DATA_DIR": str(tmp_path), "SECRET_KEY": KEY, "ENV": "Production"})
    app = create_app(config(tmp_path, SECRET_KEY=KEY, ENV=" Development "))
    assert app.config["ENV"] == "development"


def test_production_needs_explicit_urls_and_key(tmp_path):
    with pytest.raises(ConfigError) as info:
        create_app({"DATA_DIR": str(tmp_path), "ENV": "production"})
    assert all(name in str(info.value) for name in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL"))
    # The key the one-machine setup keeps under DATA_DIR is for development only.
    ensure_embedded_secret_key(str(tmp_path))
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app(config(tmp_path, ENV="production"))


def test_embedded_key_generated_once_private_and_read_back(tmp_path):
    key = ensure_embedded_secret_key(str(tmp_path / "data"))
    path = tmp_path / "data" / "secret_key"
    assert len(key) >= 32 and path.read_text() == key
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert ensure_embedded_secret_key(str(tmp_path / "data")) == key
    app = create_app(config(tmp_path / "data"))
    assert app.config["SECRET_KEY"] == key
    assert ensure_embedded_secret_key(str(tmp_path / "other")) != key


def test_production_cookies_and_engine_hide_parameters(tmp_path):
    app = create_app(
        {
            "ENV": "production",
            "SECRET_KEY": KEY,
            "DATABASE_URL": "postgresql://u@127.0.0.1:1/x",
            "REDIS_URL": "redis://127.0.0.1:1/0",
            "DATA_DIR": str(tmp_path),
        }
    )
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["SQLALCHEMY_ENGINE_OPTIONS"]["hide_parameters"] is True
    dev = create_app(config(tmp_path, SECRET_KEY=KEY))
    assert dev.config["SESSION_COOKIE_SECURE"] is False


def test_rotation_reads_sessions_signed_with_a_fallback_key(tmp_path):
    old = create_app(config(tmp_path, SECRET_KEY="old-" + KEY))
    new = create_app(config(tmp_path, SECRET_KEY="new-" + KEY, SECRET_KEY_FALLBACKS=["old-" + KEY]))
    signed = old.session_interface.get_signing_serializer(old).dumps({"lang": "fr"})
    assert new.session_interface.get_signing_serializer(new).loads(signed) == {"lang": "fr"}


def test_cli_generates_the_embedded_key(tmp_path, monkeypatch):
    from moderation.cli.common import cli_app

    for name in ("MODERATION_SECRET_KEY", "MODERATION_ENV"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MODERATION_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MODERATION_REDIS_URL", "redis://127.0.0.1:1/0")
    app = cli_app()
    assert app.config["SECRET_KEY"] == (tmp_path / "secret_key").read_text()
