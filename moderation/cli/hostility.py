"""``moderation model train-hostility``: a site's own hostility head, from what its moderators removed and let stand.

The bundled head (``models/hostility``) learned from a few thousand rows written for it. A site's moderators label
more every day: items removed as abusive, spam or personal data are hostile; items held or flagged and then let
stand are clean texts that looked hostile. This command reads them (``services.hostility_data``), embeds them as
the worker will read them, adapts the bundled head to them (``classifier.hostility.adapt_head``), prints how both
heads read a held-out fifth of the site's decisions, and writes the new head (``--out``) or stores it on the site
(``--activate``): every worker then reads that site's items with it, and the other sites' with its own head
(``Site.hostility_head``; ``moderation model hostility-head --site S`` shows, sets or clears it). A worker-wide
head of one's own is ``MODERATION_SUSPECTED_ABUSE_HEAD=<file>``. torch is imported inside the command only.

Which vectors: where the worker's classifier (``MODEL_DIR``, ``DEVICE``, ``INFERENCE_DTYPE``) is the version the
bundled tap head reads, the tap head is adapted over that classifier's own layers, and the new head costs the
worker nothing to read (``services.hostility``); elsewhere, or with ``--separate``, the separate head over the e5
base, which the worker reads with a second model.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import click
import numpy as np

from ..classifier.hostility import (  # numpy only: sklearn loads inside the training functions
    DEFAULT_TAP_HEAD,
    HostilityHead,
    adapt_head,
    flag_counts,
    load_head,
    save_head,
    tap_of,
)
from ..extensions import db
from ..services.accounts import get_site
from ..services.hostility import own_head, set_site_head
from ..services.hostility_data import hostility_examples
from .common import service_errors
from .model import model_group, platform_app


@model_group.command("train-hostility")
@click.option("--site", "site_slug", default=None, help="Only this site's decisions (default: every site's).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Where to write the head.")
@click.option(
    "--activate", is_flag=True, help="Store the head on the site (--site): every worker reads its items with it."
)
@click.option("--min-hostile", type=int, default=20, show_default=True, help="Removed items needed to train.")
@click.option(
    "--false-flag-rate", type=float, default=0.003, show_default=True, help="Share of ordinary items at the bar."
)
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--separate", is_flag=True, help="Adapt the head over the e5 base even where the classifier can tap.")
def train_hostility(
    site_slug: str | None,
    out: Path | None,
    activate: bool,
    min_hostile: int,
    false_flag_rate: float,
    seed: int,
    separate: bool,
) -> None:
    """Adapt the bundled hostility head to a site's moderation decisions; write it to OUT and/or activate it."""
    if activate and site_slug is None:
        raise click.UsageError("--activate needs --site: a head is activated for one site")
    if out is None and not activate:
        raise click.UsageError("give --out FILE, --site S --activate, or both")
    app = platform_app()
    with app.app_context():
        try:
            examples = hostility_examples(site_slug, seed=seed)
        except LookupError as exc:
            raise click.UsageError(str(exc)) from None
        db.session.remove()
    clean = examples.cleared + examples.ordinary
    click.echo(
        f"decisions: {len(examples.hostile)} removed as hostile, {len(examples.cleared)} let stand after a content "
        f"case; {len(examples.ordinary)} other published items to train on, {len(examples.calibration)} to set the bar"
    )
    if len(examples.hostile) < min_hostile or len(clean) < min_hostile:
        raise click.ClickException(
            f"needs at least {min_hostile} removed and {min_hostile} published items; the bundled head stays in use"
        )

    base, embedder = head_and_embedder(app, separate)
    if not base.matches(embedder.name):
        raise click.ClickException(f"the bundled head reads {base.embedder}, this embedder is {embedder.name}")
    texts = examples.hostile + clean
    labels = np.array([True] * len(examples.hostile) + [False] * len(clean))
    vectors = embedder.embed(texts)
    calibration = embedder.embed(examples.calibration) if examples.calibration else np.zeros((0, vectors.shape[1]))

    order = list(range(len(texts)))
    random.Random(seed).shuffle(order)
    test = set(order[: len(order) // 5])
    train_rows = np.array([i not in test for i in range(len(texts))])
    trial = adapt_head(base, vectors[train_rows], labels[train_rows], calibration, false_flag_rate=false_flag_rate)
    held = ~train_rows
    for name, head in (("bundled head", base), ("adapted head", trial)):
        caught, removed, flagged, published = flag_counts(head, vectors[held], labels[held])
        click.echo(
            f"{name} on a held-out fifth ({int(held.sum())} items): removed ones flagged {caught}/{removed}, "
            f"published ones flagged {flagged}/{published} (bar {head.threshold:.3f})"
        )

    meta = {"site": site_slug or "all", "removed": len(examples.hostile), "cleared": len(examples.cleared)}
    head = adapt_head(base, vectors, labels, calibration, false_flag_rate=false_flag_rate, meta=meta)
    reads = "the worker's classifier's own vectors" if tap_of(head.embedder) else "the e5 base (a second model)"
    if out is not None:
        save_head(head, out)
        click.echo(f"wrote {head.version} (bar {head.threshold:.3f}) to {out}; it reads {reads}")
    if activate:
        assert site_slug is not None
        activate_head(app, site_slug, head)
    else:
        click.echo(
            f"activate it for the site with: moderation model hostility-head --site {site_slug or 'S'} --set {out}"
        )


@model_group.command("hostility-head")
@click.option("--site", "site_slug", required=True, help="The site.")
@click.option("--set", "head_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Activate the head in this file (written by train-hostility --out) for the site.")  # fmt: skip
@click.option("--clear", is_flag=True, help="Back to the workers' head (bundled, or MODERATION_SUSPECTED_ABUSE_HEAD).")
def hostility_head(site_slug: str, head_file: Path | None, clear: bool) -> None:
    """Show, set or clear the hostility head a site's items are read with."""
    if head_file is not None and clear:
        raise click.UsageError("--set and --clear exclude each other")
    app = platform_app()
    if head_file is not None or clear:
        try:
            head = load_head(head_file) if head_file is not None else None
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--set") from None
        activate_head(app, site_slug, head)
        return
    with app.app_context(), service_errors():
        head_of_site = own_head(get_site(site_slug))
    if head_of_site is None:
        click.echo(f"{site_slug}: the workers' head (bundled, or MODERATION_SUSPECTED_ABUSE_HEAD)")
    else:
        facts = (
            f" (adapted from {head_of_site['adapted_from']} on {head_of_site['removed']} removed and "
            f"{head_of_site['cleared']} let-stand items)"
            if head_of_site["adapted"]
            else ""
        )
        click.echo(f"{site_slug}: its own head {head_of_site['version']}{facts}")


def activate_head(app: Any, site_slug: str, head: HostilityHead | None) -> None:
    """Store ``head`` on the site (None: clear it), audited, and say what workers will do."""
    with app.app_context(), service_errors():
        site = get_site(site_slug)
        changed = set_site_head(site, head)
        readable = head is None or readable_by_workers(head, site.active_model_version)
        db.session.commit()
    if not readable:
        assert head is not None
        click.echo(
            f"note: {head.version} reads {head.embedder}, which workers make only beside that model; the others read "
            f"{site_slug}'s items with their own head",
            err=True,
        )
    if head is None:
        click.echo(f"{site_slug}: back to the workers' head" if changed else f"{site_slug} had no head of its own")
    elif changed:
        click.echo(f"{site_slug}: workers read its items with {head.version} (bar {head.threshold:.3f}) from their "
                   "next batch")  # fmt: skip
    else:
        click.echo(f"{site_slug} already reads with {head.version}")


def readable_by_workers(head: HostilityHead, site_model: str | None) -> bool:
    """Whether workers make the vectors ``head`` reads: the bundled tap head's (or the site's model's own layers),
    or the bundled separate head's e5 base."""
    tap = tap_of(head.embedder)
    if tap is None:
        return head.embedder == load_head().embedder
    bundled = tap_of(load_head(DEFAULT_TAP_HEAD).embedder)
    return tap[0] in {bundled[0] if bundled else None, site_model}


def head_and_embedder(app: Any, separate: bool) -> tuple[Any, Any]:
    """The bundled head to adapt and what makes its vectors: the tap head over the worker's classifier where that
    classifier is the version it reads (and ``separate`` is not asked), else the separate head over the e5 base."""
    # torch only once the command runs: `moderation --help` and the web process register it torch-free.
    from ..classifier.embedding import TappedEmbedder, embedder_for
    from ..worker import default_classifier_factory  # loads the worker's classifier, as the worker would

    if not separate:
        tap_head = load_head(DEFAULT_TAP_HEAD)
        version, layers = tap_of(tap_head.embedder) or ("", ())
        classifier = default_classifier_factory(app)
        if getattr(classifier, "can_tap", False) and classifier.model_version == version:
            return tap_head, TappedEmbedder(classifier, layers)
        click.echo(f"the worker's classifier is not {version} in a float dtype: adapting the separate head")
    base = load_head()
    return base, embedder_for(base.embedder, app.config.get("DEVICE", "auto"))
