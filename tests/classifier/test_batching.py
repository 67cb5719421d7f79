"""The classifier owns its batching: sorted batches in input order, and tokenising overlapped with the model."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from moderation.classifier import Prediction
from moderation.classifier.batching import StagedClassifier

TEXTS = ["good film", "bad produit", "super", "nul nul nul", "a b c d e f g h", "film", "good bad good bad good"]


class StagedFake(StagedClassifier):
    """The pipeline stages with fixed costs: tokenising ``tokenise_s`` per text, the forward pass per batch."""

    def __init__(self, tokenise_s: float = 0.0, forward_s: float = 0.0, fail_at: int | None = None, page_size=4096):
        self.tokenise_s, self.forward_s, self.fail_at = tokenise_s, forward_s, fail_at
        self.page_size = page_size
        self.model_version = "staged-1"
        self.threads: set[str] = set()
        self.forwarded = 0
        self.spans: dict[str, list[tuple[float, float]]] = {"pre": [], "fwd": []}

    def preprocess(self, texts):
        self.threads.add("pre:" + threading.current_thread().name)
        started = time.perf_counter()
        time.sleep(self.tokenise_s * len(texts))
        self.spans["pre"].append((started, time.perf_counter()))
        return [[len(t)] * (1 + len(t) % 5) for t in texts]

    def _collate(self, batch):
        if self.fail_at is not None and self.forwarded >= self.fail_at:
            raise ValueError("text 7 is empty")
        return [ids[0] for ids in batch]

    def _forward(self, inputs):
        self.threads.add("fwd:" + threading.current_thread().name)
        started = time.perf_counter()
        time.sleep(self.forward_s)
        self.spans["fwd"].append((started, time.perf_counter()))
        self.forwarded += 1
        return inputs

    def postprocess(self, outputs):
        return [Prediction("negative", n / 100, self.model_version) for n in outputs]


def test_overlapped_predict_keeps_input_order_and_runs_stages_at_once():
    texts = [f"text {'x' * (k % 13)}" for k in range(240)]
    expected = [StagedFake().predict([t])[0] for t in texts]
    overlapped = StagedFake(tokenise_s=0.001, forward_s=0.03, page_size=30)
    seen: list[int] = []
    got = overlapped.predict(texts, batch_size=30, overlap=True, on_batch=seen.append)
    assert got == expected  # input order, although batches were sorted by length
    assert sum(seen) == 240 and len(seen) == 8
    # Tokenising ran in the background thread, the forward pass in the caller's.
    assert overlapped.threads == {"pre:classifier-tokenise", "fwd:" + threading.current_thread().name}
    # At once, not one after the other: a page was being tokenised while an earlier one went through the model.
    # (Shown by the stages' own clocks rather than a total time, which a loaded machine stretches.)
    assert any(a < y and x < b for a, b in overlapped.spans["pre"] for x, y in overlapped.spans["fwd"])


def test_overlapped_predict_raises_a_stage_error_in_the_caller():
    with pytest.raises(ValueError, match="text 7 is empty"):
        StagedFake(fail_at=2, page_size=10).predict([f"t{k}" for k in range(100)], batch_size=10, overlap=True)


def test_serial_predict_reports_each_batch_in_the_callers_thread():
    fake = StagedFake()
    seen: list[int] = []
    texts = [f"t{'x' * k}" for k in range(25)]
    assert fake.predict(texts, batch_size=10, on_batch=seen.append) == fake.predict(texts, batch_size=10, overlap=True)
    assert seen == [10, 10, 5]
    assert fake.predict([], batch_size=4, overlap=True) == []
    with pytest.raises(ValueError, match="batch_size"):
        fake.predict(["a"], batch_size=0)


def test_the_real_classifier_gives_the_same_predictions_overlapped(tiny_binary: Path):
    from moderation.classifier.loading import load_transformer_classifier

    classifier = load_transformer_classifier(tiny_binary, device="cpu", dtype="float32")
    assert classifier.can_overlap
    serial = classifier.predict(TEXTS, batch_size=3)
    overlapped = classifier.predict(TEXTS, batch_size=3, overlap=True)
    for a, b in zip(serial, overlapped, strict=True):
        assert a.label == b.label
        assert a.negative_probability == pytest.approx(b.negative_probability, abs=1e-5)


def test_batching_does_not_import_torch():
    code = "import sys, moderation.classifier.batching; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False"]
