"""The ONNX Runtime backend: the choice is validated, the graph is exported once per version, labels are kept."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from types import SimpleNamespace

import onnx
import pytest

from moderation.classifier.folders import model_version
from moderation.classifier.int8 import cpu_has_vnni
from moderation.classifier.loading import load_transformer_classifier

from .conftest import make_tiny_model

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ["good film", "bad produit nul", "super super", "nul nul nul bad", "日本語 good", "привет film"]


def test_an_unknown_dtype_is_refused_by_name(tiny_binary: Path, tmp_path: Path):
    with pytest.raises(ValueError, match=r"unknown dtype 'onnx-int4': expected one of .*onnx-fp32, onnx-int8"):
        load_transformer_classifier(tiny_binary, device="cpu", dtype="onnx-int4", cache_dir=tmp_path)
    assert not (tmp_path / "onnx").exists()


def test_the_worker_option_lists_the_onnx_dtypes_and_refuses_others(tmp_path: Path):
    from moderation import create_app  # the app only for this test's CLI runner

    app = create_app({"DATA_DIR": str(tmp_path), "REDIS_URL": "redis://127.0.0.1:1/0", "TESTING": True})
    result = app.test_cli_runner().invoke(args=["worker", "--dtype", "onnx-int4"])
    assert result.exit_code == 2
    assert "Invalid value for '--dtype'" in result.output
    assert "'onnx-fp32'" in result.output and "'onnx-int8'" in result.output


def test_onnx_fp32_matches_torch_and_the_graph_is_exported_once(tmp_path: Path):
    folder = make_tiny_model(tmp_path / "m", {0: "negative", 1: "positive"}, arch="xlm-roberta")
    cache = tmp_path / "cache"
    torch_fp32 = load_transformer_classifier(folder, device="cpu", dtype="float32", cache_dir=cache)
    first = load_transformer_classifier(folder, device="cpu", dtype="onnx-fp32", cache_dir=cache)
    assert first.exported and first.precision == "onnx-fp32" and first.model is None
    assert first.graph_path.parent == cache / "onnx" / model_version(folder)
    stamp = first.graph_path.stat().st_mtime_ns
    # Batches of different sizes and widths: the batch and sequence axes are dynamic.
    for batch_size in (1, 4, 32):
        for a, b in zip(torch_fp32.predict(TEXTS), first.predict(TEXTS, batch_size=batch_size), strict=True):
            assert (a.label, a.model_version) == (b.label, b.model_version)
            assert a.negative_probability == pytest.approx(b.negative_probability, abs=1e-5)
    second = load_transformer_classifier(folder, device="cpu", dtype="onnx-fp32", cache_dir=cache)
    assert not second.exported
    assert second.graph_path == first.graph_path and second.graph_path.stat().st_mtime_ns == stamp
    assert [p.name for p in second.graph_path.parent.iterdir()] == [second.graph_path.name]  # no temporary left


def test_a_forward_batch_runs_in_slices_of_forward_rows_each_cut_to_its_longest_row(tmp_path: Path):
    folder = make_tiny_model(tmp_path / "m", {0: "negative", 1: "positive"}, arch="xlm-roberta")
    classifier = load_transformer_classifier(folder, device="cpu", dtype="onnx-fp32", cache_dir=tmp_path / "c")
    texts = ["good", "bad film", "nul nul bad", "super super super film", "good good good good good bad", "nul"]
    whole = copy.copy(classifier)
    whole.forward_rows = None
    expected = whole.predict(texts, batch_size=32)
    shapes = []
    run = classifier.session.run

    def recording_run(names, feed):
        shapes.append(feed["input_ids"].shape)
        assert feed["input_ids"].flags.c_contiguous and feed["attention_mask"].flags.c_contiguous
        return run(names, feed)

    classifier.session = SimpleNamespace(run=recording_run)
    classifier.forward_rows = 2
    predicted = classifier.predict(texts, batch_size=32)
    widths = sorted(len(ids) for ids in classifier.preprocess(texts))
    # One forward batch of 6 sorted rows: three runs of 2, each as wide as its longer row, not as the batch's widest.
    assert shapes == [(2, widths[1]), (2, widths[3]), (2, widths[5])]
    assert widths[1] < widths[5]
    for a, b in zip(expected, predicted, strict=True):
        assert a.label == b.label
        assert a.negative_probability == pytest.approx(b.negative_probability, abs=1e-6)


def test_onnx_int8_quantises_all_but_the_ffn_output(tmp_path: Path):
    folder = make_tiny_model(tmp_path / "m", {0: "negative", 1: "positive"}, arch="xlm-roberta")
    classifier = load_transformer_classifier(folder, device="cpu", dtype="onnx-int8", cache_dir=tmp_path / "c")
    nodes = onnx.load(str(classifier.graph_path)).graph.node
    float_matmuls = sorted(n.name for n in nodes if n.op_type == "MatMul" and "/dense/" in n.name)
    assert float_matmuls == [f"/model/roberta/encoder/layer.{i}/output/dense/MatMul" for i in (0, 1)]
    # q, k, v, attention output and intermediate in each layer, and the head's two (its Gemms become MatMuls).
    assert sum(n.op_type == "MatMulInteger" for n in nodes) == 2 * 5 + 2
    assert classifier.graph_path.name.startswith("int8-")
    torch_fp32 = load_transformer_classifier(folder, device="cpu", dtype="float32")
    for a, b in zip(torch_fp32.predict(TEXTS), classifier.predict(TEXTS), strict=True):
        assert a.negative_probability == pytest.approx(b.negative_probability, abs=0.02)


@pytest.mark.model
def test_the_real_model_in_onnx_runtime_keeps_its_labels(model_cache_dir: Path, tmp_path: Path):
    """Against torch fp32 on 120 content-rule texts (the second opinion applied after the forward pass, as ever).

    onnx-fp32 is the same function: every label, |Δp| < 1e-4. onnx-int8 printed "labels unchanged 98.33%, mean |dp|
    0.0153" on these texts here (97.24% / 0.0157 on all 290, 99.67% / 0.0065 on 300 held-out reviews:
    bench/worker.py), short of issue 19's bar (≥ 99.5%, ≤ 0.01) — why it is opt-in. This guards that level.
    """
    lines = (ROOT / "tests" / "data" / "content_rules.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()][:120]
    reference = load_transformer_classifier(None, device="cpu", dtype="float32", cache_dir=model_cache_dir)
    expected = reference.predict(texts)
    del reference
    results = {}
    for dtype in ("onnx-fp32", "onnx-int8"):
        first = load_transformer_classifier(None, device="cpu", dtype=dtype, cache_dir=model_cache_dir)
        predicted = first.predict(texts)
        again = load_transformer_classifier(None, device="cpu", dtype=dtype, cache_dir=model_cache_dir)
        assert not again.exported and again.graph_path == first.graph_path  # the cached graph, not a new export
        assert [p.label for p in again.predict(texts[:8])] == [p.label for p in predicted[:8]]
        pairs = list(zip(expected, predicted, strict=True))
        deltas = [abs(a.negative_probability - b.negative_probability) for a, b in pairs]
        same = sum(a.label == b.label for a, b in pairs) / len(texts)
        results[dtype] = (same, sum(deltas) / len(deltas), max(deltas))
        print(f"{dtype} vs fp32 on {len(texts)} texts: labels unchanged {same:.2%}, mean |dp| {results[dtype][1]:.4f}")
        assert {p.model_version for p in predicted} == {expected[0].model_version}
    assert results["onnx-fp32"][0] == 1.0 and results["onnx-fp32"][2] < 1e-4
    # Without VNNI the quantised inputs are 7-bit (quantise_int8's reduce_range): printed on an AVX2-only AMD EPYC,
    # "labels unchanged 95.83%, mean |dp| 0.0248". Each path is guarded at the level measured on it.
    if cpu_has_vnni():
        assert results["onnx-int8"][0] >= 0.975 and results["onnx-int8"][1] <= 0.02
    else:
        assert results["onnx-int8"][0] >= 0.95 and results["onnx-int8"][1] <= 0.03


def test_onnx_fp32_taps_the_vectors_torch_taps(tmp_path: Path):
    """The hostility tap reads the hidden states the graph hands back, as torch's hooks do; int8 moves them."""
    from moderation.classifier.embedding import TappedEmbedder

    folder = make_tiny_model(tmp_path / "m", {0: "negative", 1: "positive"}, arch="xlm-roberta")
    torch_fp32 = load_transformer_classifier(folder, device="cpu", dtype="float32", cache_dir=tmp_path / "c")
    onnx_fp32 = load_transformer_classifier(folder, device="cpu", dtype="onnx-fp32", cache_dir=tmp_path / "c")
    assert onnx_fp32.can_tap and onnx_fp32.model is None
    reference = TappedEmbedder(torch_fp32, (0, 2))(TEXTS)
    vectors = TappedEmbedder(onnx_fp32, (0, 2))(TEXTS)
    assert vectors.shape == reference.shape == (len(TEXTS), 2 * torch_fp32.config.hidden_size)
    assert abs(vectors - reference).max() < 1e-5
    assert [p.label for p in onnx_fp32.predict(TEXTS)] == [p.label for p in torch_fp32.predict(TEXTS)]
    onnx_fp32.tap_layers = None
    assert all(p.features is None for p in onnx_fp32.predict(TEXTS))
    int8 = load_transformer_classifier(folder, device="cpu", dtype="onnx-int8", cache_dir=tmp_path / "c")
    assert not int8.can_tap
    with pytest.raises(ValueError, match="no layer to tap"):
        TappedEmbedder(int8, (1,))


def _bf16_native() -> bool:
    from moderation.classifier.transformer import cpu_supports_fast_bf16

    return cpu_supports_fast_bf16()


@pytest.mark.skipif(_bf16_native(), reason="this CPU computes bf16 natively: auto is torch's bf16 here")
def test_auto_runs_onnx_fp32_on_a_cpu_without_native_bf16_and_torch_when_that_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    from moderation.classifier import load_classifier, onnx_runtime
    from moderation.classifier.loading import auto_dtype

    monkeypatch.setenv("MODERATION_DATA_DIR", str(tmp_path / "data"))
    folder = make_tiny_model(tmp_path / "m", {0: "negative", 1: "positive"}, arch="xlm-roberta")
    assert auto_dtype("cpu") == "onnx-fp32"
    assert auto_dtype("cpu", onnx_installed=False) == "auto"
    chosen = load_classifier(str(folder), device="cpu")
    assert chosen.precision == "onnx-fp32"
    assert chosen.graph_path.is_relative_to(tmp_path / "data" / "model-cache" / "onnx")
    assert load_classifier(str(folder), device="cpu", dtype="float32").precision == "float32"

    def broken_export(model, path):
        raise RuntimeError("exporter failed")

    monkeypatch.setenv("MODERATION_DATA_DIR", str(tmp_path / "other"))
    monkeypatch.setattr(onnx_runtime, "export_fp32", broken_export)
    with caplog.at_level("WARNING"):
        fallback = load_classifier(str(folder), device="cpu")
    assert fallback.precision == "float32" and fallback.model is not None
    assert "runs in torch (fp32)" in caplog.text and "exporter failed" in caplog.text
    assert [p.label for p in fallback.predict(TEXTS)] == [p.label for p in chosen.predict(TEXTS)]


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="SCHED_IDLE is a Linux policy")
def test_a_pass_moved_to_an_idle_thread_takes_the_runtime_threads_along(tmp_path: Path):
    """``moderation serve`` runs forward passes on a thread of idle priority (``cpu_priority``): ONNX Runtime's own
    intra-op threads, created with the session, must not keep the web's priority."""
    from concurrent.futures import ThreadPoolExecutor

    from moderation.cpu_priority import lower_this_thread

    folder = make_tiny_model(tmp_path / "m", {0: "negative", 1: "positive"}, arch="xlm-roberta")
    classifier = load_transformer_classifier(
        folder, device="cpu", dtype="onnx-fp32", cache_dir=tmp_path / "c", num_threads=2
    )
    classifier.predict(TEXTS)
    opened = classifier.session

    def tasks() -> set[int]:
        return {int(tid) for tid in os.listdir("/proc/self/task")}

    before = tasks()
    with ThreadPoolExecutor(1, initializer=lower_this_thread) as idle:
        idle.submit(classifier.predict, TEXTS).result()
        started = tasks() - before
        policies = {tid: os.sched_getscheduler(tid) for tid in started}
    assert classifier.session is not opened
    assert len(started) >= 2, started  # the idle thread itself and the new session's intra-op thread
    assert set(policies.values()) == {os.SCHED_IDLE}, policies
    # Once: a pass from a thread of normal priority afterwards (a topics job) keeps the idle session.
    reopened = classifier.session
    classifier.predict(TEXTS)
    assert classifier.session is reopened
