"""The seam to the sentiment model.

This package is the only code that imports torch and transformers, and it does so lazily: importing
``moderation.classifier`` is cheap, so the web process (which never scores) can use ``Prediction``
without pulling torch in. ``load_classifier`` is the one entry point the worker and the CLI use.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Prediction:
    """One verdict on one text by one model version."""

    label: str  # "negative" or "positive"
    negative_probability: float
    model_version: str
    # The text's vector from the layers the worker's hostility reader taps (``TransformerClassifier.tap_layers``):
    # a float32 array, L2-normalised, or None when nobody asked. Not part of the verdict.
    features: Any = field(default=None, compare=False, repr=False)


log = logging.getLogger(__name__)


class Classifier(Protocol):
    """What the worker and the rescoring job rely on.

    A classifier that owns its batching (``batching.StagedClassifier``) has ``can_overlap = True`` and its
    ``predict`` also takes ``overlap=`` (tokenise ahead of the forward pass) and ``on_batch=`` (called after each
    forward pass). Callers check ``can_overlap`` before passing them, so a plain classifier (a test stub) needs
    only ``predict(texts, batch_size)``.
    """

    model_version: str

    def predict(self, texts: list[str], batch_size: int = 32) -> list[Prediction]: ...


def on_cuda(model: object) -> bool:
    """Whether ``model`` (a classifier, an embedder) runs on a CUDA device: its ``device`` a ``torch.device`` or a
    string; a stub without one runs on the CPU."""
    device = getattr(model, "device", None)
    return str(getattr(device, "type", device or "")).startswith("cuda")


DTYPES = ("auto", "float32", "bfloat16", "float16", "int8", "onnx-fp32", "onnx-int8")


def load_classifier(model_dir: str | None = None, device: str = "auto", dtype: str = "auto") -> Classifier:
    """Load a sequence-classification model from ``model_dir`` or the bundled default.

    Args:
        model_dir: a Hugging Face sequence-classification folder; None means the bundled default model.
        device: ``"auto"`` (CUDA when present), ``"cpu"`` or ``"cuda"``.
        dtype: one of ``DTYPES``. ``"auto"``: bf16/fp16 on a GPU; on a CPU, bf16 where it computes it natively and a
            bf16 matmul measured there beats fp32's (``transformer.bf16_beats_fp32``), else
            the fp32 forward pass in ONNX Runtime where it is installed (``loading.auto_dtype``; torch fp32 if the
            graph cannot be exported or loaded), else torch fp32; ``"int8"``: dynamic int8 linear layers on a CPU,
            opt-in (see ``transformer.wants_int8``); ``"onnx-fp32"`` / ``"onnx-int8"``: the forward pass in ONNX
            Runtime on a CPU (``onnx_runtime``); ``"float32"``: torch fp32 whatever the CPU.
    """
    from .loading import auto_dtype, load_transformer_classifier  # torch loads with a model, never on import

    if dtype == "auto" and auto_dtype(device) == "onnx-fp32":
        try:
            return load_transformer_classifier(model_dir=model_dir, device=device, dtype="onnx-fp32")
        except Exception:  # an export or a runtime that fails here must not stop a worker that torch can run
            log.warning(
                "the ONNX Runtime forward pass could not be loaded; the model runs in torch (fp32)", exc_info=True
            )
    return load_transformer_classifier(model_dir=model_dir, device=device, dtype=dtype)
