"""The web process never imports torch (API.md): only workers load the model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import sys
from moderation import create_app
app = create_app({"DATA_DIR": sys.argv[1], "REDIS_URL": "redis://127.0.0.1:1/0", "TESTING": True})
client = app.test_client()
for path in ("/healthz", "/readyz", "/api/v1/openapi.json", "/widget.js", "/console/login", "/demo/product"):
    client.get(path)
print(sorted(m for m in ("torch", "transformers") if m in sys.modules))
"""


def test_web_app_serves_without_torch(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"
