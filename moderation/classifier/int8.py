"""Dynamic int8 inference on CPU: the encoder's ``nn.Linear`` layers run as int8 × int8 matrix products.

Weights are quantised once, per output row (symmetric, one fp32 scale per row: a model stored in int8 with
per-row scales, as ``partial.quantise_int8`` writes it, lands back on its own grid exactly); each input is
quantised on the fly per call (one scale and zero point per tensor) by PyTorch's own ``quantized::linear_dynamic``
kernel (FBGEMM / oneDNN). Everything else — embeddings, layer norms, attention softmax — stays in fp32.

Why not ``torch.ao.quantization.quantize_dynamic`` itself: its ``Linear`` always asks the kernel for a 7-bit
input range (``reduce_range=True``, a guard against int16 overflow on CPUs without VNNI), which doubled the
error on this model and moved 4% of its labels. Here the full 8-bit range is used where the CPU has VNNI (or
AMX), the reduced one elsewhere. The same core ops and packing are used; only that flag differs.

Outlier channels (``input_peaks``, ``quantise_linear_layers(peaks=…)``): transformer activations carry a few
input channels far above the rest, the same channels whatever the text (on the bundled model, one channel of the
FFN output projection's input peaked at 71 where the next peaked at 7). One scale per input tensor then spends the
8 bits on that channel and rounds every other channel coarsely. Those channels are found once, by running a few
fixed sentences (``CALIBRATION``) through the fp32 model, and their products are computed in fp32 beside the int8
product of the rest (the mixed decomposition of LLM.int8(), Dettmers et al. 2022): a few columns of fp32 work per
layer. Before it, the FFN output projection was kept whole in fp32 (``DEFAULT_KEEP_FLOAT``, still what a call
without peaks does). Figures, both ways, in docs/benchmarks.md.
"""

from __future__ import annotations

import functools
import platform
import re
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import torch
from torch import nn

# Layers left in floating point when no outlier channels are given: the FFN output projections (module docstring).
DEFAULT_KEEP_FLOAT = r"\.layer\.\d+\.output\.dense$"
# An input channel whose peak over the calibration sentences is this many times the median channel's peak is an
# outlier, computed in fp32. 6 found 109 channels in the bundled model's 74 linear layers (4 found 331 and kept no
# more labels; docs/benchmarks.md).
OUTLIER_RATIO = 6.0
# Sentences whose forward pass finds the outlier channels: French and English, short and long, praise and
# complaint, as reviews and comments are. The channels are a property of the weights, so a few sentences suffice.
CALIBRATION = (
    "Très bonne tente, montée en dix minutes, elle a tenu sous l'orage.",
    "Chaussures trop petites, renvoyées. Le service client n'a jamais répondu à mes mails !",
    "Great bike for the price, the brakes needed adjusting out of the box but it rides well.",
    "Terrible. The zip broke after two weeks and the store refused a refund.",
    "ok",
    "Je recommande.",
    "Does anyone know if the 2-person version fits a 1m90 sleeper? Thanks in advance",
    "Le sac est correct, sans plus : les bretelles scient les épaules au bout d'une heure de marche, et la poche "
    "à eau fuit. Pour 40 euros je m'attendais à mieux, mais la couleur est jolie et il sèche vite.",
    "I bought this for my daughter's first season of hockey. Sizing runs large, so order one down. Padding is "
    "thin at the knees; after a month of practice it still looks new. Would buy again for the price.",
    "Merci pour votre réponse rapide, le remplacement est arrivé hier 🙂",
    "worst purchase ever!!! do not buy",
    "La lampe chauffe beaucoup, attention aux enfants.",
)


@functools.cache
def cpu_flags() -> frozenset[str]:
    """The CPU's feature flags as Linux lists them in /proc/cpuinfo (empty elsewhere, or when unreadable)."""
    if platform.system() != "Linux":
        return frozenset()
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="ignore")
    except OSError:
        return frozenset()
    return frozenset(
        flag for line in text.splitlines() if line.startswith("flags") for flag in line.partition(":")[2].split()
    )


def cpu_has_vnni() -> bool:
    """True when this CPU multiplies u8 × s8 into int32 without int16 saturation (AVX512-VNNI, AVX-VNNI, AMX)."""
    return bool(cpu_flags() & {"avx512_vnni", "avx_vnni", "amx_int8"})


@functools.cache
def int8_available() -> bool:
    """True when this torch build has the dynamic int8 linear kernels (x86 builds do; they may go one day)."""
    try:
        torch.ops.quantized.linear_dynamic  # noqa: B018 - the lookup itself is the check
        torch.ops.quantized.linear_prepack  # noqa: B018
    except (AttributeError, RuntimeError):
        return False
    return "x86" in torch.backends.quantized.supported_engines or "fbgemm" in torch.backends.quantized.supported_engines


class DynamicInt8Linear(nn.Module):
    """``y = x Wᵀ + b`` with W in int8 (per-row scales) and x quantised to 8 bits per call.

    Args:
        linear: the fp32 layer to replace (its weight is read once, then not kept).
        reduce_range: quantise inputs to 7 bits (needed only on CPUs without VNNI); None decides from the CPU.
    """

    def __init__(
        self, linear: nn.Linear, reduce_range: bool | None = None, outliers: torch.Tensor | None = None
    ) -> None:
        super().__init__()
        weight = linear.weight.detach().float().clone()
        bias = None if linear.bias is None else linear.bias.detach().float()
        # Outlier input channels: their columns leave the int8 weight and are multiplied in fp32 (module docstring).
        self.outliers = None
        if outliers is not None and len(outliers):
            self.outliers = outliers.to(torch.long)
            self.outlier_weight = weight[:, self.outliers].t().contiguous()
            weight[:, self.outliers] = 0.0
        scales = (weight.abs().amax(dim=1) / 127.0).clamp(min=1e-12).double()
        with warnings.catch_warnings():
            # torch 2.13 announces that quantized tensor types will go; the packing still needs one. torch is
            # pinned below 2.15, and ``int8_available`` makes "auto" fall back to float where the ops are gone.
            warnings.filterwarnings("ignore", message=r".*quantized tensor creation functions", category=UserWarning)
            quantised = torch.quantize_per_channel(
                weight, scales, torch.zeros(weight.shape[0], dtype=torch.long), 0, torch.qint8
            )
            self.packed = torch.ops.quantized.linear_prepack(quantised, bias)
        self.in_features = linear.in_features
        self.out_features = linear.out_features
        self.reduce_range = (not cpu_has_vnni()) if reduce_range is None else reduce_range

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x.float()
        if self.outliers is None:
            return torch.ops.quantized.linear_dynamic(x, self.packed, self.reduce_range)
        rest = x.index_fill(-1, self.outliers, 0.0)  # the int8 scale is then set by the ordinary channels
        y = torch.ops.quantized.linear_dynamic(rest, self.packed, self.reduce_range)
        return y + x.index_select(-1, self.outliers) @ self.outlier_weight

    def extra_repr(self) -> str:
        kept = 0 if self.outliers is None else len(self.outliers)
        return (
            f"in_features={self.in_features}, out_features={self.out_features}, reduce_range={self.reduce_range}, "
            f"fp32_channels={kept}"
        )


def input_peaks(model: nn.Module, forward: Callable[[Iterable[str]], object]) -> dict[str, torch.Tensor]:
    """Each ``nn.Linear``'s largest |input| per channel while ``forward(CALIBRATION)`` runs the fp32 model."""
    peaks: dict[str, torch.Tensor] = {}

    def hook(name: str) -> Callable:
        def record(module: nn.Module, inputs: tuple[torch.Tensor, ...]) -> None:
            peak = inputs[0].detach().float().reshape(-1, inputs[0].shape[-1]).abs().amax(dim=0)
            peaks[name] = torch.maximum(peaks[name], peak) if name in peaks else peak

        return record

    handles = [m.register_forward_pre_hook(hook(n)) for n, m in model.named_modules() if type(m) is nn.Linear]
    try:
        forward(CALIBRATION)
    finally:
        for handle in handles:
            handle.remove()
    return peaks


def outlier_channels(peak: torch.Tensor, ratio: float = OUTLIER_RATIO) -> torch.Tensor:
    """The channels whose peak is at least ``ratio`` times the median channel's."""
    return torch.nonzero(peak > ratio * peak.median().clamp(min=1e-12)).flatten()


def quantise_linear_layers(
    model: nn.Module,
    keep_float: str | None = DEFAULT_KEEP_FLOAT,
    reduce_range: bool | None = None,
    include: Callable[[str], bool] | None = None,
    peaks: dict[str, torch.Tensor] | None = None,
) -> list[str]:
    """Swap the model's ``nn.Linear`` layers for ``DynamicInt8Linear`` in place; returns the names swapped.

    Args:
        model: an fp32 model in eval mode, on the CPU.
        keep_float: a regular expression; layers whose qualified name matches it stay in fp32. Ignored when
            ``peaks`` is given: every layer is swapped, its outlier channels in fp32.
        reduce_range: see ``DynamicInt8Linear``.
        include: an extra filter on names (for measuring one group of layers at a time).
        peaks: ``input_peaks``'s result; each layer's ``outlier_channels`` in it are computed in fp32.

    Raises:
        ValueError: the model is not in fp32 or not on the CPU (the int8 kernels are CPU kernels).
    """
    parameter = next(model.parameters(), None)
    if parameter is not None and (parameter.dtype != torch.float32 or parameter.device.type != "cpu"):
        raise ValueError(f"int8 needs an fp32 model on the CPU, not {parameter.dtype} on {parameter.device}")
    pattern = re.compile(keep_float) if keep_float and peaks is None else None
    chosen = [
        name
        for name, module in model.named_modules()
        if type(module) is nn.Linear and not (pattern and pattern.search(name)) and (include is None or include(name))
    ]
    for name in chosen:
        parent_name, _, child = name.rpartition(".")
        parent = model.get_submodule(parent_name) if parent_name else model
        outliers = outlier_channels(peaks[name]) if peaks is not None and name in peaks else None
        setattr(parent, child, DynamicInt8Linear(getattr(parent, child), reduce_range=reduce_range, outliers=outliers))
    return chosen
