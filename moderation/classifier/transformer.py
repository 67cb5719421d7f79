"""A batched sequence-classification model behind the ``Classifier`` protocol.

The three stages follow transformers' pipelines: ``preprocess`` (text → ids, per-model prefix and safe
truncation), ``_forward`` (the model call only, under ``inference_mode`` on the chosen device and dtype) and
``postprocess`` (logits → plain ``Prediction`` objects, in float32 whatever the compute dtype). Batching —
texts sorted by token length so a batch pads to similar lengths, and tokenising overlapped with the forward
pass on a GPU — is ``batching.StagedClassifier``'s.

When the folder's ``moderation.json`` names a linear second opinion (``"extra": {"second_opinion": "….npz"}``, the
bundled default does), ``predict`` merges it into the transformer's probabilities once every batch is scored
(``combine.SecondOpinion``: per-language weights and label thresholds from the artifact). A folder without that
key predicts exactly as before.
"""

from __future__ import annotations

import functools
import os
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Set before transformers is imported anywhere below: this code never talks to a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import torch  # noqa: E402
from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer  # noqa: E402

from . import DTYPES, Prediction  # noqa: E402
from .batching import StagedClassifier  # noqa: E402
from .int8 import cpu_flags  # noqa: E402
from .labels import LabelMapping, label_mapping  # noqa: E402
from .settings import ModelSettings, encode_texts  # noqa: E402

if TYPE_CHECKING:
    from .combine import SecondOpinion


@dataclass(frozen=True)
class DeviceChoice:
    device: torch.device
    dtype: torch.dtype


@functools.cache
def cpu_supports_fast_bf16() -> bool:
    """True when this CPU has AMX or AVX512-BF16 and a bf16 matmul measured here beats fp32's (``bf16_beats_fp32``).

    On x86 the instruction sets decide first (torch's cpuinfo probes, else /proc/cpuinfo), not oneDNN's
    ``_is_mkldnn_bf16_supported``: that was true on an Intel Xeon with AVX-512 and VNNI but no BF16 instructions,
    where bf16 is emulated, and made "auto" compute in bf16 at 0.30x the items/s of fp32 (docs/benchmarks.md,
    "Twentieth session"). The flag alone is not enough either (``bf16_beats_fp32``). Elsewhere (Arm) oneDNN's answer
    stands.
    """
    if platform.machine().lower() in ("x86_64", "amd64", "i386", "i686", "x86"):
        probes = [getattr(torch.cpu, name, None) for name in ("_is_avx512_bf16_supported", "_is_amx_tile_supported")]
        if all(callable(probe) for probe in probes):
            native = any(bool(probe()) for probe in probes)
        else:
            native = bool(cpu_flags() & {"avx512_bf16", "amx_bf16"})
        return native and bf16_beats_fp32()
    try:
        return bool(torch.backends.mkldnn.is_available() and torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False


@functools.lru_cache(maxsize=1)
def bf16_beats_fp32() -> bool:
    """Whether one matmul of the encoder's shape (1,024 tokens, 384 to 1,536) runs in bf16 at least 10% faster than in
    fp32 on this CPU, best of five each (0.18-0.29 s in three calls on the machine below; once per process).

    The instruction sets do not say it: on an Intel Xeon whose hypervisor shows AVX512-BF16 but not AMX, the same
    matmul over 3,072 tokens took 71-83 ms in bf16 against 46-48 ms in fp32, and bench/worker.py printed the bundled
    model at 27.5 items/s in bf16 against 40.4 in fp32 (docs/benchmarks.md, "Twenty-sixth session"); on AMD EPYC
    CPUs with the same flag, and on an Intel Xeon with AMX, the model ran faster in bf16 than in fp32 (second and
    eleventh sessions: fp32 printed at 0.35-0.56x and 0.37x of bf16's items/s).
    """

    def best(dtype: torch.dtype) -> float:
        layer = torch.nn.Linear(384, 1536).to(dtype)
        x = torch.randn(1024, 384, generator=torch.Generator().manual_seed(0)).to(dtype)
        seconds = []
        with torch.inference_mode():
            layer(x)
            for _ in range(5):
                started = time.perf_counter()
                layer(x)
                seconds.append(time.perf_counter() - started)
        return min(seconds)

    return bf16_wins(best(torch.bfloat16), best(torch.float32))


def bf16_wins(bf16_seconds: float, fp32_seconds: float) -> bool:
    """The margin ``bf16_beats_fp32`` asks for: bf16 10% faster, so that timing noise never flips a tie."""
    return bf16_seconds * 1.1 < fp32_seconds


def choose_device(
    device: str = "auto",
    dtype: str = "auto",
    *,
    cuda_available: bool | None = None,
    bf16_on_gpu: bool | None = None,
    fast_cpu_bf16: bool | None = None,
) -> DeviceChoice:
    """Resolve ``device``/``dtype`` requests to a torch device and compute dtype.

    Args:
        device: ``"auto"`` (CUDA when present, else CPU), ``"cpu"``, ``"cuda"`` or ``"cuda:N"``.
        dtype: ``"auto"``, ``"float32"``, ``"float16"`` or ``"bfloat16"``. Auto means bf16 on a GPU that
            supports it (else fp16), and on CPU bf16 only where the CPU computes it natively and faster than fp32
            (``cpu_supports_fast_bf16``; else fp32).
        cuda_available, bf16_on_gpu, fast_cpu_bf16: what the hardware offers; detected when None (the
            parameters exist so the logic is testable on a machine without a GPU).

    Raises:
        ValueError: an unknown device or dtype, or CUDA requested where there is none.
    """
    if cuda_available is None:
        cuda_available = torch.cuda.is_available()
    device = (device or "auto").lower()
    if device == "auto":
        device = "cuda" if cuda_available else "cpu"
    if device.startswith("cuda"):
        if not cuda_available:
            raise ValueError(
                f"device={device!r} was requested but CUDA is not available to this torch "
                f"({torch.__version__}); use device='cpu' or 'auto'"
            )
    elif device != "cpu":
        raise ValueError(f"unknown device {device!r}: expected 'auto', 'cpu' or 'cuda'")
    torch_device = torch.device(device)

    names = {"float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}
    if dtype != "auto":
        if dtype not in names:
            raise ValueError(f"unknown dtype {dtype!r}: expected one of {', '.join(DTYPES)}")
        return DeviceChoice(torch_device, names[dtype])
    if torch_device.type == "cuda":
        if bf16_on_gpu is None:
            bf16_on_gpu = torch.cuda.is_bf16_supported()
        return DeviceChoice(torch_device, torch.bfloat16 if bf16_on_gpu else torch.float16)
    if fast_cpu_bf16 is None:
        fast_cpu_bf16 = cpu_supports_fast_bf16()
    return DeviceChoice(torch_device, torch.bfloat16 if fast_cpu_bf16 else torch.float32)


class TransformerClassifier(StagedClassifier):
    """Scores texts with a sequence-classification model; see the module docstring for the stages.

    ``predict`` (batches sorted by length, optionally tokenised ahead of the forward pass) is ``StagedClassifier``'s,
    followed by the second opinion when there is one.
    """

    # The encoder layers whose pooled outputs ``predict`` also hands back, side by side, as ``Prediction.features``
    # (0 is the word embeddings, 1..N the layers; ``tapped``); None: logits only. The worker sets them when its
    # hostility head reads this model's own vectors (``services.hostility.prepare``): the second reader then costs
    # no second forward pass.
    tap_layers: tuple[int, ...] | None = None

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        settings: ModelSettings,
        model_version: str,
        choice: DeviceChoice,
        second_opinion: SecondOpinion | None = None,
        precision: str | None = None,
        config: Any = None,
    ) -> None:
        self.second_opinion = second_opinion
        # What the encoder computes in, for logs and benchmarks: "int8", "onnx-int8", … or the torch dtype's name.
        self.precision = precision or str(choice.dtype).removeprefix("torch.")
        # None when another runtime does the forward pass (``onnx_runtime.OnnxClassifier``), which passes ``config``.
        self.model = model.eval() if model is not None else None
        config = config if config is not None else model.config
        self.config = config
        self.tokenizer = tokenizer
        self.settings = settings
        self.model_version = model_version
        self.device = choice.device
        self.dtype = choice.dtype
        self.mapping: LabelMapping = label_mapping(config.id2label, settings.label_map)
        limits = [
            settings.max_length,
            getattr(config, "max_position_embeddings", None),
            getattr(tokenizer, "model_max_length", None),
        ]
        # RoBERTa-style position tables reserve pad_token_id + 1 slots before the first real position.
        if limits[1] is not None and getattr(config, "model_type", "") in ("xlm-roberta", "roberta"):
            limits[1] -= (config.pad_token_id or 0) + 1
        self.max_length = min(int(x) for x in limits if x and x < 10**9) if any(limits) else 512
        self.pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0

    def predict(
        self,
        texts: Sequence[str],
        batch_size: int = 32,
        *,
        overlap: bool = False,
        on_batch: Callable[[int], None] | None = None,
    ) -> list[Prediction]:
        """``StagedClassifier.predict``; then, with a second opinion, its merge on the raw texts (no prefix).

        The merge runs after the last batch (numpy, ~1 ms per text on a CPU), whatever ``overlap`` and
        ``on_batch`` are; labels then use the artifact's per-language thresholds (``settings.negative_threshold``
        for a language it has none for).
        """
        results = super().predict(texts, batch_size, overlap=overlap, on_batch=on_batch)
        if self.second_opinion is None or not results:
            return results
        merged = self.second_opinion.combine(list(texts), [r.negative_probability for r in results])
        default = self.settings.negative_threshold
        return [
            Prediction(
                label=self.second_opinion.label(p, lang, default),
                negative_probability=float(p),
                model_version=self.model_version,
                features=first.features,
            )
            for (p, lang), first in zip(merged, results, strict=True)
        ]

    # ---- stage 1
    def preprocess(self, texts: list[str]) -> list[list[int]]:
        return encode_texts(self.tokenizer, texts, self.settings, self.max_length)

    def _collate(self, batch: list[list[int]]) -> dict[str, torch.Tensor]:
        width = max(len(ids) for ids in batch)
        input_ids = torch.full((len(batch), width), self.pad_id, dtype=torch.long)
        attention = torch.zeros((len(batch), width), dtype=torch.long)
        for row, ids in enumerate(batch):
            input_ids[row, : len(ids)] = torch.tensor(ids, dtype=torch.long)
            attention[row, : len(ids)] = 1
        return {"input_ids": input_ids.to(self.device), "attention_mask": attention.to(self.device)}

    # ---- stage 2
    def _forward(self, inputs: dict[str, torch.Tensor]) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
        """The logits; with ``tap_layers`` set, also each row's vector from those layers (``tapped``)."""
        with torch.inference_mode():
            if not self.tap_layers:
                return self.model(**inputs).logits
            # Hooks on those layers rather than ``output_hidden_states``, which keeps every layer's output alive.
            seen: dict[int, torch.Tensor] = {}
            encoder = self.model.base_model
            hooks = []
            for number in self.tap_layers:
                layer = encoder.embeddings if number == 0 else encoder.encoder.layer[number - 1]

                def keep(_module: Any, _inputs: Any, out: Any, number: int = number) -> None:
                    seen[number] = out[0] if isinstance(out, tuple) else out

                hooks.append(layer.register_forward_hook(keep))
            try:
                logits = self.model(**inputs).logits
            finally:
                for hook in hooks:
                    hook.remove()
            return logits, tapped([seen[number] for number in self.tap_layers], inputs["attention_mask"])

    # ---- stage 3
    def postprocess(self, outputs: torch.Tensor | tuple[torch.Tensor, torch.Tensor]) -> list[Prediction]:
        logits, vectors = outputs if isinstance(outputs, tuple) else (outputs, None)
        negative = self.mapping.negative_probability(logits.float(), self.settings.calibration)
        threshold = self.settings.negative_threshold
        rows = vectors.numpy() if vectors is not None else [None] * len(logits)
        return [
            Prediction(
                label="negative" if p >= threshold else "positive",
                negative_probability=float(p),
                model_version=self.model_version,
                features=row,
            )
            for p, row in zip(negative.tolist(), rows, strict=True)
        ]

    @property
    def can_tap(self) -> bool:
        """Whether ``tap_layers`` may be set: a torch model in a float dtype (int8 layers move the vectors a head
        was trained on; another runtime's forward pass has no hidden states to give)."""
        return self.model is not None and self.precision in ("float32", "bfloat16", "float16")


def tapped(layers: list[torch.Tensor], attention_mask: torch.Tensor) -> torch.Tensor:
    """Each row's vector from the hidden states of ``layers``: per layer mean-pooled over the row's tokens and
    L2-normalised (the e5 recipe, ``embedding.SentenceEmbedder``, on the classifier's own input), the layers side by
    side and the whole L2-normalised again, so each layer weighs the same; fp32, on the CPU."""
    pooled = []
    for hidden in layers:
        tokens = hidden.float()
        mask = attention_mask.to(tokens.device).unsqueeze(-1).to(tokens.dtype)
        mean = (tokens * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
        pooled.append(torch.nn.functional.normalize(mean, p=2, dim=1))
    return torch.nn.functional.normalize(torch.cat(pooled, dim=1), p=2, dim=1).cpu()


def _load_folder(folder: Path, choice: DeviceChoice):
    config = AutoConfig.from_pretrained(folder, local_files_only=True)
    model = AutoModelForSequenceClassification.from_pretrained(
        folder, config=config, local_files_only=True, dtype=choice.dtype
    )
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    return model, tokenizer


INT8 = "int8"
# The forward pass in ONNX Runtime (``onnx_runtime``), CPU only, opt-in: fp32, or int8 linear layers.
ONNX_DTYPES = ("onnx-fp32", "onnx-int8")


def wants_int8(dtype: str, device: torch.device) -> bool:
    """Whether a classifier runs its linear layers in dynamic int8 (``int8.quantise_linear_layers``).

    Only when asked for (``dtype="int8"``): "auto" never picks it. With its outlier channels in fp32 it moved 1.08%
    of the labels of tests/data's content-rule texts (the bar is 0.5%) and 0.2–1.0% of held-out reviews', and where
    the CPU has bf16 it was the slower path (docs/benchmarks.md, twenty-seventh session).

    Raises:
        ValueError: int8 asked for on a GPU (the int8 kernels are CPU kernels; a GPU runs fp32/bf16/fp16).
    """
    if dtype != INT8:
        return False
    if device.type != "cpu":
        raise ValueError("dtype='int8' is a CPU path; on CUDA use 'auto', 'float16', 'bfloat16' or 'float32'")
    from .int8 import int8_available  # the quantised kernels are looked at only when asked for

    if not int8_available():
        raise ValueError(f"dtype='int8' needs torch's x86 int8 kernels, which torch {torch.__version__} lacks here")
    return True
