"""``moderation rescore``: score every stored item again with a new model, show progress, report the diff."""

from __future__ import annotations

import os
import sys
import time

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select
from tqdm import tqdm

from .. import csv_export
from ..broker import get_redis
from ..classifier.folders import resolve_model_dir
from ..extensions import db
from ..models import RescoreRun, Site
from ..services import rescoring
from ..services.accounts import get_site
from ..services.errors import ServiceError
from ..serving import no_worker_message, queue_worker_count


@click.command("rescore")
@click.option(
    "--model",
    "model_dir",
    default=None,
    type=click.Path(exists=True, file_okay=False),
    help="Model folder to rescore with (default: the workers' model: MODERATION_MODEL_DIR, else the bundled one).",
)
@click.option("--site", "site_slug", default=None, help="Only this site's items (default: every site).")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    default=None,
    help="Only items created on or after this date (UTC).",
)
@click.option("--dry-run", is_flag=True, help="Show what would be rescored; write nothing, enqueue nothing.")
@click.option("--activate", is_flag=True, help="When every chunk is done, make this model the one the policy uses.")
@click.option("--detach", is_flag=True, help="Enqueue and return at once (progress: API and console).")
@click.option("--chunk-size", type=click.IntRange(1, 1_000_000), default=None, help="Items per job (new runs).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), default=None, help="Write the diff CSV here.")
@click.option("--poll", type=click.FloatRange(0.05, 60), default=1.0, show_default=True, help="Seconds between checks.")
@with_appcontext
def rescore_command(model_dir, site_slug, since, dry_run, activate, detach, chunk_size, report_path, poll) -> None:
    """Rescore stored items with a new model version, in chunked rq jobs; re-running resumes."""
    # No --model: the workers' model, so that after an upgrade that ships a new bundled model
    # `moderation rescore --activate` moves every site to it.
    model_dir = os.path.abspath(resolve_model_dir(model_dir or current_app.config.get("MODEL_DIR")))
    try:
        site = get_site(site_slug) if site_slug else None
    except ServiceError as exc:
        raise click.ClickException(exc.message) from None
    site_id = site.id if site else None
    click.echo(f"loading {model_dir} to read its version…")
    # The version is what the loaded model reports (name and hash of its files); workers check theirs against it.
    classifier = rescoring.load_model(model_dir, device="cpu")
    version = classifier.model_version
    del classifier
    run = rescoring.find_run(version, site_id, since)
    scope = f"site {site.slug}" if site else "every site"
    scope += f", created since {since:%Y-%m-%d}" if since else ""

    if dry_run:
        dry_run_summary(version, run, site_id, since, chunk_size or int(rescoring.setting("RESCORE_CHUNK_SIZE")), scope)
        db.session.rollback()
        return

    if run is None:
        model = rescoring.register_model_version(version, model_dir)
        run = rescoring.create_run(
            model, site_id, since, chunk_size or int(rescoring.setting("RESCORE_CHUNK_SIZE")), activate
        )
        db.session.commit()
        click.echo(f"run {run.id}: {version} over {scope}: {run.total_items} item(s) in {run.total_chunks} chunk(s)")
    else:
        if activate and not run.activate_requested:
            run.activate_requested = True
        db.session.commit()
        progress = rescoring.run_progress(run)
        click.echo(
            f"resuming run {run.id} ({version}, {scope}): "
            f"{progress.chunks_done}/{run.total_chunks} chunk(s) done, {progress.items_done}/{run.total_items} item(s)"
        )
    enqueued = rescoring.enqueue_pending_chunks(run)
    db.session.rollback()
    click.echo(f"enqueued {enqueued} chunk job(s) on queue {rescoring.setting('RESCORE_QUEUE')!r}")
    if detach:
        click.echo(f"detached; progress: GET /api/v1/rescore-runs/{run.id}")
        return

    if not watch(run.id, poll):
        sys.exit(1)
    # The diff first: what the new model changes, and what activating it does (or did) to the queue.
    run = db.session.get(RescoreRun, run.id)
    print_report(rescoring.diff_report(run))
    if report_path:
        with open(report_path, "w", newline="", encoding="utf-8") as fh:
            csv_export.writer(fh).writerows(rescoring.diff_csv_lines(run))
        click.echo(f"diff written to {report_path}")
    if activate and run.activated_at is None:
        counts = rescoring.activate_run(run.id)
        if counts is not None:
            click.echo("activated: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    elif run.activated_at is not None:
        click.echo(f"active since {run.activated_at:%Y-%m-%d %H:%M} UTC (run {run.id})")
    db.session.rollback()


def dry_run_summary(version, run, site_id, since, chunk_size, scope) -> None:
    click.echo(f"dry run: nothing is written or enqueued. Model version {version}, {scope}.")
    if run is not None:
        progress = rescoring.run_progress(run)
        click.echo(
            f"run {run.id} exists ({run.state}): {progress.chunks_done}/{run.total_chunks} chunk(s) done, "
            f"{progress.items_done}/{run.total_items} item(s); running the command resumes it"
        )
        return
    chunks = rescoring.plan_chunks(site_id, since, chunk_size)
    click.echo(f"would rescore {sum(n for _, _, n in chunks)} item(s) in {len(chunks)} chunk(s) of up to {chunk_size}")
    for site, baseline in sorted(rescoring.baseline_versions(site_id).items()):
        click.echo(f"  site {site}: active model {baseline or '(none yet)'}")


def watch(run_id: int, poll: float) -> bool:
    """A progress bar until every chunk is done. False when chunks failed and nothing is left running."""
    run = db.session.get(RescoreRun, run_id)
    progress = rescoring.run_progress(run)
    db.session.rollback()
    last_check = 0.0
    warned = {"no_worker": False, "at": 0.0}
    # tqdm shows done/total, the rate over this watch and the ETA it implies.
    with tqdm(total=progress.total_items, initial=progress.items_done, unit="item", disable=None) as bar:
        while True:
            if rescoring.finish_run_if_complete(run_id):
                bar.update(bar.total - bar.n)
                break
            run = db.session.get(RescoreRun, run_id)
            progress = rescoring.run_progress(run)
            bar.update(progress.items_done - bar.n)
            warn_when_no_worker(bar, warned)
            if time.monotonic() - last_check > 10 * poll:
                last_check = time.monotonic()
                rescoring.reclaim_abandoned()
                states = rescoring.chunk_job_states(run_id)
                waiting = [s for s in states.values() if s in ("queued", "started", "scheduled", "deferred")]
                failed = [p for p, s in states.items() if s in rescoring.TERMINAL_JOB_STATES]
                lost = [p for p, s in states.items() if s in (None, "finished")]
                if lost:
                    # A job vanished (Redis restarted without persistence): put it back.
                    rescoring.enqueue_pending_chunks(run, retry_failed=False)
                elif failed and not waiting:
                    db.session.rollback()
                    bar.close()
                    click.echo(
                        f"{len(failed)} chunk(s) failed after their retries (rq's failed job registry has the "
                        f"errors); fix the cause and run the same command again to retry them",
                        err=True,
                    )
                    return False
            db.session.rollback()
            time.sleep(poll)
    run = db.session.get(RescoreRun, run_id)
    progress = rescoring.run_progress(run)
    rate = f", {progress.items_per_s:.0f} item(s)/s over the run" if progress.items_per_s else ""
    click.echo(f"run {run_id} finished: {progress.items_done} item(s), {progress.scores_written} new score(s){rate}")
    db.session.rollback()
    return True


def warn_when_no_worker(bar, warned: dict) -> None:
    """Say so (once, within seconds) when no rq worker listens to the rescore queue, and when one comes."""
    if time.monotonic() - warned["at"] < 2.0:
        return
    warned["at"] = time.monotonic()
    queue = rescoring.setting("RESCORE_QUEUE")
    try:
        listening = queue_worker_count(get_redis(), queue)
    except Exception:  # Redis unreachable: the job-state check below reports what it can
        return
    if not listening and not warned["no_worker"]:
        bar.write(no_worker_message(queue), file=sys.stderr)
        warned["no_worker"] = True
    elif listening and warned["no_worker"]:
        bar.write(f"{listening} worker(s) now listen to queue {queue!r}", file=sys.stderr)
        warned["no_worker"] = False


def print_report(report) -> None:
    data = report.as_dict(dict(db.session.execute(select(Site.id, Site.slug)).all()), max_subjects=10)
    click.echo(
        f"diff vs {data['baseline_versions']}: {data['items']} item(s), verdict changed {data['verdict_changed']}, "
        f"label changed {data['label_changed']} (+{data['became_negative']} negative, "
        f"+{data['became_positive']} positive), no baseline score {data['without_baseline']}"
    )
    click.echo("cases on activation: " + ", ".join(f"{k} {v}" for k, v in data["cases"].items()))
    for reason, counts in data["reasons"].items():
        click.echo(f"  {reason}: {counts['before']} → {counts['after']} (+{counts['gained']} −{counts['lost']})")
    for version, agreement in data["agreement"].items():
        click.echo(f"  agreement with moderators, {version}: {agreement}")
    for line in data["subjects"]:
        click.echo(
            f"  {line['site']}/{line['subject']}: {line['verdict_changed']} changed, {line['would_open']} to open, "
            f"{line['would_stale']} to mark stale"
        )
