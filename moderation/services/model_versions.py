"""Model versions: the registry of where each version's files are, and the classifiers loaded for them.

A version is registered when a rescore run starts with it (``ModelVersion``: version → folder). Live scoring
loads a site's active version from here, and a rescore worker loads its run's: each process keeps a small cache
of loaded classifiers, keyed by folder, and refuses a folder whose files no longer give the registered version.
"""

from __future__ import annotations

import importlib
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from flask import current_app, has_app_context
from sqlalchemy import select

from ..classifier import Classifier
from ..config import DefaultConfig
from ..extensions import db
from ..models import ModelVersion


def setting(name: str) -> Any:
    """The app's value, or the default (also outside an app context, e.g. a bench's report)."""
    value = current_app.config.get(name) if has_app_context() else None
    return getattr(DefaultConfig, name) if value is None else value


def import_callable(spec: str) -> Callable[..., Any]:
    module_name, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def load_model(model_dir: str, device: str | None = None) -> Classifier:
    """Load the classifier at ``model_dir`` with the configured loader (the real model, or a test stub)."""
    loader = import_callable(setting("RESCORE_CLASSIFIER_LOADER"))
    return loader(model_dir, device or setting("RESCORE_DEVICE") or current_app.config.get("DEVICE", "auto"))


def classifier_for_version(version: str) -> Classifier:
    """The classifier of a registered model version (one a rescore run was started with), loaded once per process.

    Raises:
        LookupError: no rescore run registered this version, so nobody knows where its files are.
        RuntimeError: its folder now holds other weights. OSError: the folder is gone.
    """
    folder = db.session.execute(select(ModelVersion.model_dir).where(ModelVersion.version == version)).scalar()
    if not folder:
        raise LookupError(f"model {version} is not registered (no rescore run used it)")
    return cached_classifier(folder, version, "the registry names")


def cached_classifier(model_dir: str, version: str, expected_by: str) -> Classifier:
    """The classifier for ``model_dir``: the worker's own when it is ``version``, else loaded once and cached.

    Raises:
        RuntimeError: the folder now holds another version than ``version`` (``expected_by`` says who expects it).
    """
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    held = app.extensions.get("moderation.classifier")
    if getattr(held, "model_version", None) == version:
        return held
    cache: OrderedDict[str, Classifier] = app.extensions.setdefault("moderation.rescore_classifiers", OrderedDict())
    classifier = cache.get(model_dir)
    if classifier is None:
        classifier = load_model(model_dir)
        cache[model_dir] = classifier
        while len(cache) > int(setting("RESCORE_CLASSIFIER_CACHE")):
            cache.popitem(last=False)
    cache.move_to_end(model_dir)
    if classifier.model_version != version:
        cache.pop(model_dir, None)
        raise RuntimeError(
            f"{model_dir} now holds model {classifier.model_version}, but {expected_by} "
            f"{version}; start a new run for the new files"
        )
    return classifier


def register_model_version(version: str, model_dir: str) -> ModelVersion:
    """Get or create the registry row for ``version``; the caller commits."""
    row = db.session.execute(select(ModelVersion).where(ModelVersion.version == version)).scalar_one_or_none()
    if row is None:
        row = ModelVersion(version=version, model_dir=model_dir)
        db.session.add(row)
        db.session.flush()
    elif row.model_dir != model_dir:
        row.model_dir = model_dir
    return row
