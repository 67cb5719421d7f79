"""Configuration: defaults here, then ``MODERATION_*`` environment variables, then the test mapping."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ENVIRONMENTS = ("development", "production")
MIN_SECRET_KEY_BYTES = 32
SECRET_KEY_FILE = "secret_key"


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
    # No default: a key everyone can read signs sessions anyone can forge. ``moderation`` commands on the
    # one-machine setup generate one under DATA_DIR (``ensure_embedded_secret_key``); anything else must set it.
    SECRET_KEY: str | None = None
    # Older keys still accepted when reading sessions, newest first: rotate by moving the old key here.
    SECRET_KEY_FALLBACKS: list[str] = []

    LOG_LEVEL: str = "INFO"
    # "json" for log collectors, "text" for people.
    LOG_FORMAT: str = "json"
    # Bearer token /metrics asks for. Unset: /metrics answers nobody in production, and only loopback or
    # private addresses in development.
    METRICS_TOKEN: str | None = None

    SUBMIT_RATE_LIMIT: str = "20 per minute; 200 per hour"
    HELPFUL_RATE_LIMIT: str = "30 per minute; 300 per hour"
    # Reports of items and replies (issue #14): fewer than votes, each one can raise a case's priority.
    REPORT_RATE_LIMIT: str = "10 per minute; 60 per hour"
    CONSOLE_LOGIN_RATE_LIMIT: str = "30 per minute"
    # Per account, whatever the client's address: this many wrong passwords within the window lock the
    # address out for LOGIN_LOCKOUT_S (services.login_lockout).
    LOGIN_LOCKOUT_FAILURES: int = 10
    LOGIN_LOCKOUT_WINDOW_S: int = 15 * 60
    LOGIN_LOCKOUT_S: int = 15 * 60
    # Reverse proxies in front of the app that append X-Forwarded-For/-Proto (1 behind one nginx or load
    # balancer). 0 ignores those headers: a client could otherwise forge its address past the rate limits.
    TRUSTED_PROXIES: int = 0
    RATELIMIT_ENABLED: bool = True
    MAX_CONTENT_LENGTH: int = 64 * 1024
    # Deeper than any request shape (a submission is 2 levels): refused before parsing can recurse.
    MAX_JSON_DEPTH: int = 32
    MAX_BODY_CHARS: int = 5000
    MAX_TITLE_CHARS: int = 200
    MAX_NAME_CHARS: int = 80

    # Content rules (issue #12): the same normalised text from the same author or address within this many hours
    # is held as a duplicate; a case with safety language is due within SLA_SAFETY_HOURS.
    DUPLICATE_WINDOW_HOURS: int = 24
    # A copy-paste campaign: the same text of at least CAMPAIGN_MIN_WORDS words from this many different authors
    # within the window holds every copy from this one on (the earlier ones are in its evidence). 0: off.
    CAMPAIGN_MIN_COPIES: int = 3
    CAMPAIGN_MIN_WORDS: int = 12
    SLA_SAFETY_HOURS: int = 4

    # Items a scoring job claims, scores and commits per transaction. Several forward passes' worth, so that
    # predict sorts them by length and pads little (bench/worker.py: 64 left the worker at 0.4x predict).
    SCORE_BATCH_SIZE: int = 256
    # Texts per forward pass; None: 32 on a CPU, 256 on CUDA.
    SCORE_FORWARD_BATCH_SIZE: int | None = None
    # "auto": tokenise in a background thread while the model runs, on CUDA only; "always" / "never".
    SCORE_OVERLAP: str = "auto"
    # The worker's compute dtype: "auto" (bf16/fp16 on a GPU; on a CPU bf16 where it is native, else "onnx-fp32"),
    # "float32" (torch), "bfloat16", "float16", "int8" (torch, CPU only, opt-in) or "onnx-fp32" / "onnx-int8" (the
    # forward pass in ONNX Runtime, CPU only; the graph is exported once per model version under
    # DATA_DIR/model-cache/onnx).
    # ``moderation worker --dtype`` overrides it per worker.
    INFERENCE_DTYPE: str = "auto"
    # "idle": the worker's forward passes on CPU run on a thread under Linux's SCHED_IDLE, so that a web on the same
    # cores gets them first (``moderation serve`` sets it for its worker); "normal": on the job's thread.
    INFERENCE_CPU_PRIORITY: str = "normal"
    SCORE_QUEUE: str = "scoring"
    # Every queue the platform enqueues on; the embedded worker of ``moderation serve`` works all of them
    # (with SCORE_QUEUE and RESCORE_QUEUE, whatever they are set to).
    PLATFORM_QUEUES: tuple[str, ...] = ("scoring", "rescore", "mail", "webhooks", "insights", "training", "feeds")
    # ``moderation serve``'s gunicorn: processes × threads (measured with bench/serve.py on 2 cores).
    SERVE_WEB_WORKERS: int = 2
    SERVE_WEB_THREADS: int = 4
    # How much lower the CPU priority of ``serve``'s worker is than the web's (``nice``; 0: the same).
    SERVE_WORKER_NICE: int = 10
    CLAIM_MINUTES: int = 15
    # The console's queue reloads its rows this often (seconds; 0: never), keeping the moderator's selection.
    QUEUE_REFRESH_SECONDS: int = 30
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

    # Training a model on one site's labelled items from the console (``services.training``), on its own queue.
    TRAINING_QUEUE: str = "training"
    # Refused below these: labelled items in all, of each label, and of each label in the held-out slice.
    TRAINING_MIN_LABELLED: int = 200
    TRAINING_MIN_PER_CLASS: int = 30
    TRAINING_MIN_HELD_OUT_PER_CLASS: int = 10
    # Items whose id hashes into this percentage are held out of every run of the site (never trained on) and
    # compare the trained model with the active one; at most TRAINING_MAX_HELD_OUT of them are scored.
    TRAINING_HELD_OUT_PERCENT: int = 20
    TRAINING_MAX_HELD_OUT: int = 1000
    # The time bound: at most this many training texts (~8 minutes on 2 CPU cores with the CPU recipe), and
    # the recipe's epochs unless set here; the job is stopped after TRAINING_JOB_TIMEOUT seconds whatever happens.
    TRAINING_MAX_EXAMPLES: int = 4000
    TRAINING_EPOCHS: int | None = None
    TRAINING_JOB_TIMEOUT: int = 3600
    TRAINING_DEVICE: str | None = None  # None: the app's DEVICE ("auto": CUDA where the worker has it)
    # Where trained models are written (None: DATA_DIR/trained-models); workers that rescore or score with them
    # must see the same path.
    TRAINING_MODELS_DIR: str | None = None
    # "module:callable" with ``classifier.recipe.train_with_recipe``'s signature; tests plug a stub here.
    TRAINING_TRAINER: str = "moderation.classifier.recipe:train_with_recipe"

    # Complaint topics per product (``services.insights``), on the ``insights`` queue.
    INSIGHTS_QUEUE: str = "insights"
    # A product's topics are recomputed once its reviews have been quiet this long after a change...
    INSIGHTS_DEBOUNCE_S: int = 600
    # ...or once they are this old while its reviews keep changing, and nightly in any case.
    INSIGHTS_MAX_STALE_S: int = 6 * 3600
    INSIGHTS_REFRESH_S: int = 24 * 3600
    # How often (at most) one worker of the insights queue looks for products to recompute; jobs per look.
    INSIGHTS_SWEEP_EVERY_S: int = 60
    INSIGHTS_SWEEP_LIMIT: int = 500
    # The most recent published reviews read per product (10,000 take under 2 minutes on 2 CPU cores).
    INSIGHTS_MAX_REVIEWS: int = 10000
    INSIGHTS_JOB_TIMEOUT: int = 1800
    # Overrides of ``moderation.insights.TopicSettings`` (e.g. {"min_reviews": 5}); empty keeps the tuned defaults.
    INSIGHTS_TOPIC_SETTINGS: dict = {}
    # "module:callable(app)" returning the sentence embedder (``.embed(texts)`` and ``.name``); tests plug a stub.
    INSIGHTS_EMBEDDER_FACTORY: str = "moderation.services.insights:default_embedder"
    # The scoring worker's second reader of hostile text (``services.hostility``): "auto" runs it beside the
    # transformer classifier (it reads the same e5 base), "on", "off"; a head file of one's own (default: bundled).
    SUSPECTED_ABUSE_READER: str = "auto"
    SUSPECTED_ABUSE_HEAD: str = ""
    # "module:callable(app)" returning the reader's sentence embedder; tests plug one of their own.
    SUSPECTED_ABUSE_EMBEDDER_FACTORY: str = "moderation.services.hostility:default_reader_embedder"

    # Signed webhooks (``services.webhooks``), delivered on their own queue.
    WEBHOOK_QUEUE: str = "webhooks"
    WEBHOOK_CONNECT_TIMEOUT_S: float = 3.0
    WEBHOOK_READ_TIMEOUT_S: float = 10.0
    # Attempt n waits min(2^n x BASE, MAX) after it; a delivery still failing this long after its event gives up.
    WEBHOOK_BACKOFF_BASE_S: int = 30
    WEBHOOK_BACKOFF_MAX_S: int = 3600
    WEBHOOK_RETRY_FOR_S: int = 24 * 3600
    # Deliveries the worker's sweep enqueues per pass (due retries, and events committed while Redis was down).
    WEBHOOK_SWEEP_LIMIT: int = 500
    # Followed RSS/Atom feeds (``services.feeds``), polled on their own queue by the maintenance of its workers:
    # each feed at most every FEED_POLL_EVERY_S, conditional GET, bounded in time and size.
    FEED_QUEUE: str = "feeds"
    FEED_POLL_EVERY_S: int = 900
    FEED_CONNECT_TIMEOUT_S: float = 5.0
    FEED_READ_TIMEOUT_S: float = 15.0
    FEED_MAX_BYTES: int = 5 * 1024 * 1024
    FEED_SWEEP_LIMIT: int = 200
    # Forum export files (``moderation import-forum``) larger than this are refused before parsing.
    FORUM_IMPORT_MAX_BYTES: int = 200 * 1024 * 1024
    # Product health (``services.health``): the monthly check runs per site at most this often, from the
    # maintenance of workers of the insights queue, which looks at most every HEALTH_SWEEP_EVERY_S.
    HEALTH_CHECK_EVERY_DAYS: int = 30
    HEALTH_SWEEP_EVERY_S: int = 3600
    HEALTH_PLAN_DAYS: int = 30
    HEALTH_REMIND_DAYS_BEFORE: int = 3
    HEALTH_JOB_TIMEOUT: int = 600
    # The widget's responsiveness line: figures over the last year, cached this long, shown from this many
    # negative reviews (a share of 2 says little).
    RESPONSIVENESS_CACHE_S: int = 600
    # Sites, site tokens, catalogue subjects and webhook endpoints are cached this long in each web process
    # (``services.local_cache``): a token revoked, an origin or endpoint changed in another process takes effect
    # within this window. 0 turns the caches off.
    PUBLIC_CACHE_S: float = 5
    # PostgreSQL: a pooled connection idle this long is pinged before use (``moderation.pool``); one used more
    # recently is trusted, saving a round trip on every request. Setting SQLALCHEMY_ENGINE_OPTIONS' pool_pre_ping
    # instead pings on every checkout.
    DB_PING_AFTER_IDLE_S: float = 1
    # The widget's listing answers are cached this long in each web process, keyed on the subject's version in
    # Redis (bumped when any of its items, replies or votes change), so the window matters only while Redis is
    # unreachable at the moment of a change (``services.listing_cache``). 0 turns the cache off.
    LISTING_CACHE_S: float = 10
    RESPONSIVENESS_MIN_NEGATIVE: int = 5
    # Mail to authors (issue #14), on the ``mail`` queue. ``smtp://host:port``, ``smtps://user:pass@host:port``,
    # ``?starttls=1`` to upgrade a plain connection. None: every message is delivered to the outbox, which admins
    # read in the console (the one-machine default: a newcomer sees every mail).
    SMTP_URL: str | None = None
    MAIL_FROM: str = "moderation@localhost"
    MAIL_QUEUE: str = "mail"
    SMTP_TIMEOUT_S: float = 10.0
    # A send that fails (server down) is retried after these many seconds, then left to the sweep.
    MAIL_RETRY_INTERVALS: list[int] = [10, 30, 60, 120, 300, 600]
    # The sweep re-enqueues messages still pending this long after they were written.
    MAIL_SWEEP_AFTER_S: int = 60
    # A moderator's decision mails (published, rejected, a reporter's outcome) wait this long before they go out, so
    # that an action undone within its window (services.case_undo: 10 s shown, 30 s accepted) sends nothing.
    # Sent by the sweep of the mail queue's workers once due (their maintenance runs every 30 s).
    DECISION_MAIL_DELAY_S: int = 30
    # Where the links in mails point (confirm, unsubscribe, contest, the reply): the public address of this app.
    # None: the address of the request that caused the mail, else http://localhost:5000.
    PUBLIC_URL: str | None = None
    # Verified-buyer invitations (``services.invitations``): API calls per site, and how long a mailed link works.
    INVITATION_RATE_LIMIT: str = "120 per minute; 5000 per hour"
    INVITATION_LINK_MAX_AGE_DAYS: int = 90
    # Invitations the sweep mails per pass once their send_after has come.
    INVITATION_SWEEP_LIMIT: int = 500
    # The edit and withdraw links in an author's mails stop working this many days after the mail was written.
    AUTHOR_LINK_MAX_AGE_DAYS: int = 30
    # Retention (services.retention): workers of the mail queue purge what each site's retention settings say is
    # past its time, at most this often.
    RETENTION_EVERY_S: int = 24 * 3600
    RETENTION_JOB_TIMEOUT: int = 1800

    SESSION_COOKIE_HTTPONLY: bool = True
    SESSION_COOKIE_SAMESITE: str = "Lax"
    # None: Secure in production (served over HTTPS behind the proxy), plain in development (http://127.0.0.1).
    SESSION_COOKIE_SECURE: bool | None = None
    WTF_CSRF_TIME_LIMIT: int | None = None


class ConfigError(RuntimeError):
    """Raised when the configuration cannot run safely."""


def normalise_env(config: dict) -> str:
    """``MODERATION_ENV`` as one of :data:`ENVIRONMENTS`; a typo such as ``prod`` must not mean development.

    Raises:
        ConfigError: for any other value.
    """
    value = str(config.get("ENV") or "").strip().lower()
    if value not in ENVIRONMENTS:
        raise ConfigError(f"MODERATION_ENV={config.get('ENV')!r} is not understood: use 'development' or 'production'")
    config["ENV"] = value
    return value


def ensure_embedded_secret_key(data_dir: str) -> str:
    """The one-machine setup's key: read from ``DATA_DIR/secret_key``, generated there (mode 0600) on first run.

    Returns:
        The key, to be used as ``SECRET_KEY``.
    """
    os.makedirs(data_dir, exist_ok=True)
    path = os.path.join(data_dir, SECRET_KEY_FILE)
    try:
        # O_EXCL: two processes starting together agree on the first one's key.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return read_embedded_secret_key(data_dir) or ""
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(48))
    return read_embedded_secret_key(data_dir) or ""


def read_embedded_secret_key(data_dir: str) -> str | None:
    path = os.path.join(data_dir, SECRET_KEY_FILE)
    try:
        with open(path) as handle:
            return handle.read().strip() or None
    except FileNotFoundError:
        return None


def check_secret_key(config: dict) -> None:
    """A key of our own, long enough; in development the key ``moderation serve`` keeps under DATA_DIR will do.

    Tests without a key get a random one per app (nothing signed outlives the app there).

    Raises:
        ConfigError: no key, or one shorter than :data:`MIN_SECRET_KEY_BYTES`.
    """
    if not config.get("SECRET_KEY") and config.get("ENV") == "development":
        config["SECRET_KEY"] = read_embedded_secret_key(config["DATA_DIR"])
    if not config.get("SECRET_KEY") and config.get("TESTING"):
        config["SECRET_KEY"] = secrets.token_urlsafe(48)
    if not config.get("SECRET_KEY"):
        raise ConfigError(
            "MODERATION_SECRET_KEY is not set: set it (python -c 'import secrets; print(secrets.token_urlsafe(48))')"
            " or start with `moderation serve`, which keeps a generated one under MODERATION_DATA_DIR"
        )
    for name in ("SECRET_KEY", "SECRET_KEY_FALLBACKS"):
        value = config.get(name) or []
        for key in [value] if isinstance(value, str | bytes) else value:
            if len(key.encode() if isinstance(key, str) else key) < MIN_SECRET_KEY_BYTES:
                raise ConfigError(f"MODERATION_{name} must be at least {MIN_SECRET_KEY_BYTES} bytes long")


CPU_PRIORITIES = ("normal", "idle")


def check_inference_cpu_priority(config: dict) -> None:
    """``INFERENCE_CPU_PRIORITY`` as one of :data:`CPU_PRIORITIES`, checked at start: a typo must stop the worker
    there, not fail every scoring job it takes.

    Raises:
        ConfigError: for any other value.
    """
    value = str(config.get("INFERENCE_CPU_PRIORITY") or "normal").strip().lower()
    if value not in CPU_PRIORITIES:
        raise ConfigError(
            f"MODERATION_INFERENCE_CPU_PRIORITY={config.get('INFERENCE_CPU_PRIORITY')!r} is not understood: use "
            + " or ".join(repr(p) for p in CPU_PRIORITIES)
        )
    config["INFERENCE_CPU_PRIORITY"] = value


def check_production(config: dict) -> None:
    """Refuse to run in production on development defaults."""
    if normalise_env(config) != "production":
        return
    missing = [name for name in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL") if not config.get(name)]
    if missing:
        raise ConfigError("MODERATION_ENV=production needs " + ", ".join(f"MODERATION_{n}" for n in missing))


def sqlite_url(data_dir: str) -> str:
    os.makedirs(data_dir, exist_ok=True)
    return "sqlite:///" + os.path.join(data_dir, "moderation.sqlite3")
