"""Tokenising overlapped with the forward pass, for GPU rescoring workers.

A serial tokenise-then-forward loop leaves a GPU idle most of the time: tokenising was ~70% of the wall time on
an H100, while the model alone ran several times faster. Here a background thread runs the classifier's
``preprocess`` (tokenise) and ``_collate`` (pad, copy to the device) for batch k+1 while the calling thread runs
``_forward`` and ``postprocess`` on batch k. Hugging Face fast tokenizers and CUDA kernels both release the GIL,
so the two really run at once. The classifier chooses fp16/bf16 on CUDA itself; batches are large (512 texts).

Texts are tokenised a page at a time, sorted by token length inside the page and cut into batches, so each batch
pads to similar lengths; predictions come back in input order. torch is never imported here: the stages belong
to the classifier (``moderation.classifier``), this module only schedules them.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from ..classifier import Prediction

_DONE = object()


def predict_overlapped(
    classifier: Any,
    texts: list[str],
    batch_size: int,
    on_batch: Callable[[int], None] | None = None,
    page_size: int = 4096,
    depth: int = 3,
) -> list[Prediction]:
    """Predictions for ``texts`` in input order, tokenising ahead in a background thread.

    Args:
        classifier: has ``preprocess(texts) -> ids``, ``_collate(ids) -> inputs``, ``_forward(inputs) -> logits``
            and ``postprocess(logits) -> predictions`` (transformers' pipeline stages).
        texts: the texts to score.
        batch_size: texts per forward pass.
        on_batch: called with the batch size after each forward pass.
        page_size: texts tokenised per call (one call lets a fast tokenizer use all its threads).
        depth: batches prepared ahead; bounds the memory held by waiting batches.

    Raises:
        Whatever a stage raises, in the calling thread.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    results: list[Prediction | None] = [None] * len(texts)
    ready: queue.Queue = queue.Queue(maxsize=depth)
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
            for page_start in range(0, len(texts), page_size):
                encoded = classifier.preprocess(texts[page_start : page_start + page_size])
                order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
                for start in range(0, len(order), batch_size):
                    picked = order[start : start + batch_size]
                    inputs = classifier._collate([encoded[i] for i in picked])
                    if not put(([page_start + i for i in picked], inputs)):
                        return
            put(_DONE)
        except BaseException as exc:  # handed to the consumer, which raises it
            put(exc)

    producer = threading.Thread(target=produce, name="rescore-tokenise", daemon=True)
    producer.start()
    try:
        while True:
            entry = ready.get()
            if entry is _DONE:
                break
            if isinstance(entry, BaseException):
                raise entry
            positions, inputs = entry
            predictions = classifier.postprocess(classifier._forward(inputs))
            for position, prediction in zip(positions, predictions, strict=True):
                results[position] = prediction
            if on_batch:
                on_batch(len(positions))
    finally:
        stop.set()
        producer.join(timeout=5)
    return results  # type: ignore[return-value]
