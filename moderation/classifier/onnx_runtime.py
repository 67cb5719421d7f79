"""CPU inference through ONNX Runtime: the transformer's forward pass only, exported once per model version.

``dtype="onnx-fp32"`` and ``dtype="onnx-int8"`` (``moderation worker --dtype``; ``load_classifier``'s ``"auto"`` is
``onnx-fp32`` on a CPU without native bf16, ``loading.auto_dtype``) load the same classifier as the torch path —
same tokenisation, batching, label mapping, calibration and second opinion (``transformer.TransformerClassifier`` and
``combine.SecondOpinion``) — and swap only ``_forward``: an ``onnxruntime.InferenceSession`` on the CPU, with as many
intra-op threads as torch would use (``OMP_NUM_THREADS`` / ``num_threads``).

The graph is exported from the loaded fp32 model with ``torch.onnx.export`` (dynamic batch and sequence axes) the
first time a version is asked for, optionally quantised with ``onnxruntime.quantization.quantize_dynamic`` (int8
weights per output channel, inputs quantised per call), and cached as
``<cache>/onnx/<model version>/<precision>-v<EXPORT_FORMAT>.onnx`` (``int8-7bit-…`` on a CPU without VNNI). Each
file is written to a temporary name in that folder and renamed into place, so a crash or a concurrent worker never
leaves a half-written graph that a later load would trust; a later load finds the file and never builds the torch
model at all (config and tokenizer only).

Which MatMuls stay in fp32 in int8 (``KEEP_FLOAT``): the FFN output projections, as in ``int8.py`` — their inputs
are GELU outputs with per-token outliers. Quantising one group of the bundled model's MatMuls at a time (440
content-rule and held-out texts, the transformer's own probability): FFN outputs alone mean |Δp| 0.056 on the
content-rule texts and 18 texts across 0.5; intermediate 0.019 and 6; q/k/v 0.0073 and 3; attention output 0.0022
and 0 (docs/benchmarks.md, "ONNX Runtime"). Even so, int8 misses the 99.5% label bar on those texts; it is opt-in.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import torch
from transformers import AutoConfig, AutoTokenizer

from .base_model import default_cache_dir, ensure_base_model
from .folders import model_version
from .settings import ModelSettings
from .transformer import TransformerClassifier, _load_folder, choose_device, tapped

if TYPE_CHECKING:
    from .combine import SecondOpinion

ONNX_INT8 = "onnx-int8"
# Bump when the export or the quantisation settings change: the cached files of older formats are then ignored.
# 2: every layer's hidden states are outputs too (``hidden_0`` … ``hidden_N``), for the hostility tap.
EXPORT_FORMAT = 2
OPSET = 17
# Rows per ONNX Runtime run (``OnnxClassifier.forward_rows``).
FORWARD_ROWS = 8
# MatMul nodes (by exported name) left in fp32 by int8: the FFN output projections (see the module docstring).
KEEP_FLOAT = r"layer\.\d+/output/dense/"


def check_available() -> None:
    """Raise ValueError naming the missing package when ONNX Runtime (or onnx, for exporting) is not installed."""
    import importlib.util  # only a worker asking for an ONNX dtype looks these up

    missing = [name for name in ("onnxruntime", "onnx") if importlib.util.find_spec(name) is None]
    if missing:
        raise ValueError(f"dtype 'onnx-*' needs {' and '.join(missing)}: pip install onnxruntime onnx")


def cached_graph_path(cache_root: Path, version: str, dtype: str) -> Path:
    """Where the graph for ``version`` in ``dtype`` (``onnx-fp32`` / ``onnx-int8``) is cached."""
    from .int8 import cpu_has_vnni  # int8 graphs differ by CPU: 7-bit inputs without VNNI

    precision = dtype.removeprefix("onnx-")
    if dtype == ONNX_INT8 and not cpu_has_vnni():
        precision += "-7bit"
    return cache_root / "onnx" / version / f"{precision}-v{EXPORT_FORMAT}.onnx"


class _WithHiddenStates(torch.nn.Module):
    """The sequence-classification model as a function of two tensors to its logits and each layer's hidden states
    (what the exporter traces). A run asks only for the outputs it reads: the logits, and the hidden states of the
    layers a tap head reads (``TransformerClassifier.tap_layers``), which the forward pass computes anyway. Measured
    on the bundled model (300 reviews, 3 alternating rounds, AVX2, 2 threads): 10.3-12.5 s asking for the logits and
    10.0-11.6 s for the logits and layer 9, against 11.0-13.1 s on the logits-only graph; the pooled layer-9 vectors
    within 4.5e-7 of torch's."""

    def __init__(self, model: Any) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, ...]:
        out = self.model(input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True)
        return (out.logits, *out.hidden_states)


def hidden_name(layer: int) -> str:
    """The graph output of ``layer``'s hidden states (0: the embeddings, as ``tap_layers`` counts)."""
    return f"hidden_{layer}"


def export_fp32(model: Any, path: Path) -> None:
    """Trace ``model`` (fp32, CPU, eval) to an ONNX file with dynamic batch and sequence axes.

    The TorchScript exporter (``dynamo=False``): the torch.export-based one needs ``onnxscript``, which is not a
    dependency. Traced on a padded batch of two, so the mask path is in the graph.
    """
    import inspect  # torch < 2.5 has no ``dynamo`` argument (its only exporter is the TorchScript one)
    import warnings  # the exporter's deprecation and tracer notes are about code we do not own

    ids = torch.tensor([[0, 5, 6, 2], [0, 7, 2, 1]], dtype=torch.long)  # ids every vocabulary has
    mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]], dtype=torch.long)
    axes = {0: "batch", 1: "sequence"}
    hidden = [hidden_name(layer) for layer in range(int(model.config.num_hidden_layers) + 1)]
    dynamic = {"input_ids": axes, "attention_mask": axes, "logits": {0: "batch"}, **dict.fromkeys(hidden, axes)}
    with warnings.catch_warnings(), torch.inference_mode():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            _WithHiddenStates(model.eval()),
            (ids, mask),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["logits", *hidden],
            dynamic_axes=dynamic,
            opset_version=OPSET,
            **({"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}),
        )


def quantise_int8(source: Path, target: Path, reduce_range: bool, keep_float: str | None = KEEP_FLOAT) -> list[str]:
    """Dynamic int8 of ``source``'s weight MatMuls into ``target``; returns the names left in fp32.

    Weights per output channel (``per_channel``), inputs quantised per call (one scale per tensor); the full 8-bit
    input range where the CPU has VNNI (``reduce_range=False``), 7 bits elsewhere, as ``int8.DynamicInt8Linear``.
    """
    import onnx  # only an int8 export reads the graph
    from onnxruntime.quantization import QuantType, quantize_dynamic  # only an int8 export quantises

    graph = onnx.load(str(source), load_external_data=False).graph
    pattern = re.compile(keep_float) if keep_float else None
    kept = [n.name for n in graph.node if n.op_type == "MatMul" and pattern and pattern.search(n.name)]
    quantize_dynamic(
        str(source),
        str(target),
        per_channel=True,
        reduce_range=reduce_range,
        weight_type=QuantType.QInt8,
        op_types_to_quantize=["MatMul"],
        nodes_to_exclude=kept,
    )
    return kept


def ensure_graph(path: Path, dtype: str, load_model: Any) -> bool:
    """Write the graph for ``dtype`` to ``path`` unless it is there; True when it had to be exported.

    Args:
        path: ``cached_graph_path(...)``.
        dtype: ``onnx-fp32`` or ``onnx-int8``.
        load_model: called with no arguments only when exporting; returns the fp32 model on the CPU.
    """
    if path.is_file():
        return False
    from .int8 import cpu_has_vnni  # the same 7-/8-bit input choice as torch's int8 path

    path.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".export-", dir=path.parent))
    try:
        fp32 = work / "fp32.onnx"
        export_fp32(load_model(), fp32)
        result = fp32
        if dtype == ONNX_INT8:
            result = work / "int8.onnx"
            quantise_int8(fp32, result, reduce_range=not cpu_has_vnni())
        os.replace(result, path)  # atomic on one file system; a concurrent exporter's file is as good as ours
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return True


def open_session(path: Path, threads: int | None = None) -> Any:
    """An ``InferenceSession`` on the CPU with ``threads`` intra-op threads (default: torch's count)."""
    import onnxruntime as ort  # loaded only by a worker that asked for an ONNX dtype

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads or torch.get_num_threads()
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Threads sleep between runs instead of spinning: the worker shares its cores with the web processes.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def collate_numpy(batch: list[list[int]], pad_id: int) -> dict[str, np.ndarray]:
    """Pad a batch of token ids to its longest row: int64 ``input_ids`` and ``attention_mask``, as exported."""
    width = max(len(ids) for ids in batch)
    input_ids = np.full((len(batch), width), pad_id, dtype=np.int64)
    attention = np.zeros((len(batch), width), dtype=np.int64)
    for row, ids in enumerate(batch):
        input_ids[row, : len(ids)] = ids
        attention[row, : len(ids)] = 1
    return {"input_ids": input_ids, "attention_mask": attention}


class OnnxClassifier(TransformerClassifier):
    """``TransformerClassifier`` whose forward pass is an ONNX Runtime session; everything else is inherited.

    Attributes:
        exported: this load exported (and maybe quantised) the graph; False when the cached file was used.
        graph_path: the ``.onnx`` file the session runs.
    """

    # Rows per session run: a forward batch of 32 (the worker's, ``predict``'s default) runs as 4 runs of 8. On an
    # AVX2-only AMD EPYC, 2 threads, 300 held-out reviews (bench/worker.py --part int8, issue 19): 8 rows per run
    # scored 1.06-1.38x the items per CPU second of 32 rows per run (7 alternating rounds, two runs), with the same
    # labels; the activations of 8 rows stay in cache. 0 or None: the whole batch in one run.
    forward_rows: int | None = FORWARD_ROWS

    def __init__(
        self, session: Any, graph_path: Path, exported: bool, threads: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(None, **kwargs)
        self.session = session
        self.graph_path = graph_path
        self.exported = exported
        self.threads = threads
        self._session_policy = _scheduling_policy()

    @property
    def can_tap(self) -> bool:
        """fp32 hands back the hidden states torch computes (the pooled vectors within 1e-6 of torch's); int8 moves
        them, as torch's int8 does."""
        return self.precision == "onnx-fp32"

    def _collate(self, batch: list[list[int]]) -> dict[str, np.ndarray]:
        return collate_numpy(batch, self.pad_id)

    def _session(self) -> Any:
        """The session, opened again the first time a thread of idle priority runs it: its intra-op threads are
        created with it and keep the policy of the thread that created them, so forward passes moved to such a thread
        (``cpu_priority``, ``moderation serve``) take them along. Once only: a pass from another thread afterwards
        (a topics job calls ``predict`` on its own thread) keeps that session rather than reopening it each time."""
        policy = _scheduling_policy()
        if policy is not None and policy == _IDLE and self._session_policy != _IDLE:
            self.session = open_session(self.graph_path, self.threads)
            self._session_policy = policy
        return self.session

    def _forward(self, inputs: dict[str, np.ndarray]) -> torch.Tensor | tuple[torch.Tensor, torch.Tensor]:
        """The session on at most ``forward_rows`` rows at a time, each slice cut to its own longest row; with
        ``tap_layers`` set, also each row's vector from those layers (``transformer.tapped``), as torch's pass.

        The rows come sorted by length (``batches_by_length``), so a slice pads to about what it holds.
        """
        session = self._session()
        layers = tuple(self.tap_layers or ())
        names = ["logits", *(hidden_name(layer) for layer in layers)]
        rows = len(inputs["input_ids"])
        step = self.forward_rows or rows
        logits, vectors = [], []
        for start in range(0, rows, step):
            mask = inputs["attention_mask"][start : start + step]
            width = int(mask.sum(axis=1).max())
            ids = inputs["input_ids"][start : start + step, :width]
            sliced = {"input_ids": np.ascontiguousarray(ids), "attention_mask": np.ascontiguousarray(mask[:, :width])}
            out = session.run(names, sliced)
            logits.append(out[0])
            if layers:
                hidden = [torch.from_numpy(h) for h in out[1:]]
                vectors.append(tapped(hidden, torch.from_numpy(sliced["attention_mask"])))
        result = torch.from_numpy(np.concatenate(logits))
        return (result, torch.cat(vectors)) if layers else result


_IDLE = getattr(os, "SCHED_IDLE", None)


def _scheduling_policy() -> int | None:
    return os.sched_getscheduler(0) if hasattr(os, "sched_getscheduler") else None


def load_onnx_classifier(
    folder: Path,
    dtype: str,
    settings: ModelSettings,
    *,
    device: str = "auto",
    cache_dir: str | os.PathLike[str] | None = None,
    num_threads: int | None = None,
    second_opinion: SecondOpinion | None = None,
) -> OnnxClassifier:
    """The classifier of ``folder`` with its forward pass in ONNX Runtime (``dtype``: ``onnx-fp32`` or ``onnx-int8``).

    Raises:
        ValueError: a GPU asked for (these are CPU paths), or onnxruntime/onnx not installed.
    """
    from .partial import is_partial_model, load_partial_model  # only a partial model needs the rebuilt base

    choice = choose_device(device, "float32")
    if choice.device.type != "cpu":
        raise ValueError(f"dtype={dtype!r} is a CPU path; on CUDA use 'auto', 'float16', 'bfloat16' or 'float32'")
    check_available()
    partial = is_partial_model(folder)
    version = model_version(folder)
    path = cached_graph_path(Path(cache_dir).expanduser() if cache_dir else default_cache_dir(), version, dtype)

    def load_model() -> Any:
        if partial:
            return load_partial_model(folder, torch.float32, cache_dir=cache_dir)[0]
        return _load_folder(folder, choice)[0]

    exported = ensure_graph(path, dtype, load_model)
    config = AutoConfig.from_pretrained(folder, local_files_only=True)
    tokenizer_folder = ensure_base_model(cache_dir) if partial else folder
    tokenizer = AutoTokenizer.from_pretrained(tokenizer_folder, local_files_only=True)
    return OnnxClassifier(
        open_session(path, num_threads),
        path,
        exported,
        threads=num_threads,
        tokenizer=tokenizer,
        settings=settings,
        model_version=version,
        choice=choice,
        second_opinion=second_opinion,
        precision=dtype,
        config=config,
    )
