"""Loading any sequence-classification folder, device choice, batching, odd inputs, model versions."""

from __future__ import annotations

import json
import platform
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from moderation.classifier import transformer
from moderation.classifier.int8 import cpu_flags
from moderation.classifier.loading import load_transformer_classifier
from moderation.classifier.transformer import bf16_wins, choose_device, cpu_supports_fast_bf16

from .conftest import make_tiny_model

TEXTS = [
    "good film",
    "bad produit",
    "super",
    "nul nul nul",
    "a b c d e f g h",
    "film",
    "good bad good bad good",
]


def test_importing_the_seam_does_not_import_torch():
    code = "import sys, moderation.classifier as c; print('torch' in sys.modules, 'transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.parametrize("arch", ["bert", "xlm-roberta"])
def test_loads_a_folder_and_predicts(tmp_path: Path, arch: str):
    folder = make_tiny_model(tmp_path / arch, {0: "negative", 1: "positive"}, arch=arch)
    classifier = load_transformer_classifier(folder, device="cpu", dtype="float32")
    predictions = classifier.predict(TEXTS)
    assert len(predictions) == len(TEXTS)
    for p in predictions:
        assert p.label in ("negative", "positive")
        assert 0.0 <= p.negative_probability <= 1.0
        assert p.model_version == classifier.model_version
        assert (p.label == "negative") == (p.negative_probability >= 0.5)
    assert classifier.model_version.startswith(f"{arch}-")


def test_load_classifier_entry_point(tiny_binary: Path):
    from moderation.classifier import load_classifier

    classifier = load_classifier(str(tiny_binary), device="cpu")
    assert classifier.predict(["good"])[0].model_version == classifier.model_version


def test_missing_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="not a model folder"):
        load_transformer_classifier(tmp_path / "nowhere", device="cpu")


def test_batching_and_order_match_one_by_one(tiny_binary: Path):
    classifier = load_transformer_classifier(tiny_binary, device="cpu", dtype="float32")
    together = classifier.predict(TEXTS, batch_size=3)
    alone = [classifier.predict([t], batch_size=1)[0] for t in TEXTS]
    for a, b in zip(together, alone, strict=True):
        assert a.label == b.label
        assert a.negative_probability == pytest.approx(b.negative_probability, abs=1e-5)


def test_empty_and_whitespace_texts_are_a_clear_error(tiny_binary: Path):
    classifier = load_transformer_classifier(tiny_binary, device="cpu")
    for bad in ["", "   \n\t "]:
        with pytest.raises(ValueError, match="empty or whitespace"):
            classifier.predict(["good", bad])
    with pytest.raises(ValueError, match="not str"):
        classifier.predict([None])  # type: ignore[list-item]
    assert classifier.predict([]) == []


def test_long_and_non_latin_texts_get_predictions(tiny_binary: Path):
    classifier = load_transformer_classifier(tiny_binary, device="cpu")
    texts = ["good " * 20_000, "日本語の", "привет", "🙂🙃", "a" * 100_000]
    assert len(texts[0]) == 100_000
    predictions = classifier.predict(texts)
    assert [0.0 <= p.negative_probability <= 1.0 for p in predictions] == [True] * len(texts)


def test_truncation_respects_max_length_and_keeps_both_ends(tmp_path: Path):
    folder = make_tiny_model(
        tmp_path / "m", {0: "negative", 1: "positive"}, settings={"max_length": 10, "prefix": "film "}
    )
    classifier = load_transformer_classifier(folder, device="cpu")
    assert classifier.max_length == 10
    ids = classifier.preprocess(["good " * 50 + "bad"])[0]
    vocab = classifier.tokenizer.get_vocab()
    assert len(ids) == 10
    assert ids[0] == vocab["[CLS]"] and ids[-1] == vocab["[SEP]"]
    assert ids[1] == vocab["film"]  # the prefix survives
    assert ids[-2] == vocab["bad"]  # and so does the end of the text


def test_model_version_changes_with_the_weights(tmp_path: Path):
    first = make_tiny_model(tmp_path / "a" / "same-name", {0: "negative", 1: "positive"}, seed=0)
    second = make_tiny_model(tmp_path / "b" / "same-name", {0: "negative", 1: "positive"}, seed=1)
    v1 = load_transformer_classifier(first, device="cpu").model_version
    v1_again = load_transformer_classifier(first, device="cpu").model_version
    v2 = load_transformer_classifier(second, device="cpu").model_version
    assert v1 == v1_again
    assert v1 != v2
    assert v1.startswith("same-name-") and v2.startswith("same-name-")


def test_settings_name_and_unknown_keys(tmp_path: Path):
    named = make_tiny_model(tmp_path / "x", {0: "negative", 1: "positive"}, settings={"name": "brand-model"})
    assert load_transformer_classifier(named, device="cpu").model_version.startswith("brand-model-")
    (named / "moderation.json").write_text(json.dumps({"prefx": "typo"}))
    with pytest.raises(ValueError, match="unknown settings"):
        load_transformer_classifier(named, device="cpu")


# ---- device and dtype selection (the CUDA branches are exercised with the hardware facts injected)


def test_auto_is_cpu_without_cuda():
    choice = choose_device("auto", cuda_available=False, fast_cpu_bf16=False)
    assert choice.device.type == "cpu" and choice.dtype == torch.float32


def test_cpu_uses_bf16_only_where_the_cpu_computes_it():
    assert choose_device("cpu", fast_cpu_bf16=True).dtype == torch.bfloat16
    assert choose_device("cpu", fast_cpu_bf16=False).dtype == torch.float32
    assert choose_device("cpu", "float32", fast_cpu_bf16=True).dtype == torch.float32


@pytest.mark.skipif(
    platform.machine().lower() not in ("x86_64", "amd64") or not cpu_flags(), reason="reads x86 flags in /proc/cpuinfo"
)
def test_fast_bf16_means_the_cpu_has_bf16_instructions_that_win_here():
    # oneDNN calls bf16 "supported" on any AVX-512 CPU, where it is emulated at a third of fp32's speed: "auto"
    # follows the instruction sets themselves (AVX512-BF16 or AMX), and then a bf16 matmul measured on this CPU.
    native = bool(cpu_flags() & {"avx512_bf16", "amx_bf16"})
    if not native:
        assert cpu_supports_fast_bf16() is False
    assert choose_device("cpu").dtype == (torch.bfloat16 if cpu_supports_fast_bf16() else torch.float32)


def test_bf16_instructions_that_lose_to_fp32_here_give_fp32(monkeypatch):
    # An Intel Xeon whose hypervisor shows AVX512-BF16 without AMX ran bf16 at 0.6-0.7x fp32's speed.
    monkeypatch.setattr(platform, "machine", lambda: "x86_64")
    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: True, raising=False)
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: False, raising=False)
    monkeypatch.setattr(transformer, "bf16_beats_fp32", lambda: False)
    measured = cpu_supports_fast_bf16.__wrapped__  # the answer unmemoised: the cached one is this machine's
    assert measured() is False
    monkeypatch.setattr(transformer, "bf16_beats_fp32", lambda: True)
    assert measured() is True
    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: False, raising=False)
    assert measured() is False  # no instructions: no measurement can make it native


def test_bf16_must_win_by_a_margin():
    assert bf16_wins(0.5, 1.0)
    assert not bf16_wins(0.95, 1.0)  # within timing noise: fp32, whose labels are the reference
    assert not bf16_wins(1.5, 1.0)


def test_cuda_requested_but_absent_is_a_clear_error():
    with pytest.raises(ValueError, match="CUDA is not available"):
        choose_device("cuda", cuda_available=False)


def test_cuda_dtype_choice():
    assert choose_device("auto", cuda_available=True, bf16_on_gpu=True).dtype == torch.bfloat16
    assert choose_device("cuda", cuda_available=True, bf16_on_gpu=False).dtype == torch.float16
    choice = choose_device("cuda:1", "float32", cuda_available=True)
    assert choice.device == torch.device("cuda:1") and choice.dtype == torch.float32


def test_unknown_device_or_dtype():
    with pytest.raises(ValueError, match="unknown device"):
        choose_device("tpu", cuda_available=False)
    with pytest.raises(ValueError, match="unknown dtype"):
        choose_device("cpu", "float8")


def test_real_cuda_request_here_matches_hardware(tiny_binary: Path):
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(ValueError, match="CUDA is not available"):
        load_transformer_classifier(tiny_binary, device="cuda")
    assert load_transformer_classifier(tiny_binary, device="auto").device.type == "cpu"


def test_bf16_and_fp32_agree_on_cpu(tiny_binary: Path):
    fp32 = load_transformer_classifier(tiny_binary, device="cpu", dtype="float32").predict(TEXTS)
    bf16 = load_transformer_classifier(tiny_binary, device="cpu", dtype="bfloat16").predict(TEXTS)
    for a, b in zip(fp32, bf16, strict=True):
        assert a.negative_probability == pytest.approx(b.negative_probability, abs=0.03)
