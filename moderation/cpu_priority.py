"""The scoring worker's forward passes on a thread of the lowest CPU priority, so that a web on the same cores gets
them first.

``moderation serve`` runs the web and the model worker on one machine. The worker's process runs at a lower
priority (``SERVE_WORKER_NICE``, 10), but nice 10 still weighs 110 against the web's 1024 in Linux's scheduler,
and a worker with a backlog is always runnable: sampled once a second while 50 clients posted (bench/peer.py, 2
cores), the worker used 47-95 % of a core in each second of the posting phases. With 30 % writes among 50 clients'
requests (bench/serve.py), serve answered 308-354 requests/s with the forward passes at idle priority against
245-314 without; with 50 clients posting (bench/peer.py), once the worker's write section was short (one flush per
batch, services/scoring.py), 236-264 posts/s and a p99 of 307-446 ms against 196-230 and 490-580
(docs/benchmarks.md, twenty-second session).

``INFERENCE_CPU_PRIORITY = "idle"`` runs the forward pass (and the tokenising inside it) on one long-lived thread of
this process under ``SCHED_IDLE``: it runs when a core has nothing else to run, and at full speed on a machine
that is otherwise idle. Only that thread: the rest of a job (reading the claim, writing scores and cases, and on
SQLite holding the one write lock while it does) keeps the process's own priority, so that a writer never waits
behind a thread the scheduler has put last. Threads the forward pass starts (torch's intra-op pool, the tokeniser
thread of an overlapped pass) inherit the policy. Linux only: ``SCHED_IDLE`` is a Linux policy, and elsewhere, or
with ``"normal"`` (the default outside ``serve``), the pass runs on the calling thread as before.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from flask import current_app, has_app_context

from .classifier import on_cuda

log = logging.getLogger(__name__)

EXECUTOR_KEY = "moderation.cpu_priority.idle_executor"
T = TypeVar("T")


def supported() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "SCHED_IDLE")


def lower_this_thread() -> None:
    """Put the calling thread (not its process) under ``SCHED_IDLE``: pid 0 names the calling thread on Linux."""
    os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))


def predict(model, texts: list[str], **options):
    """``model.predict(texts, **options)``: on the idle-priority thread (``in_background``) unless the model runs
    on CUDA, where this thread only feeds the GPU and must not wait behind every other task for a core."""
    return predict_with(model, model.predict, texts, **options)


def predict_with(model, method: Callable[..., T], *args, **options) -> T:
    """``method(*args, **options)``, a forward pass of ``model`` (a classifier, an embedder): as ``predict``."""
    if on_cuda(model):
        return method(*args, **options)
    return in_background(method, *args, **options)


def in_background(fn: Callable[..., T], *args, **kwargs) -> T:
    """``fn(*args, **kwargs)``, on the app's idle-priority thread when ``INFERENCE_CPU_PRIORITY`` is ``"idle"``
    (and the platform has ``SCHED_IDLE``), else here. Exceptions reach the caller as raised."""
    # Asked from the idle thread itself (a pass within a pass), there is no app context: it runs there, never
    # waiting on the one thread for itself.
    executor = _executor()
    if executor is None:
        return fn(*args, **kwargs)
    return executor.submit(fn, *args, **kwargs).result()


def _executor() -> ThreadPoolExecutor | None:
    if not has_app_context():
        return None
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    executor = app.extensions.get(EXECUTOR_KEY)
    if executor is not None:
        return executor
    # Checked and folded at start (config.check_inference_cpu_priority): "normal" or "idle".
    if app.config.get("INFERENCE_CPU_PRIORITY") != "idle" or not supported():
        return None
    # One thread: the model is used by one pass at a time, and its intra-op threads are created once, from it.
    executor = ThreadPoolExecutor(1, thread_name_prefix="forward-idle", initializer=lower_this_thread)
    log.info("forward passes run on a thread of idle CPU priority (INFERENCE_CPU_PRIORITY=idle)")
    return app.extensions.setdefault(EXECUTOR_KEY, executor)
