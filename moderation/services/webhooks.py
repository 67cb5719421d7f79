"""Signed webhooks: endpoints per site, events written with the change that caused them, and their delivery.

``emit`` adds one delivery row per subscribed endpoint to the caller's session, so the event is committed with
the change it describes or not at all; it costs the request no statement when no endpoint listens (the endpoints
are cached a few seconds per process) and one INSERT when some do, never an outbound call. Once that
transaction commits, each new delivery is enqueued on the ``webhooks`` queue by name; when Redis is down the
worker's sweep (``sweep_deliveries``) finds it, as it finds every retry that is due: retries live in the table
(``next_attempt_at``), not in Redis, so a Redis restart loses none.

Outbound requests go to the endpoint's URL only, pinned to an address checked before connecting (so a DNS answer
that changes between the check and the connection cannot point it inside the network), with separate connect and
read timeouts, no redirects and no proxy from the environment.
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import logging
import secrets
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import redis
from flask import current_app, has_app_context
from sqlalchemy import event, insert, literal, select, update
from sqlalchemy.orm import Session

from ..broker import enqueue
from ..extensions import db
from ..models import Case, Item, Reply, Site, WebhookDelivery, WebhookEndpoint, utcnow
from ..schemas.webhooks import TEST_EVENT, WEBHOOK_EVENT_TYPES, WebhookEvent
from . import audit
from .errors import Conflict, NotFound, ServiceError
from .listing import iso
from .local_cache import app_cache, restore
from .outbound import PinnedConnection, PinnedTLSConnection, RefusedTarget, check_url, resolve

log = logging.getLogger(__name__)

# Enqueued by name: the job module imports the services, never the other way round.
DELIVER_JOB = "moderation.jobs.deliver_webhook"
SIGNATURE_HEADER = "Moderation-Signature"
PENDING_KEY = "moderation.webhooks.pending"
# A claimed delivery is not due again for this long: past the timeouts, so a worker killed mid-request is retried.
CLAIM_S = 60
MAX_ERROR_CHARS = 500
MAX_RESPONSE_BYTES = 64 * 1024


# -- what an event says ---------------------------------------------------------------------------------------


def item_data(item: Item) -> dict[str, Any]:
    return {
        "item": {
            "id": item.id,
            "subject": item.subject.external_id,
            "kind": item.kind,
            "rating": item.rating,
            "title": item.title,
            "body": item.body,
            "lang": item.lang,
            "status": item.status,
            "rejection_reason": item.rejection_reason,
            "created_at": iso(item.created_at),
        }
    }


def case_data(case: Case) -> dict[str, Any]:
    shape = {
        "id": case.id,
        "item_id": case.item_id,
        "state": case.state,
        "reasons": list(case.reasons or []),
        "priority": case.priority,
        "due_at": iso(case.due_at),
        "closed_at": iso(case.closed_at),
    }
    return {"case": shape, **item_data(case.item)}


def reply_data(reply: Reply) -> dict[str, Any]:
    shape = {
        "id": reply.id,
        "item_id": reply.item_id,
        "case_id": reply.case_id,
        "body": reply.body,
        "created_at": iso(reply.created_at),
    }
    return {"reply": shape, **item_data(reply.item)}


def listening_endpoints(site_id: int, event_type: str) -> list[int]:
    """The ids of the site's active endpoints that subscribe to ``event_type``.

    From this process's cache (``services.local_cache``, ``PUBLIC_CACHE_S``): every submission emits events, and
    most sites have no endpoint. An endpoint added or removed in another process is seen here within that window
    (at once in the process that changed it); ``emit`` inserts only for endpoints that still exist.
    """
    cache = app_cache("webhooks")
    endpoints = cache.get(site_id)
    if endpoints is None:
        rows = db.session.execute(
            select(WebhookEndpoint.id, WebhookEndpoint.events).where(
                WebhookEndpoint.site_id == site_id, WebhookEndpoint.active.is_(True)
            )
        )
        endpoints = tuple((endpoint_id, tuple(events or ())) for endpoint_id, events in rows)
        cache.put(site_id, endpoints)
    return [endpoint_id for endpoint_id, events in endpoints if not events or event_type in events]


def emit(
    site_id: int,
    event_type: str,
    data: dict[str, Any] | Callable[[], dict[str, Any]],
    only: WebhookEndpoint | None = None,
) -> list[WebhookDelivery]:
    """Record an event for every active endpoint of the site that subscribes to it; the caller commits.

    Args:
        data: the event's data, or a function that makes it (called only when an endpoint listens).
        only: this endpoint alone, whatever it subscribes to (the console's test event).

    Returns:
        The deliveries added to the session (none when no endpoint listens).
    """
    listening = [only.id] if only is not None else listening_endpoints(site_id, event_type)
    if not listening:
        return []
    site = db.session.get(Site, site_id)
    now = utcnow()
    payload = {
        "id": "evt_" + uuid.uuid4().hex,
        "type": event_type,
        "created_at": iso(now),
        "site": site.slug if site else "",
        "data": data() if callable(data) else data,
    }
    # The published shape, checked where events are made: a change that breaks it fails its own tests here.
    payload = WebhookEvent.model_validate(payload).model_dump(mode="json", exclude_none=True)
    values = {
        "event_id": payload["id"],
        "event_type": event_type,
        "payload": payload,
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
    }
    table = WebhookDelivery.__table__
    # One statement, whatever the number of endpoints: INSERT … SELECT from the endpoints that still exist and
    # are active, so an endpoint removed by another process within the cache window gets no row (no FK error).
    inserted = db.session.execute(
        insert(table)
        .from_select(
            ["endpoint_id", *values],
            select(WebhookEndpoint.id, *(literal(v, type_=table.c[k].type).label(k) for k, v in values.items())).where(
                WebhookEndpoint.id.in_(listening), WebhookEndpoint.active.is_(True)
            ),
        )
        .returning(table.c.id, table.c.endpoint_id)
    ).all()
    deliveries = [
        restore(WebhookDelivery, {"id": delivery_id, "endpoint_id": endpoint_id, **values})
        for delivery_id, endpoint_id in sorted(inserted)
    ]
    db.session.info.setdefault(PENDING_KEY, []).extend(d.id for d in deliveries)
    return deliveries


@event.listens_for(Session, "after_commit")
def enqueue_committed(session: Session) -> None:
    """Enqueue the deliveries a transaction wrote, once they are committed (a job must find its row)."""
    pending = session.info.pop(PENDING_KEY, None)
    if pending and has_app_context():
        request_delivery(pending)


@event.listens_for(Session, "after_rollback")
def forget_rolled_back(session: Session) -> None:
    session.info.pop(PENDING_KEY, None)


def request_delivery(delivery_ids: list[int]) -> bool:
    """Enqueue delivery jobs. Never raises on a Redis outage: the rows are committed and the sweep enqueues them."""
    config = current_app.config
    # Past both timeouts: rq must never kill a job that is still waiting on a slow receiver.
    timeout = int(config["WEBHOOK_CONNECT_TIMEOUT_S"] + config["WEBHOOK_READ_TIMEOUT_S"]) + 30
    try:
        for delivery_id in delivery_ids:
            job_id = f"webhook-{delivery_id}-{int(time.time())}"
            enqueue(config["WEBHOOK_QUEUE"], DELIVER_JOB, delivery_id, job_id=job_id, timeout=timeout)
        return True
    except redis.RedisError as exc:
        log.warning("Redis unreachable, %d webhook deliveries wait for the sweep: %s", len(delivery_ids), exc)
        return False


def sweep_deliveries(limit: int | None = None) -> int:
    """Enqueue every delivery that is due: retries whose wait is over, and events enqueued while Redis was down.

    Returns:
        How many deliveries were enqueued.
    """
    limit = limit or current_app.config["WEBHOOK_SWEEP_LIMIT"]
    due = list(
        db.session.execute(
            select(WebhookDelivery.id)
            .where(WebhookDelivery.delivered_at.is_(None), WebhookDelivery.next_attempt_at <= utcnow())
            .order_by(WebhookDelivery.next_attempt_at)
            .limit(limit)
        ).scalars()
    )
    db.session.rollback()
    if due:
        request_delivery(due)
    return len(due)


# -- delivery ---------------------------------------------------------------------------------------------------


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The ``Moderation-Signature`` header value for ``body`` sent at ``timestamp`` (unix seconds)."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def backoff_s(attempts: int) -> int:
    """How long attempt ``attempts`` (1, 2, …) waits before the next: min(2^n × base, max)."""
    config = current_app.config
    return int(min(2**attempts * config["WEBHOOK_BACKOFF_BASE_S"], config["WEBHOOK_BACKOFF_MAX_S"]))


def claim(delivery_id: int) -> WebhookDelivery | None:
    """Take a due delivery for one attempt: one UPDATE, so two jobs for the same delivery never both send it."""
    now = utcnow()
    taken = db.session.execute(
        update(WebhookDelivery)
        .where(
            WebhookDelivery.id == delivery_id,
            WebhookDelivery.delivered_at.is_(None),
            WebhookDelivery.next_attempt_at <= now,
        )
        .values(next_attempt_at=now + timedelta(seconds=CLAIM_S))
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    return db.session.get(WebhookDelivery, delivery_id) if taken else None


def deliver(delivery_id: int) -> str:
    """Send one delivery once and record the attempt; schedule the next one on failure.

    A receiver's failure (an error status, a timeout, a refused address) is an outcome written to the delivery
    log, not a job error: the table holds the retry schedule. Database errors raise.

    Returns:
        ``delivered``, ``retry``, ``gave_up`` or ``skipped`` (not due, already delivered, or unknown).
    """
    delivery = claim(delivery_id)
    if delivery is None:
        return "skipped"
    endpoint = delivery.endpoint
    body = json.dumps(delivery.payload, separators=(",", ":"), ensure_ascii=False).encode()
    status: int | None = None
    error: str | None = None
    retry = True
    started = time.monotonic()
    try:
        if not endpoint.active:
            raise RefusedTarget("the endpoint is disabled")
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "moderation-webhooks/1",
            "Moderation-Event": delivery.event_type,
            "Moderation-Delivery": str(delivery.id),
            SIGNATURE_HEADER: sign(endpoint.secret, body, int(time.time())),
        }
        status = post(endpoint.url, body, headers, allow_private=endpoint.allow_private)
        if not 200 <= status < 300:
            error = f"HTTP {status}"
    except RefusedTarget as exc:
        # Refused by configuration: trying again changes nothing until an admin does ("retry now" then).
        error, retry = f"refused: {exc}", False
    except (OSError, http.client.HTTPException) as exc:
        error = f"{type(exc).__name__}: {exc}"
    now = utcnow()
    delivery.attempts += 1
    delivery.last_status = status
    delivery.latency_ms = int((time.monotonic() - started) * 1000)
    delivery.last_error = error[:MAX_ERROR_CHARS] if error else None
    if error is None:
        delivery.delivered_at, delivery.next_attempt_at = now, None
        outcome = "delivered"
    else:
        next_at = now + timedelta(seconds=backoff_s(delivery.attempts))
        give_up_at = delivery.created_at + timedelta(seconds=current_app.config["WEBHOOK_RETRY_FOR_S"])
        delivery.next_attempt_at = next_at if retry and next_at <= give_up_at else None
        outcome = "retry" if delivery.next_attempt_at else "gave_up"
    db.session.commit()
    log.info("webhook delivery %s to endpoint %s: %s (%s)", delivery_id, endpoint.id, outcome, error or status)
    return outcome


def post(url: str, body: bytes, headers: dict[str, str], *, allow_private: bool) -> int:
    """POST ``body`` to ``url`` and return the status; a redirect is a status like any other, never followed."""
    scheme, host, port, addresses = resolve(url, allow_private)
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    kind = PinnedTLSConnection if scheme == "https" else PinnedConnection
    config = current_app.config
    last_error: OSError | None = None
    for address in addresses:
        conn = kind(host, port, address, config["WEBHOOK_CONNECT_TIMEOUT_S"], config["WEBHOOK_READ_TIMEOUT_S"])
        try:
            conn.request("POST", target, body=body, headers=headers)
            response = conn.getresponse()
            response.read(MAX_RESPONSE_BYTES)
            return response.status
        except ConnectionRefusedError as exc:  # the next address of the name may answer
            last_error = exc
        finally:
            conn.close()
    raise last_error or OSError(f"no address for {host}")


# -- endpoints: the CLI and the console ------------------------------------------------------------------------


def add_endpoint(
    site: Site,
    url: str,
    secret: str | None = None,
    events: list[str] | None = None,
    allow_private: bool = False,
    moderator_id: int | None = None,
) -> WebhookEndpoint:
    """Add an endpoint (the caller commits); without a secret one is generated. Every event when none is named.

    Raises:
        ServiceError: 422 for an unknown event, a bad or private URL, or a secret shorter than 16 characters.
    """
    unknown = sorted(set(events or ()) - set(WEBHOOK_EVENT_TYPES))
    if unknown:
        raise ServiceError("unknown_event", "unknown event(s): " + ", ".join(unknown), field="events", status=422)
    secret = secret or "whsec_" + secrets.token_urlsafe(32)
    if len(secret) < 16:
        raise ServiceError("weak_secret", "the secret must be at least 16 characters", field="secret", status=422)
    endpoint = WebhookEndpoint(
        site_id=site.id,
        url=check_url(url, allow_private),
        secret=secret,
        events=list(dict.fromkeys(events or ())),
        allow_private=allow_private,
        active=True,
    )
    db.session.add(endpoint)
    db.session.flush()
    after = {"url": endpoint.url, "events": endpoint.events, "allow_private": allow_private}
    audit.record("webhook.added", "webhook_endpoint", endpoint.id, moderator_id=moderator_id, site_id=site.id,
                 after=after)  # fmt: skip
    return endpoint


def get_endpoint(endpoint_id: int) -> WebhookEndpoint:
    endpoint = db.session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None:
        raise NotFound(f"webhook endpoint {endpoint_id}", field="id")
    return endpoint


def list_endpoints(site: Site | None = None) -> list[WebhookEndpoint]:
    query = select(WebhookEndpoint).order_by(WebhookEndpoint.site_id, WebhookEndpoint.id)
    if site is not None:
        query = query.where(WebhookEndpoint.site_id == site.id)
    return list(db.session.execute(query).scalars())


def remove_endpoint(endpoint: WebhookEndpoint, moderator_id: int | None = None) -> None:
    """Delete an endpoint and its delivery log (the caller commits)."""
    audit.record("webhook.removed", "webhook_endpoint", endpoint.id, moderator_id=moderator_id,
                 site_id=endpoint.site_id, before={"url": endpoint.url})  # fmt: skip
    db.session.delete(endpoint)


def recent_deliveries(endpoint: WebhookEndpoint, limit: int = 50) -> list[WebhookDelivery]:
    query = (
        select(WebhookDelivery)
        .where(WebhookDelivery.endpoint_id == endpoint.id)
        .order_by(WebhookDelivery.id.desc())
        .limit(limit)
    )
    return list(db.session.execute(query).scalars())


def retry_now(delivery: WebhookDelivery, moderator_id: int | None = None) -> WebhookDelivery:
    """Make an undelivered delivery due now, given up or not; it is enqueued when the caller commits.

    Raises:
        Conflict: ``already_delivered``.
    """
    if delivery.delivered_at is not None:
        raise Conflict("already_delivered", "this delivery was delivered already")
    delivery.next_attempt_at = utcnow()
    audit.record("webhook.retried", "webhook_delivery", delivery.id, moderator_id=moderator_id,
                 site_id=delivery.endpoint.site_id)  # fmt: skip
    db.session.flush()
    db.session.info.setdefault(PENDING_KEY, []).append(delivery.id)
    return delivery


def send_test(endpoint: WebhookEndpoint, moderator_id: int | None = None) -> WebhookDelivery:
    """A ``webhook.test`` event for this endpoint alone, signed and logged like any delivery (the caller commits)."""
    (delivery,) = emit(endpoint.site_id, TEST_EVENT, {}, only=endpoint)
    audit.record("webhook.tested", "webhook_endpoint", endpoint.id, moderator_id=moderator_id,
                 site_id=endpoint.site_id)  # fmt: skip
    return delivery


def secret_hint(secret: str) -> str:
    """What screens show of a secret after it was shown once: enough to tell two apart."""
    return secret[:10] + "…"
