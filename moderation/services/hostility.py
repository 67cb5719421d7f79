"""The worker's second reader of hostile text: which published items a moderator should look at anyway.

The content rules hold what they recognise at submit. After the sentiment model, the scoring worker reads the
items that are still published with a hostility head (``classifier.hostility``): an item whose probability
reaches the head's bar (or its site's ``suspected_abuse_threshold``, where set) gets a ``suspected_abuse`` case and
stays published, as a reader's report leaves it, until a moderator rejects it or closes the case.

Two readers, one at a time per batch:

- **the tap** (``prepare``, before the classifier scores): the bundled head over the bundled classifier's own
  vectors (``DEFAULT_TAP_HEAD``, trained on one model version's layers). The worker asks its classifier for those
  layers (``TransformerClassifier.tap_layers``) and reads ``Prediction.features``: no second forward pass.
- **the separate reader** (``reader_for``): a head over the e5 base cut to the layers it reads
  (``default_reader_embedder``, sharing the classifier's word embeddings), for what the tap cannot read: a model
  version the tap head was not trained on (a site's activated model, a retrained one), a runtime without hidden
  states (ONNX, int8), or a head of one's own over the base (``moderation model train-hostility``).

``SUSPECTED_ABUSE_HEAD`` names a head of one's own; a tap head there replaces the bundled tap head, any other the
separate reader's. ``SUSPECTED_ABUSE_READER`` decides where reading runs: ``auto`` (the default) beside the
transformer classifier, not beside a stand-in (tests' keyword stubs); ``on``; ``off``. A reader that cannot load
is logged once and scoring goes on without it: it only ever adds cases.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app
from sqlalchemy import select

from .. import cpu_priority
from ..extensions import db
from ..models import Author, Item, Site
from ..vocabulary import AuthorStanding, ItemStatus
from . import audit

log = logging.getLogger(__name__)

READER_KEY = "moderation.hostility_reader"
SITE_HEADS_KEY = "moderation.hostility_site_heads"
TAP_KEY = "moderation.hostility_tap"
UNAVAILABLE = object()


@dataclass
class HeadReader:
    head: Any

    @property
    def version(self) -> str:
        return self.head.version


@dataclass
class Reader(HeadReader):
    """The separate reader: a head over an embedder of the texts."""

    embedder: Any = None


@dataclass
class TapReader(HeadReader):
    """A head over one classifier version's own vectors (``Prediction.features``)."""

    model_version: str = ""

    def reads(self, predictions: Sequence[Any]) -> bool:
        """Whether every prediction carries vectors of the model version this head was trained on."""
        return all(p.features is not None and p.model_version == self.model_version for p in predictions)


def wanted(app: Flask, classifier: object) -> bool:
    setting = str(app.config.get("SUSPECTED_ABUSE_READER", "auto")).lower()
    if setting in ("off", "0", "false", "no"):
        return False
    if setting in ("on", "1", "true", "yes"):
        return True
    # Without importing torch here: a classifier of that class means its module is already loaded.
    transformer = sys.modules.get("moderation.classifier.transformer")
    return transformer is not None and isinstance(classifier, transformer.TransformerClassifier)


def _kept(app: Flask, key: str, classifier: object, load: Any) -> Any:
    """``load(...)``'s reader, loaded on first use and kept in the app; None where reading is off or cannot load."""
    reader = app.extensions.get(key)
    if reader is None:
        reader = load(app, classifier) if wanted(app, classifier) else UNAVAILABLE
        app.extensions[key] = reader
    return None if reader is UNAVAILABLE else reader


def reader_for(app: Flask, classifier: object) -> Reader | None:
    """This process's separate reader, loaded on first use and kept; None where it is off or cannot load."""
    return _kept(app, READER_KEY, classifier, lambda app, _classifier: load_reader(app))


def prepare(classifier: object) -> TapReader | None:
    """Before ``classifier`` scores: when a tap head reads its vectors, ask it for them (once per process).

    Returns the tap reader, or None (reading off, no tap head, another model version or a runtime that cannot
    tap: the separate reader then reads, from the texts).
    """
    return _kept(current_app._get_current_object(), TAP_KEY, classifier, load_tap)  # type: ignore[attr-defined]


def load_tap(app: Flask, classifier: object) -> TapReader | object:
    # Only a worker that reads loads these (see load_reader).
    from ..classifier.hostility import DEFAULT_TAP_HEAD, load_head, tap_of

    try:
        head = load_head(app.config.get("SUSPECTED_ABUSE_HEAD") or DEFAULT_TAP_HEAD)
    except (OSError, ValueError) as exc:
        log.warning("no tap head (%s): the separate hostility reader reads", exc)
        return UNAVAILABLE
    tap = tap_of(head.embedder)
    if tap is None:  # a head of one's own over the base's vectors
        return UNAVAILABLE
    version, layers = tap
    if not getattr(classifier, "can_tap", False) or getattr(classifier, "model_version", None) != version:
        log.info(
            "the hostility head %s reads the vectors of %s, not this worker's %s (%s): the separate reader reads",
            head.version,
            version,
            getattr(classifier, "model_version", None),
            getattr(classifier, "precision", type(classifier).__name__),
        )
        return UNAVAILABLE
    classifier.tap_layers = layers  # type: ignore[attr-defined]
    log.info("hostility reader loaded: %s over layers %s of %s", head.version, "+".join(map(str, layers)), version)
    return TapReader(head, model_version=version)


def separate_head_path(app: Flask) -> str | None:
    """The separate reader's head: the configured one, unless that one is a tap head (then the bundled one)."""
    from ..classifier.hostility import load_head, tap_of  # worker only (see load_reader)

    configured = app.config.get("SUSPECTED_ABUSE_HEAD") or None
    if configured is not None and tap_of(load_head(configured).embedder) is not None:
        return None
    return configured


def default_reader_embedder(app: Flask) -> Any:
    """The e5 base cut to the layers and tokens the head was trained on (``hostility.embedder_settings``), on the
    app's device, sharing the word embeddings with the process's classifier (``embedding.share_base_tensors``)."""
    # Imported here: it imports torch, which only a worker process may load.
    from ..classifier.embedding import embedder_for, share_base_tensors
    from ..classifier.hostility import load_head  # beside it, for the same reason

    embedder = embedder_for(load_head(separate_head_path(app)).embedder, app.config.get("DEVICE", "auto"))
    classifier = app.extensions.get("moderation.classifier")
    if classifier is not None:
        share_base_tensors(embedder, classifier)
    return embedder


def load_reader(app: Flask) -> Reader | object:
    # Only a worker that reads loads these: the web process imports scoring too and never reads.
    from ..classifier.hostility import load_head

    try:
        head = load_head(separate_head_path(app))
        module_name, _, attr = app.config["SUSPECTED_ABUSE_EMBEDDER_FACTORY"].partition(":")
        embedder = getattr(importlib.import_module(module_name), attr)(app)
    except (OSError, ValueError, RuntimeError, ImportError) as exc:
        log.warning("the hostility reader cannot load (%s): suspected_abuse cases are off in this worker", exc)
        return UNAVAILABLE
    name = getattr(embedder, "name", None)
    if not head.matches(name):
        log.warning(
            "the hostility head reads vectors of %s, this worker's embedder is %s: suspected_abuse cases are off",
            head.embedder,
            name,
        )
        return UNAVAILABLE
    log.info("hostility reader loaded: %s over %s", head.version, name)
    return Reader(head, embedder=embedder)


@dataclass(frozen=True)
class Suspicions:
    """What the reader made of a batch: a probability per item still published, the head's version and its bar
    (a site's ``suspected_abuse_threshold``, when it sets one, wins over the bar)."""

    probabilities: dict[int, float] = field(default_factory=dict)
    reader: str | None = None
    threshold: float = 1.0
    # Items read by their site's own head (``Site.hostility_head``): that head's version and bar.
    own_heads: dict[int, tuple[str, float]] = field(default_factory=dict)

    def bar(self, site_policy: dict[str, Any] | None, item_id: int | None = None) -> float:
        own = (site_policy or {}).get("suspected_abuse_threshold")
        if isinstance(own, int | float) and not isinstance(own, bool):
            return float(own)
        return self.own_heads[item_id][1] if item_id in self.own_heads else self.threshold

    def evidence(self, item_id: int, site_policy: dict[str, Any] | None) -> dict[str, Any] | None:
        """The ``suspected_abuse`` evidence of an item read at or over its site's bar; None otherwise (not read,
        under the bar, or a bar of 1: the reader off for that site)."""
        probability = self.probabilities.get(item_id)
        bar = self.bar(site_policy, item_id)
        if probability is None or bar >= 1.0 or probability < bar:
            return None
        reader = self.own_heads[item_id][0] if item_id in self.own_heads else self.reader
        return {"probability": round(probability, 4), "threshold": round(bar, 4), "reader": reader}


def suspicions(items: Sequence[Item], classifier: object, predictions: Sequence[Any] | None = None) -> Suspicions:
    """The head's probability for each item still published in ``items``.

    ``predictions`` (the classifier's, one per item) carry the tapped vectors when ``prepare`` asked for them; the
    tap reads those, the separate reader embeds the texts otherwise. An item of a site with its own head
    (``Site.hostility_head``) is read by that head when it reads the same vectors, else by the worker's. Held and
    removed items are already a moderator's, or gone, and a trusted author's are left alone (as the content rules
    leave them); a failure to read is logged and reads as nothing.
    """
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    tap = app.extensions.get(TAP_KEY)
    if isinstance(tap, TapReader) and predictions is not None and tap.reads(predictions):
        by_id = {item.id: p for item, p in zip(items, predictions, strict=True)}
        head = tap.head

        def vectors(published: list[Item]) -> Any:
            return [by_id[item.id].features for item in published]

    else:
        reader = reader_for(app, classifier)
        if reader is None:
            return Suspicions()
        head = reader.head

        def vectors(published: list[Item]) -> Any:
            # A forward pass of its own: on the idle-priority thread where the app asks for one, as the classifier's.
            return cpu_priority.predict_with(
                reader.embedder, reader.embedder.embed, [item.text_for_model for item in published]
            )

    published = [item for item in items if item.status == ItemStatus.PUBLISHED.value]
    if published:
        # A trusted author's posts skip the content rules that would hold them: the reader's flags too.
        author_ids = {item.author_id for item in published}
        trusted = set(
            db.session.execute(
                select(Author.id).where(Author.id.in_(author_ids), Author.standing == AuthorStanding.TRUSTED.value)
            ).scalars()
        )
        published = [item for item in published if item.author_id not in trusted]
    if not published:
        return Suspicions({}, head.version, head.threshold)
    own = site_heads(app, {item.site_id for item in published}, head.embedder)
    try:
        rows = vectors(published)
        # Each item's head: its site's own, else the worker's; each head reads its items' rows in one call.
        groups: dict[int, tuple[Any, list[int]]] = {}
        for i, item in enumerate(published):
            reading = own.get(item.site_id, head)
            groups.setdefault(id(reading), (reading, []))[1].append(i)
        probabilities: dict[int, float] = {}
        for reading, mine in groups.values():
            read = reading.probabilities([rows[i] for i in mine])
            probabilities.update({published[i].id: float(p) for i, p in zip(mine, read, strict=True)})
    except (RuntimeError, ValueError) as exc:
        log.warning("the hostility reader failed on a batch of %d item(s): %s", len(published), exc)
        return Suspicions({}, head.version, head.threshold)
    heads = {
        item.id: (own[item.site_id].version, own[item.site_id].threshold) for item in published if item.site_id in own
    }
    return Suspicions(probabilities, head.version, head.threshold, heads)


def site_heads(app: Flask, site_ids: set[int], vectors: str) -> dict[int, Any]:
    """The own heads of those of ``site_ids`` that have one and whose head reads ``vectors`` (an embedder's name).

    One query for the sites' head versions per batch; a head's weights are read once per version and kept. A head
    over other vectors (the site's head was adapted over the tap, this worker reads with the separate reader, or the
    other way round) is logged once, and the worker's head reads that site's items.
    """
    from ..classifier.hostility import head_from_json  # numpy only, but only a worker that reads needs it

    versions = dict(
        db.session.execute(
            select(Site.id, Site.hostility_head_version).where(
                Site.id.in_(site_ids), Site.hostility_head_version.is_not(None)
            )
        ).all()
    )
    kept: dict[str, Any] = app.extensions.setdefault(SITE_HEADS_KEY, {})
    missing = set(versions.values()) - set(kept)
    if missing:
        rows = db.session.execute(
            select(Site.hostility_head_version, Site.hostility_head).where(Site.hostility_head_version.in_(missing))
        ).all()
        for version, raw in rows:
            try:
                kept[version] = head_from_json(raw, f"site head {version}")
            except ValueError as exc:
                log.warning("%s: the worker's head reads that site's items", exc)
                kept[version] = None
    heads = {}
    for site_id, version in versions.items():
        head = kept.get(version)
        if head is None:
            continue
        if not head.matches(vectors):
            logged: set[tuple[str, str]] = app.extensions.setdefault(SITE_HEADS_KEY + ".logged", set())
            if (version, vectors) not in logged:
                logged.add((version, vectors))
                log.warning(
                    "site %s's hostility head %s reads %s, this worker reads %s: the worker's head reads its items",
                    site_id,
                    version,
                    head.embedder,
                    vectors,
                )
            continue
        heads[site_id] = head
    return heads


def set_site_head(site: Site, head: Any | None) -> bool:
    """Give ``site`` its own hostility head (a ``HostilityHead``; None: back to the workers' head), audited as
    ``site.hostility_head``; the caller commits. Workers read with it from their next batch. False: no change."""
    version = head.version if head is not None else None
    if site.hostility_head_version == version:
        return False
    audit.record(
        "site.hostility_head",
        "site",
        site.id,
        site_id=site.id,
        before={"hostility_head": site.hostility_head_version},
        after={"hostility_head": version, **({"meta": head.meta} if head is not None else {})},
    )
    site.hostility_head = head.to_json() if head is not None else None
    site.hostility_head_version = version
    return True


def own_head(site: Site) -> dict[str, Any] | None:
    """The site's own head as the Models page and ``moderation model hostility-head`` name it: its version and, for
    an adapted head, what it was adapted from and on how many decisions (``adapted``); None: the workers' head."""
    if site.hostility_head_version is None:
        return None
    meta = (site.hostility_head or {}).get("meta") or {}
    facts = {key: meta.get(key) for key in ("adapted_from", "removed", "cleared")}
    return {"version": site.hostility_head_version, **facts, "adapted": all(v is not None for v in facts.values())}
