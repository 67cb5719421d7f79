"""Operations endpoints: liveness and readiness. The web process never loads torch."""

from __future__ import annotations

from flask import Blueprint, current_app
from sqlalchemy import text

from ..broker import get_redis, live_workers
from ..extensions import db
from ..schemas.ops import Health, Readiness
from .http import respond
from .openapi import operation

bp = Blueprint("ops", __name__)


@bp.get("/healthz")
@operation(responses={200: Health})
def healthz():
    """The process is up."""
    return respond(Health, {"status": "ok"})


@bp.get("/readyz")
@operation(responses={200: Readiness, 503: Readiness})
def readyz():
    """Database and Redis reachable, and a worker with a loaded classifier has sent a heartbeat recently."""
    checks: dict[str, object] = {}
    try:
        db.session.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:
        db.session.rollback()
        checks["database"] = f"error: {type(exc).__name__}"
    try:
        conn = get_redis()
        conn.ping()
        checks["redis"] = "ok"
        workers = live_workers(conn, current_app.config["HEARTBEAT_MAX_AGE_S"])
        checks["workers"] = [{"name": w["name"], "model_version": w["model_version"]} for w in workers]
    except Exception as exc:
        checks["redis"] = f"error: {type(exc).__name__}"
        workers = []
    ready = checks["database"] == "ok" and checks["redis"] == "ok" and bool(workers)
    if checks["redis"] == "ok" and not workers:
        checks["workers"] = "no worker with a loaded classifier reported recently"
    return respond(Readiness, {"status": "ready" if ready else "not ready", "checks": checks}, 200 if ready else 503)
