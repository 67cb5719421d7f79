"""Dynamic int8 inference on CPU: the encoder's ``nn.Linear`` layers run as int8 × int8 matrix products.

Weights are quantised once, per output row (symmetric, one fp32 scale per row: a model stored in int8 with
per-row scales, as ``partial.quantise_int8`` writes it, lands back on its own grid exactly); each input is
quantised on the fly per call (one scale and zero point per tensor) by PyTorch's own ``quantized::linear_dynamic``
kernel (FBGEMM / oneDNN). Everything else — embeddings, layer norms, attention softmax — stays in fp32.

Why not ``torch.ao.quantization.quantize_dynamic`` itself: its ``Linear`` always asks the kernel for a 7-bit
input range (``reduce_range=True``, a guard against int16 overflow on CPUs without VNNI), which doubled the
error on this model and moved 4% of its labels. Here the full 8-bit range is used where the CPU has VNNI (or
AMX), the reduced one elsewhere. The same core ops and packing are used; only that flag differs.

Measured on the bundled model (``bench/worker.py``, docs/benchmarks.md): the FFN output projection
(``output.dense``, fed by GELU outputs with outliers 15× above their 99.9th percentile) is the one layer whose
per-tensor input quantisation moves probabilities; ``keep_float`` leaves it in fp32 by default.
"""

from __future__ import annotations

import functools
import platform
import re
import warnings
from collections.abc import Callable
from pathlib import Path

import torch
from torch import nn

# Layers left in floating point by default: the FFN output projections (see the module docstring).
DEFAULT_KEEP_FLOAT = r"\.layer\.\d+\.output\.dense$"


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

    def __init__(self, linear: nn.Linear, reduce_range: bool | None = None) -> None:
        super().__init__()
        weight = linear.weight.detach().float()
        bias = None if linear.bias is None else linear.bias.detach().float()
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
        return torch.ops.quantized.linear_dynamic(x.float(), self.packed, self.reduce_range).to(x.dtype)

    def extra_repr(self) -> str:
        return f"in_features={self.in_features}, out_features={self.out_features}, reduce_range={self.reduce_range}"


def quantise_linear_layers(
    model: nn.Module,
    keep_float: str | None = DEFAULT_KEEP_FLOAT,
    reduce_range: bool | None = None,
    include: Callable[[str], bool] | None = None,
) -> list[str]:
    """Swap the model's ``nn.Linear`` layers for ``DynamicInt8Linear`` in place; returns the names swapped.

    Args:
        model: an fp32 model in eval mode, on the CPU.
        keep_float: a regular expression; layers whose qualified name matches it stay in fp32.
        reduce_range: see ``DynamicInt8Linear``.
        include: an extra filter on names (for measuring one group of layers at a time).

    Raises:
        ValueError: the model is not in fp32 or not on the CPU (the int8 kernels are CPU kernels).
    """
    parameter = next(model.parameters(), None)
    if parameter is not None and (parameter.dtype != torch.float32 or parameter.device.type != "cpu"):
        raise ValueError(f"int8 needs an fp32 model on the CPU, not {parameter.dtype} on {parameter.device}")
    pattern = re.compile(keep_float) if keep_float else None
    chosen = [
        name
        for name, module in model.named_modules()
        if type(module) is nn.Linear and not (pattern and pattern.search(name)) and (include is None or include(name))
    ]
    for name in chosen:
        parent_name, _, child = name.rpartition(".")
        parent = model.get_submodule(parent_name) if parent_name else model
        setattr(parent, child, DynamicInt8Linear(getattr(parent, child), reduce_range=reduce_range))
    return chosen
