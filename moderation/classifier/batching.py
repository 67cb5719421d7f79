"""Batching for classifiers built in transformers-pipeline stages, without torch.

A classifier subclasses ``StagedClassifier`` and supplies the stages — ``preprocess`` (texts → token ids),
``_collate`` (pad a batch, copy it to the device), ``_forward`` (the model call) and ``postprocess`` (outputs →
``Prediction`` objects) — and gets ``predict`` with the batching done here, the way a transformers pipeline's
``get_iterator`` owns it. Callers only ever call ``predict``.

Texts are sorted by token length and cut into batches, so each batch pads to similar lengths; predictions come
back in input order. ``predict(..., overlap=True)`` tokenises ahead in a background thread: a serial
tokenise-then-forward loop leaves a GPU idle most of the time (tokenising was ~70% of the wall time on an H100,
while the model alone ran several times faster). There a thread runs ``preprocess`` and ``_collate`` for batch k+1
while the calling thread runs ``_forward`` and ``postprocess`` on batch k; Hugging Face fast tokenizers and CUDA
kernels both release the GIL, so the two really run at once.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from typing import Any

from . import Prediction

_DONE = object()


class StagedClassifier:
    """``predict`` over the four stages a subclass implements; see the module docstring.

    Attributes:
        can_overlap: ``predict`` accepts ``overlap=True`` (callers check this before asking for it).
        page_size: texts tokenised per call when overlapping (one call lets a fast tokenizer use all its threads).
        prefetch_depth: batches prepared ahead when overlapping; bounds the memory held by waiting batches.
    """

    model_version: str
    can_overlap = True
    page_size = 4096
    prefetch_depth = 3

    def preprocess(self, texts: list[str]) -> list[list[int]]:
        raise NotImplementedError

    def _collate(self, batch: list[list[int]]) -> Any:
        raise NotImplementedError

    def _forward(self, inputs: Any) -> Any:
        raise NotImplementedError

    def postprocess(self, outputs: Any) -> list[Prediction]:
        raise NotImplementedError

    def predict(
        self,
        texts: Sequence[str],
        batch_size: int = 32,
        *,
        overlap: bool = False,
        on_batch: Callable[[int], None] | None = None,
    ) -> list[Prediction]:
        """Score ``texts``; the result is in input order.

        Args:
            texts: the texts to score.
            batch_size: texts per forward pass.
            overlap: tokenise ahead in a background thread while the model runs (worth it on a GPU).
            on_batch: called with the batch's size after each forward pass (a job renews its lease there).

        Raises:
            ValueError: a text is empty, whitespace only, or not a string; or ``batch_size`` < 1. Whatever a stage
                raises, in the calling thread.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if not texts:
            return []
        if overlap:
            return self._predict_overlapped(list(texts), batch_size, on_batch)
        encoded = self.preprocess(list(texts))
        results: list[Prediction | None] = [None] * len(encoded)
        for positions in batches_by_length(encoded, batch_size):
            outputs = self._forward(self._collate([encoded[i] for i in positions]))
            for position, prediction in zip(positions, self.postprocess(outputs), strict=True):
                results[position] = prediction
            if on_batch:
                on_batch(len(positions))
        return results  # type: ignore[return-value]

    def _predict_overlapped(
        self, texts: list[str], batch_size: int, on_batch: Callable[[int], None] | None
    ) -> list[Prediction]:
        results: list[Prediction | None] = [None] * len(texts)
        ready: queue.Queue = queue.Queue(maxsize=self.prefetch_depth)
        stop = threading.Event()

        def put(entry: object) -> bool:
            while not stop.is_set():
                try:
                    ready.put(entry, timeout=0.1)
                    return True
                except queue.Full:
                    continue
            return False

        def produce() -> None:
            try:
                for page_start in range(0, len(texts), self.page_size):
                    encoded = self.preprocess(texts[page_start : page_start + self.page_size])
                    for picked in batches_by_length(encoded, batch_size):
                        inputs = self._collate([encoded[i] for i in picked])
                        if not put(([page_start + i for i in picked], inputs)):
                            return
                put(_DONE)
            except BaseException as exc:  # handed to the consumer, which raises it
                put(exc)

        producer = threading.Thread(target=produce, name="classifier-tokenise", daemon=True)
        producer.start()
        try:
            while True:
                entry = ready.get()
                if entry is _DONE:
                    break
                if isinstance(entry, BaseException):
                    raise entry
                positions, inputs = entry
                for position, prediction in zip(positions, self.postprocess(self._forward(inputs)), strict=True):
                    results[position] = prediction
                if on_batch:
                    on_batch(len(positions))
        finally:
            stop.set()
            producer.join(timeout=5)
        return results  # type: ignore[return-value]


def batches_by_length(encoded: Sequence[Sequence[int]], batch_size: int) -> list[list[int]]:
    """Positions of ``encoded`` sorted by length and cut into batches of ``batch_size``."""
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    return [order[start : start + batch_size] for start in range(0, len(order), batch_size)]
