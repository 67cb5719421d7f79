"""Model folders and their versions, without torch.

A model version is the model's name plus a hash of the files that define it. Finding a folder and naming its
version needs only the file system: the rescore command, the web process and scripts use this module and never
pay for importing torch (``transformer.py`` loads the weights; it imports from here, not the other way round).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .settings import ModelSettings

# Files whose bytes define a model version; tokenizer files count because they change what the model sees.
VERSIONED_SUFFIXES = (".safetensors", ".bin", ".json", ".model", ".txt")
# ``moderation.json`` key (under ``extra``) naming a linear second opinion (``combine.SecondOpinion``) in the folder.
SECOND_OPINION_KEY = "second_opinion"


def default_model_dir() -> Path:
    """The default model shipped as package data (``moderation/default_model/<name>``).

    Raises:
        FileNotFoundError: no model folder is shipped.
    """
    root = Path(__file__).resolve().parent.parent / "default_model"
    candidates = sorted(p for p in root.iterdir() if (p / "config.json").exists()) if root.exists() else []
    if not candidates:
        raise FileNotFoundError(
            f"no default model under {root}; set MODERATION_MODEL_DIR or pass model_dir to a model folder"
        )
    return candidates[-1]


def resolve_model_dir(model_dir: str | os.PathLike[str] | None = None) -> Path:
    """The folder a load without an explicit one uses: ``MODERATION_MODEL_DIR`` if set, else the bundled model."""
    return Path(model_dir or os.environ.get("MODERATION_MODEL_DIR") or default_model_dir()).expanduser()


def content_hash(folder: Path, extra: list[Path] | None = None) -> str:
    """A short hash of the weight, config and tokenizer files (names and bytes)."""
    digest = hashlib.sha256()
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in VERSIONED_SUFFIXES)
    for path in [*files, *(extra or [])]:
        digest.update(path.name.encode())
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()[:12]


def second_opinion_path(folder: Path, settings: ModelSettings) -> Path | None:
    """The second opinion's file named by ``moderation.json`` (``extra.second_opinion``), or None without one.

    Only the named file is versioned (not every ``.npz`` in the folder), so a user's folder that happens to hold
    other numpy files keeps its version.

    Raises:
        ValueError: the name is not a plain file name inside the folder.
        FileNotFoundError: the named file is missing.
    """
    name = (settings.extra or {}).get(SECOND_OPINION_KEY)
    if not name:
        return None
    if not isinstance(name, str) or Path(name).name != name:
        raise ValueError(f"{folder}: extra.{SECOND_OPINION_KEY} must be a file name in the folder, got {name!r}")
    path = folder / name
    if not path.is_file():
        raise FileNotFoundError(f"{folder}: extra.{SECOND_OPINION_KEY} names {name!r}, which is not there")
    return path


def model_version(folder: Path) -> str:
    """``<name>-<hash>``: the version a classifier loaded from ``folder`` reports (``name`` from ``moderation.json``,
    else the folder's name). The hash covers the second opinion's file when ``moderation.json`` names one, so
    retraining the linear model alone is a new version too.

    Raises:
        ValueError: ``moderation.json`` is invalid.
        FileNotFoundError: ``moderation.json`` names a second opinion that is not there.
    """
    settings = ModelSettings.load(folder)
    second = second_opinion_path(folder, settings)
    extra = [second] if second is not None and second.suffix not in VERSIONED_SUFFIXES else []
    return f"{settings.name or folder.name}-{content_hash(folder, extra)}"
