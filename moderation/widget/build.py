"""Build the widget: ``python -m moderation.widget.build`` (needs Node's ``npx``; the output is committed).

Minifies ``static/widget/src/*.js`` with esbuild into ``static/widget/dist/``: ``widget.js`` (the first render)
and ``form.<hash>.js`` (the posting form, imported on demand; the hash lets it be cached for good), each with
a ``.gz`` twin served to clients that accept gzip, and ``manifest.json`` naming the files, their sizes and the
hashes of the sources they came from (a test fails when a source changed without a rebuild).
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import os
import subprocess

ESBUILD = "esbuild@0.28.2"
STATIC = os.path.join(os.path.dirname(os.path.dirname(__file__)), "static", "widget")
SRC = os.path.join(STATIC, "src")
DIST = os.path.join(STATIC, "dist")


def sha256_file(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def esbuild(source: str, *flags: str) -> bytes:
    command = ["npx", "--yes", ESBUILD, source, "--minify", "--target=es2020", "--legal-comments=none", *flags]
    return subprocess.run(command, check=True, capture_output=True).stdout


def write(name: str, data: bytes) -> dict[str, int]:
    with open(os.path.join(DIST, name), "wb") as fh:
        fh.write(data)
    packed = gzipped(data)
    with open(os.path.join(DIST, name + ".gz"), "wb") as fh:
        fh.write(packed)
    return {"bytes": len(data), "gzip_bytes": len(packed)}


def build() -> dict:
    os.makedirs(DIST, exist_ok=True)
    form = esbuild(os.path.join(SRC, "form.js"), "--format=esm")
    form_name = f"form.{hashlib.sha256(form).hexdigest()[:10]}.js"
    for stale in glob.glob(os.path.join(DIST, "form.*.js*")):
        os.remove(stale)
    widget = esbuild(os.path.join(SRC, "widget.js"), f'--define:FORM_CHUNK="{form_name}"')
    manifest = {
        "widget": "widget.js",
        "form": form_name,
        "sizes": {"widget.js": write("widget.js", widget), form_name: write(form_name, form)},
        "sources": {name: sha256_file(os.path.join(SRC, name)) for name in ("widget.js", "form.js")},
        "built_with": ESBUILD,
    }
    with open(os.path.join(DIST, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=2)
        fh.write("\n")
    return manifest


if __name__ == "__main__":
    result = build()
    for name, size in result["sizes"].items():
        print(f"{name}: {size['bytes']} bytes, {size['gzip_bytes']} gzipped")
