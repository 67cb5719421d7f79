"""Per-account sign-in throttling: after ``LOGIN_LOCKOUT_FAILURES`` wrong passwords for one e-mail address within
``LOGIN_LOCKOUT_WINDOW_S``, that address cannot sign in for ``LOGIN_LOCKOUT_S`` — whatever the client's address,
so a botnet spreading its guesses over many addresses (past the per-address limit) still gets ten.

Counted in Redis, shared by every web process; while Redis is down, in this process's memory (a lockout then
holds per process, never fails open to unlimited guesses). Addresses are counted whether or not an account has
them, so a lockout says nothing about which accounts exist; keys hold a hash of the address, not the address.
"""

from __future__ import annotations

import hashlib
import threading
import time

from flask import current_app
from redis.exceptions import RedisError

from ..broker import get_redis

PREFIX = "moderation:login"
_lock = threading.Lock()
_failures: dict[str, list[float]] = {}  # the fallback: failure times per hashed address
_locked_until: dict[str, float] = {}


def _key(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _settings() -> tuple[int, int, int]:
    config = current_app.config
    return config["LOGIN_LOCKOUT_FAILURES"], config["LOGIN_LOCKOUT_WINDOW_S"], config["LOGIN_LOCKOUT_S"]


def is_locked(email: str) -> bool:
    key = _key(email)
    try:
        if get_redis().exists(f"{PREFIX}:lock:{key}"):
            return True
    except RedisError:
        current_app.logger.warning("login lockout: Redis unreachable, counting in memory")
    with _lock:
        return _locked_until.get(key, 0.0) > time.monotonic()


def record_failure(email: str) -> None:
    """One more wrong password for ``email``; the one that reaches the limit starts the lockout."""
    key = _key(email)
    failures, window, lockout = _settings()
    try:
        conn = get_redis()
        count = conn.incr(f"{PREFIX}:fail:{key}")
        if count == 1:  # the window starts at the first failure
            conn.expire(f"{PREFIX}:fail:{key}", window)
        if count >= failures:
            conn.set(f"{PREFIX}:lock:{key}", 1, ex=lockout)
            conn.delete(f"{PREFIX}:fail:{key}")
        return
    except RedisError:
        current_app.logger.warning("login lockout: Redis unreachable, counting in memory")
    now = time.monotonic()
    with _lock:
        recent = [t for t in _failures.get(key, []) if t > now - window] + [now]
        if len(recent) >= failures:
            _locked_until[key] = now + lockout
            recent = []
        _failures[key] = recent


def clear(email: str) -> None:
    """A successful sign-in forgets the earlier failures."""
    key = _key(email)
    try:
        get_redis().delete(f"{PREFIX}:fail:{key}")
    except RedisError:
        pass
    with _lock:
        _failures.pop(key, None)
