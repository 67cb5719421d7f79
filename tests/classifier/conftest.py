"""Fixtures for the classifier tests: tiny random models built in a temporary folder, and the real model.

The tiny models have the real architectures (XLM-R, BERT) with a few hundred parameters per layer, so loading,
batching and label mapping are tested in milliseconds; tests marked ``model`` use the real default model
(its one-time base rebuild takes ~10 s and is cached for the session).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

TINY_VOCAB = (
    ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    + [chr(c) for c in range(ord("a"), ord("z") + 1)]
    + [
        "good",
        "bad",
        "film",
        "produit",
        "nul",
        "super",
        "の",
        "日",
        "本",
        "語",
        "п",
        "р",
        "и",
        "в",
        "е",
        "т",
    ]
)


def _tiny_tokenizer(folder: Path):
    from tokenizers import Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import WordPiece
    from transformers import PreTrainedTokenizerFast

    vocab = {token: i for i, token in enumerate(TINY_VOCAB)}
    tok = Tokenizer(WordPiece(vocab, unk_token="[UNK]", max_input_chars_per_word=100))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])]
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=64,
    )
    fast.save_pretrained(folder)


def make_tiny_model(
    folder: Path, id2label: dict[int, str], arch: str = "bert", settings: dict | None = None, seed: int = 0
) -> Path:
    import torch
    from transformers import (
        BertConfig,
        BertForSequenceClassification,
        XLMRobertaConfig,
        XLMRobertaForSequenceClassification,
    )

    torch.manual_seed(seed)
    common = dict(
        vocab_size=len(TINY_VOCAB),
        hidden_size=16,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=32,
        id2label=id2label,
        label2id={v: k for k, v in id2label.items()},
        pad_token_id=0,
    )
    if arch == "bert":
        model = BertForSequenceClassification(BertConfig(max_position_embeddings=64, **common))
    else:
        model = XLMRobertaForSequenceClassification(XLMRobertaConfig(max_position_embeddings=66, **common))
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(folder)
    _tiny_tokenizer(folder)
    if settings is not None:
        (folder / "moderation.json").write_text(json.dumps(settings))
    return folder


@pytest.fixture
def tiny_binary(tmp_path: Path) -> Path:
    return make_tiny_model(tmp_path / "tiny-binary", {0: "negative", 1: "positive"})


@pytest.fixture(scope="session")
def model_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the real base is rebuilt: MODERATION_TEST_MODEL_CACHE to reuse one, else a temp dir."""
    configured = os.environ.get("MODERATION_TEST_MODEL_CACHE")
    return Path(configured) if configured else tmp_path_factory.mktemp("model-cache")


@pytest.fixture(scope="session")
def default_classifier(model_cache_dir: Path):
    from moderation.classifier.loading import load_transformer_classifier

    return load_transformer_classifier(None, device="cpu", cache_dir=model_cache_dir)
