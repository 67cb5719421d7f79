"""The built widget: size budget, built from the committed sources, served with the right headers."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re

import pytest

from moderation.widget.assets import DIST

SRC = os.path.join(os.path.dirname(DIST), "src")
FIRST_RENDER_BUDGET = 5 * 1024
TOTAL_BUDGET = 10 * 1024


def manifest() -> dict:
    with open(os.path.join(DIST, "manifest.json")) as fh:
        return json.load(fh)


def gzipped_size(name: str) -> int:
    with open(os.path.join(DIST, name), "rb") as fh:
        return len(gzip.compress(fh.read(), compresslevel=9))


def test_first_render_fits_in_5_kb_gzipped():
    assert gzipped_size("widget.js") <= FIRST_RENDER_BUDGET


def test_everything_including_the_form_fits_in_10_kb_gzipped():
    chunks = [name for name in os.listdir(DIST) if name.endswith(".js")]
    assert "widget.js" in chunks and manifest()["form"] in chunks
    assert sum(gzipped_size(name) for name in chunks) <= TOTAL_BUDGET


def test_the_first_render_names_the_current_form_chunk():
    with open(os.path.join(DIST, "widget.js")) as fh:
        assert manifest()["form"] in fh.read()


def test_dist_was_built_from_the_committed_sources():
    """Editing src/ without `python -m moderation.widget.build` fails here."""
    for name, digest in manifest()["sources"].items():
        with open(os.path.join(SRC, name), "rb") as fh:
            assert hashlib.sha256(fh.read()).hexdigest() == digest, f"rebuild: src/{name} changed"


@pytest.mark.parametrize("name", ["widget.js", "form.js"])
def test_sources_never_write_html(name):
    with open(os.path.join(SRC, name)) as fh:
        code = fh.read()
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment", code)


def test_widget_js_is_served_short_cached_with_cors_and_csp(client):
    response = client.get("/widget.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "public, max-age=300, stale-while-revalidate=86400"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert response.headers.get("ETag")
    again = client.get("/widget.js", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_widget_js_is_sent_gzipped_to_clients_that_accept_it(client):
    plain = client.get("/widget.js").data
    packed = client.get("/widget.js", headers={"Accept-Encoding": "gzip, br"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert gzip.decompress(packed.data) == plain


def test_form_chunk_is_cached_for_good_and_odd_names_are_404(client):
    response = client.get(f"/widget/{manifest()['form']}")
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    for name in ("manifest.json", "../widget.js", "form.zzzz.js", "form.0123456789.js"):
        assert client.get(f"/widget/{name}").status_code == 404
