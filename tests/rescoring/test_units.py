"""Pieces of rescoring without a worker: the overlapped GPU pipeline on CPU, case actions, the model check."""

from __future__ import annotations

import threading
import time

import pytest

from moderation.classifier import Prediction
from moderation.models import Item, RescoreRun
from moderation.services import rescoring
from moderation.services.rescoring import CaseAction, case_action
from moderation.services.rescoring_pipeline import predict_overlapped
from tests.rescoring.stubs import write_stub_model


class StagedFake:
    """The classifier's pipeline stages with fixed costs: tokenising ``tokenise_s`` per text, forward per batch."""

    def __init__(self, tokenise_s: float = 0.0, forward_s: float = 0.0, fail_at: int | None = None):
        self.tokenise_s, self.forward_s, self.fail_at = tokenise_s, forward_s, fail_at
        self.model_version = "staged-1"
        self.threads: set[str] = set()
        self.forwarded = 0

    def preprocess(self, texts):
        self.threads.add("pre:" + threading.current_thread().name)
        time.sleep(self.tokenise_s * len(texts))
        return [[len(t)] * (1 + len(t) % 5) for t in texts]

    def _collate(self, batch):
        if self.fail_at is not None and self.forwarded >= self.fail_at:
            raise ValueError("text 7 is empty")
        return [ids[0] for ids in batch]

    def _forward(self, inputs):
        self.threads.add("fwd:" + threading.current_thread().name)
        time.sleep(self.forward_s)
        self.forwarded += 1
        return inputs

    def postprocess(self, logits):
        return [Prediction("negative", n / 100, self.model_version) for n in logits]

    def predict(self, texts, batch_size=32):
        return self.postprocess(self._forward(self._collate(self.preprocess(texts))))


def test_overlapped_pipeline_keeps_input_order_and_runs_stages_at_once():
    texts = [f"text {'x' * (k % 13)}" for k in range(240)]
    expected = [StagedFake().predict([t])[0] for t in texts]
    overlapped = StagedFake(tokenise_s=0.001, forward_s=0.03)
    seen: list[int] = []
    started = time.perf_counter()
    got = predict_overlapped(overlapped, texts, batch_size=30, on_batch=seen.append, page_size=30)
    elapsed = time.perf_counter() - started
    assert got == expected  # input order, although batches were sorted by length
    assert sum(seen) == 240 and len(seen) == 8
    # Tokenising ran in the background thread, the forward pass in the caller's.
    assert overlapped.threads == {"pre:rescore-tokenise", "fwd:" + threading.current_thread().name}
    # 8 pages × (30 ms tokenising + 30 ms forward): ~480 ms one after the other, ~270 ms overlapped.
    assert elapsed < 0.42, elapsed


def test_overlapped_pipeline_raises_a_stage_error_in_the_caller():
    with pytest.raises(ValueError, match="text 7 is empty"):
        predict_overlapped(StagedFake(fail_at=2), [f"t{k}" for k in range(100)], batch_size=10, page_size=10)


def test_score_texts_uses_overlap_only_on_cuda_unless_asked(app):
    fake = StagedFake()
    with app.app_context():
        assert rescoring.has_stages(fake) and not rescoring.use_overlap(fake)
        fake.device = "cuda:0"
        assert rescoring.use_overlap(fake)
        assert rescoring.default_batch_size(fake) == 512
        app.config["RESCORE_OVERLAP"] = "never"
        assert not rescoring.use_overlap(fake)
        predictions = rescoring.score_texts(fake, ["a", "bb", "ccc"], batch_size=2, overlap=True)
        assert [p.negative_probability for p in predictions] == [0.01, 0.02, 0.03]


def test_model_text_matches_the_item_property():
    assert rescoring.model_text("Bof", "rien à dire") == Item(title="Bof", body="rien à dire").text_for_model
    assert rescoring.model_text(None, "rien à dire") == Item(title=None, body="rien à dire").text_for_model


@pytest.mark.parametrize(
    ("new_reasons", "state", "reasons", "stale", "expected"),
    [
        (["negative_text"], None, [], False, CaseAction.OPEN),
        ([], None, [], False, CaseAction.NONE),
        ([], "open", ["negative_text"], False, CaseAction.MARK_STALE),
        ([], "claimed", ["rating_text_mismatch", "negative_text"], False, CaseAction.MARK_STALE),
        ([], "open", ["negative_text"], True, CaseAction.NONE),  # already marked
        (["low_rating"], "open", ["low_rating", "negative_text"], False, CaseAction.NONE),  # stars still hold
        ([], "open", ["links", "negative_text"], False, CaseAction.NONE),  # content reasons still hold
        (["negative_text"], "open", ["negative_text"], True, CaseAction.UNMARK_STALE),
        (["negative_text", "rating_text_mismatch"], "open", ["negative_text"], False, CaseAction.ADD_REASONS),
        ([], "answered", ["negative_text"], False, CaseAction.NONE),  # never reopened, never marked
        (["negative_text"], "dismissed", ["negative_text"], False, CaseAction.NONE),
        (["negative_text"], "resolved", [], False, CaseAction.NONE),
    ],
)
def test_case_action(new_reasons, state, reasons, stale, expected):
    assert case_action(new_reasons, state, reasons, stale) == expected


def test_a_worker_refuses_a_model_folder_whose_files_changed(make_app, tmp_path):
    app = make_app(RESCORE_CLASSIFIER_LOADER="tests.rescoring.stubs:load_stub_model")
    folder = write_stub_model(tmp_path / "model", "stub-a")
    run = RescoreRun(id=7, model_version="stub-a", model_dir=str(folder))
    with app.app_context():
        assert rescoring.classifier_for_run(run).model_version == "stub-a"
        assert rescoring.classifier_for_run(run) is rescoring.classifier_for_run(run)  # loaded once
        write_stub_model(folder, "stub-b")  # the same folder now holds other weights
        app.extensions["moderation.rescore_classifiers"].clear()
        with pytest.raises(RuntimeError, match="now holds model stub-b, but run 7 rescores with stub-a"):
            rescoring.classifier_for_run(run)
