"""Stub classifiers for tests about routing (the real model has its own tests under tests/classifier)."""

from __future__ import annotations

import os
import time

from moderation.classifier import Prediction

NEGATIVE_WORDS = (
    "nul",
    "horrible",
    "cassé",
    "casse",
    "terrible",
    "awful",
    "broken",
    "déçu",
    "decu",
    "hate",
    "disappointed",
    "arnaque",
    "worst",
    "pire",
    "angry",
    "furieux",
)
POSITIVE_WORDS = ("super", "great", "excellent", "love", "parfait", "génial", "genial", "perfect", "bravo")


class KeywordClassifier:
    """Deterministic verdicts from keywords: 0.95 negative, 0.05 positive, 0.4 otherwise."""

    def __init__(self, model_version: str = "stub-keyword-1", log_dir: str | None = None, delay_s: float = 0.0):
        self.model_version = model_version
        self.log_dir = log_dir
        # A forward pass takes time; concurrency tests need batches that overlap like real ones do.
        self.delay_s = delay_s

    def negative_probability(self, text: str) -> float:
        lowered = text.lower()
        if any(w in lowered for w in NEGATIVE_WORDS):
            return 0.95
        if any(w in lowered for w in POSITIVE_WORDS):
            return 0.05
        return 0.4

    def predict(self, texts: list[str], batch_size: int = 32) -> list[Prediction]:
        if self.log_dir:
            # One line per text scored, per process: lets a test count who scored what.
            with open(os.path.join(self.log_dir, f"scored-{os.getpid()}.txt"), "a") as fh:
                fh.write("x\n" * len(texts))
        if self.delay_s:
            time.sleep(self.delay_s)
        out = []
        for text in texts:
            p = self.negative_probability(text)
            out.append(Prediction("negative" if p >= 0.5 else "positive", p, self.model_version))
        return out


def make_stub(app) -> KeywordClassifier:
    return KeywordClassifier(
        log_dir=os.environ.get("MODERATION_TEST_STUB_LOG_DIR"),
        delay_s=float(os.environ.get("MODERATION_TEST_STUB_DELAY_S", "0")),
    )


def touch(path: str) -> None:
    """A job with a visible effect, for tests of the queue machinery itself."""
    with open(path, "a") as fh:
        fh.write("ran\n")
