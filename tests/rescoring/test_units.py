"""Pieces of rescoring without a worker: when to ask for overlap, case actions, the model check."""

from __future__ import annotations

import pytest

from moderation.classifier import Prediction
from moderation.models import Item, RescoreRun
from moderation.services import rescoring
from moderation.services.rescoring import CaseAction, case_action
from tests.rescoring.stubs import write_stub_model
from tests.stubs import KeywordClassifier


class OverlappingFake:
    """A classifier that owns its batching: it records how it was asked to predict."""

    can_overlap = True
    model_version = "overlapping-1"

    def __init__(self):
        self.calls: list[dict] = []

    def predict(self, texts, batch_size=32, *, overlap=False, on_batch=None):
        self.calls.append({"n": len(texts), "batch_size": batch_size, "overlap": overlap})
        if on_batch:
            on_batch(len(texts))
        return [Prediction("negative", len(t) / 100, self.model_version) for t in texts]


def test_score_texts_asks_for_overlap_only_on_cuda_and_only_of_a_classifier_that_can(app):
    fake = OverlappingFake()
    with app.app_context():
        assert not rescoring.use_overlap(fake)
        fake.device = "cuda:0"
        assert rescoring.use_overlap(fake)
        assert rescoring.default_batch_size(fake) == 512
        seen: list[int] = []
        predictions = rescoring.score_texts(fake, ["a", "bb", "ccc"], batch_size=2, on_batch=seen.append)
        assert [p.negative_probability for p in predictions] == [0.01, 0.02, 0.03]
        assert fake.calls == [{"n": 3, "batch_size": 2, "overlap": True}] and seen == [3]
        app.config["RESCORE_OVERLAP"] = "never"
        assert not rescoring.use_overlap(fake)
        # A stub with the plain predict(texts, batch_size) is never asked for more, even on CUDA.
        stub = KeywordClassifier()
        stub.device = "cuda:0"
        app.config["RESCORE_OVERLAP"] = "always"
        assert not rescoring.use_overlap(stub)
        assert len(rescoring.score_texts(stub, ["nul", "super"], batch_size=2)) == 2


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
