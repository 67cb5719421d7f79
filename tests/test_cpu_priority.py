"""The worker's forward passes on a thread of idle CPU priority (``INFERENCE_CPU_PRIORITY``), the rest of its work
on its own thread at the process's priority."""

from __future__ import annotations

import os
import threading

import pytest
from flask import Flask

from moderation import cpu_priority, create_app
from moderation.config import ConfigError

pytestmark = pytest.mark.skipif(not cpu_priority.supported(), reason="SCHED_IDLE is a Linux policy")


def app_with(priority: str | None) -> Flask:
    app = Flask(__name__)
    if priority is not None:
        app.config["INFERENCE_CPU_PRIORITY"] = priority
    return app


def where_it_ran() -> tuple[int, int]:
    return threading.get_ident(), os.sched_getscheduler(0)


def test_idle_runs_on_one_thread_under_sched_idle_and_leaves_the_caller_alone():
    app = app_with("idle")
    with app.app_context():
        first = cpu_priority.in_background(where_it_ran)
        second = cpu_priority.in_background(where_it_ran)
        caller = where_it_ran()
    assert first[1] == os.SCHED_IDLE
    assert first == second  # one long-lived thread, not one per pass
    assert first[0] != caller[0]
    assert caller[1] != os.SCHED_IDLE


@pytest.mark.parametrize("priority", ["normal", None])
def test_normal_and_unset_run_on_the_calling_thread(priority):
    app = app_with(priority)
    with app.app_context():
        assert cpu_priority.in_background(where_it_ran) == where_it_ran()
    assert cpu_priority.in_background(where_it_ran) == where_it_ran()  # no app: as the caller


def test_an_error_in_the_pass_reaches_the_caller_and_a_bad_setting_names_itself_at_start(tmp_path):
    def fails():
        raise RuntimeError("out of memory")

    with app_with("idle").app_context():
        with pytest.raises(RuntimeError, match="out of memory"):
            cpu_priority.in_background(fails)
        assert cpu_priority.in_background(where_it_ran)[1] == os.SCHED_IDLE  # the thread survives it
    # A typo stops the app at start (the worker with it), naming the setting; the case of a good value is folded.
    config = {"DATABASE_URL": "sqlite://", "REDIS_URL": "redis://127.0.0.1:1/0", "DATA_DIR": str(tmp_path),
              "SECRET_KEY": "k" * 32}  # fmt: skip
    with pytest.raises(ConfigError, match="MODERATION_INFERENCE_CPU_PRIORITY='lowest'"):
        create_app({**config, "INFERENCE_CPU_PRIORITY": "lowest"})
    assert create_app({**config, "INFERENCE_CPU_PRIORITY": " IDLE"}).config["INFERENCE_CPU_PRIORITY"] == "idle"


class Model:
    def __init__(self, device: str) -> None:
        self.device = device
        self.seen: list[int] = []

    def predict(self, texts, batch_size=32):
        self.seen.append(os.sched_getscheduler(0))
        return [len(t) for t in texts]


def test_a_cpu_model_predicts_at_idle_priority_and_a_cuda_one_on_the_callers_thread():
    cpu, cuda = Model("cpu"), Model("cuda:0")
    with app_with("idle").app_context():
        assert cpu_priority.predict(cpu, ["ab", "c"], batch_size=8) == [2, 1]
        assert cpu_priority.predict(cuda, ["ab"], batch_size=8) == [2]
    assert cpu.seen == [os.SCHED_IDLE]
    assert cuda.seen == [os.sched_getscheduler(0)]


def test_a_pass_asked_for_within_a_pass_runs_on_the_idle_thread_without_waiting_for_itself():
    app, answer = app_with("idle"), []

    def outer_pass() -> None:
        with app.app_context():
            answer.append(
                cpu_priority.in_background(lambda: (where_it_ran(), cpu_priority.in_background(where_it_ran)))
            )

    caller = threading.Thread(target=outer_pass, daemon=True)  # a wait for itself would hang here, not the run
    caller.start()
    caller.join(10)
    assert not caller.is_alive(), "the idle thread waited for itself"
    outer, inner = answer[0]
    assert outer == inner and inner[1] == os.SCHED_IDLE


def test_an_embedders_pass_goes_the_same_way():
    class Embedder:
        device = "cpu"

        def embed(self, texts):
            return [os.sched_getscheduler(0) for _ in texts]

    embedder = Embedder()
    with app_with("idle").app_context():
        assert cpu_priority.predict_with(embedder, embedder.embed, ["a", "b"]) == [os.SCHED_IDLE] * 2


def test_rescorings_passes_overlapped_or_not_run_at_idle_priority_on_a_cpu():
    from moderation.services.rescoring import score_texts

    class Overlapping(Model):
        can_overlap = True

        def predict(self, texts, batch_size=32, overlap=False, on_batch=None):
            self.seen.append((os.sched_getscheduler(0), overlap))
            return [len(t) for t in texts]

    model = Overlapping("cpu")
    with app_with("idle").app_context():
        assert score_texts(model, ["ab"], batch_size=8, overlap=True) == [2]
        assert score_texts(model, ["abc"], batch_size=8, overlap=False) == [3]
    assert model.seen == [(os.SCHED_IDLE, True), (os.SCHED_IDLE, False)]


def test_a_training_runs_comparison_scores_the_held_out_items_at_idle_priority():
    from datetime import datetime

    from moderation.classifier import Prediction
    from moderation.services.policy import DEFAULT_POLICY
    from moderation.services.training import held_out_figures
    from moderation.services.training_data import NEGATIVE, LabelledItem

    class Scored(Model):
        def predict(self, texts, batch_size=32):
            self.seen.append(os.sched_getscheduler(0))
            return [Prediction("negative", 0.9, "stub") for _ in texts]

    rows = [LabelledItem(i, f"text {i}", NEGATIVE, "stars", 1, datetime(2026, 1, 1)) for i in range(3)]
    model = Scored("cpu")
    with app_with("idle").app_context():
        figures = held_out_figures(model, rows, DEFAULT_POLICY)
    assert figures.n == 3 and figures.negatives == 3
    assert model.seen == [os.SCHED_IDLE]
