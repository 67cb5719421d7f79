from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def model_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the real base is rebuilt: MODERATION_TEST_MODEL_CACHE to reuse one, else a temp dir."""
    configured = os.environ.get("MODERATION_TEST_MODEL_CACHE")
    return Path(configured) if configured else tmp_path_factory.mktemp("model-cache")
