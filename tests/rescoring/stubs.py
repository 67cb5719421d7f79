"""A stub "model folder" for rescoring tests: known outputs, a version of its own, optional delay and log."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.stubs import KeywordClassifier

STUB_FILE = "stub-model.json"


class RescoreStub(KeywordClassifier):
    """Probabilities by keyword, as set in the folder's ``stub-model.json``.

    With the defaults it gives what ``tests.stubs.KeywordClassifier`` gives (negative words 0.95, positive 0.05,
    others 0.4); a test sets other values to make a "new model" whose verdicts differ in known ways.
    """

    def __init__(self, version: str, negative: float, positive: float, neutral: float, **kwargs):
        super().__init__(model_version=version, **kwargs)
        self.values = (negative, positive, neutral)

    def negative_probability(self, text: str) -> float:
        base = super().negative_probability(text)
        negative, positive, neutral = self.values
        return {0.95: negative, 0.05: positive}.get(base, neutral)


def write_stub_model(folder: Path, version: str, negative=0.95, positive=0.05, neutral=0.4) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    spec = {"version": version, "negative": negative, "positive": positive, "neutral": neutral}
    (folder / STUB_FILE).write_text(json.dumps(spec))
    return folder


def load_stub_model(model_dir: str, device: str = "cpu") -> RescoreStub:
    """The RESCORE_CLASSIFIER_LOADER used by the tests (``tests.rescoring.stubs:load_stub_model``)."""
    spec = json.loads((Path(model_dir) / STUB_FILE).read_text())
    return RescoreStub(
        **spec,
        log_dir=os.environ.get("MODERATION_TEST_STUB_LOG_DIR"),
        delay_s=float(os.environ.get("MODERATION_TEST_STUB_DELAY_S", "0")),
    )
