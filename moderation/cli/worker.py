"""``moderation worker`` and ``moderation sweep``: the scoring side's processes and their repair command."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from ..classifier import DTYPES
from ..heap import freeze_startup_heap
from ..metrics import model_info, serve_worker_metrics
from ..observability import configure_logging
from ..services.scheduling import count_unscored, sweep_unscored
from ..serving import platform_queues
from ..worker import build_worker, default_classifier_factory, import_factory, work_until_stopped


@click.command("worker")
@click.option("--queue", "queues", multiple=True, help="Queues to work (default: the scoring queue).")
@click.option(
    "--all-queues",
    is_flag=True,
    help="Work every queue the platform uses (scoring first, then rescore, mail, webhooks, insights, training, feeds),"
    " as `moderation serve`'s worker does.",
)
@click.option("--burst", is_flag=True, help="Quit when the queues are empty.")
@click.option(
    "--lazy-model",
    is_flag=True,
    help="Load the model only when a job needs it (topics, training): a worker of mail, webhooks and feeds never does.",
)
@click.option(
    "--classifier",
    "classifier_spec",
    default=None,
    help="module:callable(app) returning a classifier (default: the bundled model).",
)
@click.option(
    "--dtype",
    type=click.Choice(DTYPES),
    default=None,
    help="Compute dtype of the worker's model (default: MODERATION_INFERENCE_DTYPE, else auto: bf16/fp16 on a "
    "GPU; on a CPU bf16 where it is native, else onnx-fp32); int8 is torch's dynamic int8 path on a CPU, onnx-fp32 / "
    "onnx-int8 run the forward pass in ONNX Runtime on a CPU (exported once per model version into the model "
    "cache); float32 is torch's fp32; int8 and onnx-int8 are opt-in.",
)
@click.option("--maintenance-interval", default=30, show_default=True, help="Seconds between sweeps.")
@click.option("--name", default=None, help="Worker name (default: rq's).")
@click.option("--metrics-port", type=int, default=None, help="Serve this worker's Prometheus /metrics on this port.")
@click.option(
    "--metrics-host",
    default="127.0.0.1",
    show_default=True,
    help="Address the worker's /metrics listens on (no authentication: loopback unless the network is private).",
)
@with_appcontext
def worker(
    queues,
    all_queues,
    burst,
    lazy_model,
    classifier_spec,
    dtype,
    maintenance_interval,
    name,
    metrics_port,
    metrics_host,
) -> None:
    """Load the classifier once and work the queues (an rq SimpleWorker: no fork per job)."""
    app = current_app._get_current_object()
    if dtype:
        app.config["INFERENCE_DTYPE"] = dtype
    configure_logging(app.config.get("LOG_LEVEL", "INFO"), app.config.get("LOG_FORMAT", "json"))
    factory = import_factory(classifier_spec) if classifier_spec else default_classifier_factory
    if all_queues:
        queues = list(dict.fromkeys([*platform_queues(app.config), *queues]))
    rq_worker = build_worker(
        app, factory, list(queues) or None, maintenance_interval=maintenance_interval, name=name, lazy_model=lazy_model
    )
    # The model and every module imported stay for the process's life: out of the collector's full passes; what the
    # first job loads on first use, too, once it is done.
    freeze_startup_heap("worker")
    rq_worker.freeze_after_first_job = True
    model_info.labels(model_version=str(rq_worker.model_version)).set(1)
    if metrics_port is not None:
        serve_worker_metrics(metrics_port, metrics_host)
    model = rq_worker.model_version or "loaded when a job needs it"
    click.echo(f"worker {rq_worker.name}: model {model}, queues {rq_worker.queue_names()}")
    work_until_stopped(rq_worker, burst=burst, logging_level=app.config.get("LOG_LEVEL", "INFO"))


@click.command("sweep")
@with_appcontext
def sweep_command() -> None:
    """Enqueue scoring for items left unscored (e.g. accepted while Redis was down)."""
    n = count_unscored()
    enqueued = sweep_unscored(min_age_s=0)
    click.echo(f"{n} unscored item(s); job enqueued: {enqueued}")
