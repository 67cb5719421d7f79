"""Per-model settings that live beside the weights (``moderation.json``), and the text → ids step they drive.

A folder downloaded from a model hub has no ``moderation.json``: every field then has a neutral default (no
prefix, the model's own maximum length, labels read from ``config.id2label``). The bundled e5 model sets the
``"query: "`` prefix that e5 was trained with; that is data about the model, not code.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

SETTINGS_FILE = "moderation.json"
# A text longer than this many characters is cut to its head and tail before tokenizing: no review needs
# more to fill 512 tokens, and it bounds tokenizer time and memory for a 100,000-character paste.
MAX_CHARS = 20_000


@dataclass
class ModelSettings:
    """What ``moderation.json`` may hold. Unknown keys are rejected so typos do not pass silently.

    Attributes:
        name: the model's name, the first part of its ``model_version``.
        prefix: prepended to every text (e5 expects ``"query: "``).
        max_length: tokens per text including special tokens; None means the tokenizer's/model's limit.
        truncation: ``"head_tail"`` keeps the start and the end of a long text (a review's verdict is often in
            its last sentence); ``"head"`` keeps the start only.
        label_map: overrides for ``config.id2label`` (label name → ``negative``/``neutral``/``positive`` or
            ``stars:N``), for models whose labels are named ``LABEL_0`` etc.
        negative_threshold: a text is labelled ``negative`` when its negative probability is at least this.
        calibration: ``{"scale": a, "bias": b}`` applied to a two-class model's logit difference before the
            sigmoid (Platt scaling fitted on a validation split), or None.
        base: for a partial model (trained layers only): which rebuilt base it applies to.
    """

    name: str | None = None
    prefix: str = ""
    max_length: int | None = None
    truncation: str = "head_tail"
    label_map: dict[str, str] = field(default_factory=dict)
    negative_threshold: float = 0.5
    calibration: dict[str, float] | None = None
    base: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> ModelSettings:
        path = folder / SETTINGS_FILE
        if not path.exists():
            return cls()
        raw = json.loads(path.read_text(encoding="utf-8"))
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise ValueError(f"{path}: unknown settings {unknown}; known: {sorted(known)}")
        settings = cls(**raw)
        if settings.truncation not in ("head", "head_tail"):
            raise ValueError(f"{path}: truncation must be 'head' or 'head_tail'")
        return settings

    def save(self, folder: Path) -> None:
        data = {k: v for k, v in asdict(self).items() if v not in (None, {}, "") or k == "prefix"}
        (folder / SETTINGS_FILE).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def clip_characters(text: str, limit: int = MAX_CHARS) -> str:
    if len(text) <= limit:
        return text
    half = limit // 2
    return text[:half] + " … " + text[-half:]


def encode_texts(tokenizer: Any, texts: list[str], settings: ModelSettings, max_length: int) -> list[list[int]]:
    """Token ids per text, special tokens included, never longer than ``max_length``.

    Truncation is done here rather than by the tokenizer so that ``head_tail`` can keep both ends.

    Raises:
        ValueError: a text is not a string, or is empty or whitespace only (there is nothing to judge).
    """
    for index, text in enumerate(texts):
        if not isinstance(text, str):
            raise ValueError(f"text {index} is {type(text).__name__}, not str")
        if not text.strip():
            raise ValueError(f"text {index} is empty or whitespace only: there is nothing to classify")
    prepared = [settings.prefix + clip_characters(text) for text in texts]
    encoded = tokenizer(prepared, add_special_tokens=False, truncation=False, verbose=False)["input_ids"]
    head_specials, tail_specials = special_tokens_around(tokenizer)
    budget = max(1, max_length - len(head_specials) - len(tail_specials))
    prefix_len = len(tokenizer(settings.prefix, add_special_tokens=False)["input_ids"]) if settings.prefix else 0
    out = []
    for ids in encoded:
        if len(ids) > budget:
            if settings.truncation == "head_tail":
                # Keep the prefix and the first half of the text, then the last part of the text.
                head = prefix_len + (budget - prefix_len) // 2
                ids = ids[:head] + ids[len(ids) - (budget - head) :]
            else:
                ids = ids[:budget]
        out.append(head_specials + ids + tail_specials)
    return out


def special_tokens_around(tokenizer: Any) -> tuple[list[int], list[int]]:
    """The special token ids a tokenizer puts before and after a single text (``<s>`` … ``</s>`` for XLM-R).

    Learned from the tokenizer itself, because transformers 5 no longer offers one method for it on every
    tokenizer class.
    """
    cached = getattr(tokenizer, "_moderation_specials", None)
    if cached is not None:
        return cached
    bare = tokenizer("a", add_special_tokens=False)["input_ids"]
    full = tokenizer("a", add_special_tokens=True)["input_ids"]
    for start in range(len(full) - len(bare) + 1):
        if full[start : start + len(bare)] == bare:
            result = (list(full[:start]), list(full[start + len(bare) :]))
            break
    else:
        result = ([], [])
    try:
        tokenizer._moderation_specials = result
    except AttributeError:
        pass
    return result
