"""Configuration: defaults here, then ``MODERATION_*`` environment variables, then the test mapping."""

from __future__ import annotations

import os
from pathlib import Path


def default_data_dir() -> str:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return os.path.join(base, "moderation")


class DefaultConfig:
    # Unset URLs mean the embedded defaults: a SQLite file and an embedded Redis under DATA_DIR.
    DATABASE_URL: str | None = None
    REDIS_URL: str | None = None
    DATA_DIR: str = default_data_dir()
    MODEL_DIR: str | None = None
    DEVICE: str = "auto"
    ENV: str = "development"
    # Development only: production refuses to start without its own (see ``check_production``).
    SECRET_KEY: str = "dev-only-not-secret"

    LOG_LEVEL: str = "INFO"
    # "json" for log collectors, "text" for people.
    LOG_FORMAT: str = "json"
    # Bearer token /metrics asks for; None leaves it open (a scrape from inside the network).
    METRICS_TOKEN: str | None = None

    SUBMIT_RATE_LIMIT: str = "20 per minute; 200 per hour"
    HELPFUL_RATE_LIMIT: str = "30 per minute; 300 per hour"
    CONSOLE_LOGIN_RATE_LIMIT: str = "30 per minute"
    # Reverse proxies in front of the app that append X-Forwarded-For/-Proto (1 behind one nginx or load
    # balancer). 0 ignores those headers: a client could otherwise forge its address past the rate limits.
    TRUSTED_PROXIES: int = 0
    RATELIMIT_ENABLED: bool = True
    MAX_CONTENT_LENGTH: int = 64 * 1024
    MAX_BODY_CHARS: int = 5000
    MAX_TITLE_CHARS: int = 200
    MAX_NAME_CHARS: int = 80

    SCORE_BATCH_SIZE: int = 64
    SCORE_QUEUE: str = "scoring"
    # Every queue the platform enqueues on; the embedded worker of ``moderation serve`` works all of them
    # (with SCORE_QUEUE and RESCORE_QUEUE, whatever they are set to).
    PLATFORM_QUEUES: tuple[str, ...] = ("scoring", "rescore", "mail", "webhooks", "insights", "training")
    # ``moderation serve``'s gunicorn: processes × threads (measured with bench/serve.py on 2 cores).
    SERVE_WEB_WORKERS: int = 2
    SERVE_WEB_THREADS: int = 4
    CLAIM_MINUTES: int = 15
    HEARTBEAT_MAX_AGE_S: int = 90
    SWEEP_AFTER_S: int = 30

    # Rescoring (``moderation rescore``): chunked jobs over all items for a new model version.
    RESCORE_QUEUE: str = "rescore"
    RESCORE_CHUNK_SIZE: int = 2000
    # None: 512 texts per forward pass on CUDA (fp16/bf16 keeps that small), 64 on CPU.
    RESCORE_BATCH_SIZE: int | None = None
    # Rows read per query inside a chunk (keyset pages).
    RESCORE_READ_PAGE: int = 1000
    RESCORE_JOB_TIMEOUT: int = 1800
    # A running chunk job renews its rq execution this often-ish, for this long: a killed worker's chunk is seen
    # as abandoned (and retried) this many seconds after its last renewal, not job timeout + 60 s later.
    RESCORE_LEASE_S: int = 120
    # "module:callable(model_dir, device)" that loads a classifier; tests plug a stub here.
    RESCORE_CLASSIFIER_LOADER: str = "moderation.classifier:load_classifier"
    RESCORE_DEVICE: str | None = None  # None: the app's DEVICE
    RESCORE_CLASSIFIER_CACHE: int = 2
    # "auto": tokenise in a background thread while the model runs, on CUDA only; "always" / "never".
    RESCORE_OVERLAP: str = "auto"

    SESSION_COOKIE_HTTPONLY: bool = True
    SESSION_COOKIE_SAMESITE: str = "Lax"
    WTF_CSRF_TIME_LIMIT: int | None = None


class ConfigError(RuntimeError):
    """Raised when the configuration cannot run safely."""


def check_production(config: dict) -> None:
    """Refuse to run in production on development defaults."""
    if config.get("ENV") != "production":
        return
    missing = [
        name
        for name in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL")
        if not config.get(name) or config.get(name) == DefaultConfig.SECRET_KEY
    ]
    if missing:
        raise ConfigError("MODERATION_ENV=production needs " + ", ".join(f"MODERATION_{n}" for n in missing))


def sqlite_url(data_dir: str) -> str:
    os.makedirs(data_dir, exist_ok=True)
    return "sqlite:///" + os.path.join(data_dir, "moderation.sqlite3")
