"""Dynamic int8 on CPU: which layers it swaps, when it is chosen, and that the real model keeps its labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from moderation.classifier.int8 import DynamicInt8Linear, cpu_has_vnni, quantise_linear_layers
from moderation.classifier.loading import load_transformer_classifier, wants_int8

from .conftest import make_tiny_model

ROOT = Path(__file__).resolve().parents[2]


def test_the_linear_layers_are_swapped_except_the_ffn_output(tmp_path: Path):
    folder = make_tiny_model(tmp_path / "m", {0: "negative", 1: "positive"}, arch="xlm-roberta")
    classifier = load_transformer_classifier(folder, device="cpu", dtype="int8")
    assert classifier.precision == "int8"
    kinds = {name: type(module).__name__ for name, module in classifier.model.named_modules()}
    assert kinds["roberta.encoder.layer.0.attention.self.query"] == "DynamicInt8Linear"
    assert kinds["roberta.encoder.layer.1.attention.output.dense"] == "DynamicInt8Linear"
    assert kinds["roberta.encoder.layer.1.intermediate.dense"] == "DynamicInt8Linear"
    assert kinds["roberta.encoder.layer.1.output.dense"] == "Linear"  # GELU outliers: kept in fp32
    fp32 = load_transformer_classifier(folder, device="cpu", dtype="float32")
    texts = ["good film", "bad produit nul", "super super"]
    for a, b in zip(fp32.predict(texts), classifier.predict(texts), strict=True):
        assert a.negative_probability == pytest.approx(b.negative_probability, abs=0.02)


def test_one_layer_matches_its_float_product():
    torch.manual_seed(0)
    linear = torch.nn.Linear(64, 32)
    x = torch.randn(10, 64)
    # Full 8-bit inputs only where the CPU sums u8 x s8 without int16 saturation (VNNI): elsewhere they overflow
    # (relative error 0.16 on an AVX2-only AMD EPYC), which is why the layer takes 7-bit inputs there by default.
    vnni = cpu_has_vnni()
    assert DynamicInt8Linear(linear).reduce_range is (not vnni)
    for reduce_range in (False, True) if vnni else (True,):
        y = DynamicInt8Linear(linear, reduce_range=reduce_range)(x)
        relative = ((y - linear(x)).norm() / linear(x).norm()).item()
        assert relative < (0.03 if reduce_range else 0.015)
    with pytest.raises(ValueError, match="fp32 model on the CPU"):
        quantise_linear_layers(torch.nn.Sequential(torch.nn.Linear(4, 4)).to(torch.bfloat16))


def test_int8_only_when_asked_for_and_only_on_a_cpu():
    cpu, cuda = torch.device("cpu"), torch.device("cuda")
    assert wants_int8("int8", cpu)
    assert not wants_int8("auto", cpu)
    assert not wants_int8("float32", cpu)
    assert not wants_int8("auto", cuda)
    with pytest.raises(ValueError, match="CPU path"):
        wants_int8("int8", cuda)


@pytest.mark.model
def test_the_real_model_keeps_its_labels_in_int8(model_cache_dir: Path):
    """Against fp32 on 120 fixed texts: what int8 does today, which is short of issue 19's bar.

    The bar is ≥ 99.5% of labels unchanged and mean |Δp| ≤ 0.01. Printed on this build machine (VNNI, full 8-bit
    inputs): "int8 vs fp32 on 120 texts: labels unchanged 97.50%, mean |dp| 0.0145" on these texts (abusive,
    spammy, safety-laden: many sit near the threshold), while 120 and 200 held-out reviews gave 100% / 0.0055 and
    99.5% / 0.0071 (bench/worker.py). This test guards that level (≥ 97.5%, ≤ 0.02) so it cannot get worse
    unnoticed; the gap to the bar is why int8 is opt-in and "auto" never picks it.
    """
    lines = (ROOT / "tests" / "data" / "content_rules.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()][:120]
    fp32 = load_transformer_classifier(None, device="cpu", dtype="float32", cache_dir=model_cache_dir)
    reference = fp32.predict(texts)
    del fp32
    int8 = load_transformer_classifier(None, device="cpu", dtype="int8", cache_dir=model_cache_dir)
    quantised = int8.predict(texts)
    same = sum(a.label == b.label for a, b in zip(reference, quantised, strict=True)) / len(texts)
    mean = sum(abs(a.negative_probability - b.negative_probability) for a, b in zip(reference, quantised, strict=True))
    print(f"int8 vs fp32 on {len(texts)} texts: labels unchanged {same:.2%}, mean |dp| {mean / len(texts):.4f}")
    assert same >= 0.975
    # Without VNNI the inputs are 7-bit: printed on an AVX2-only AMD EPYC, "labels unchanged 97.50%, mean |dp|
    # 0.0363". Each path is guarded at the level measured on it.
    assert mean / len(texts) <= (0.02 if cpu_has_vnni() else 0.04)
    assert int8.model_version == reference[0].model_version  # the same weights: the same version
