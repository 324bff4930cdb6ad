#!/usr/bin/env bash
# End-to-end autoencoder training throughput through `petal train-ae` (Spark local mode, the
# parameter-averaging loop, data read back from the slices table), side by side in one run with
# the model-level figures of benchmarks/ae_train_vs_pytorch.sh (Petal's step alone, and PyTorch
# on CPU with the same network, batch and threads, when python3-torch is installed).
#
#   benchmarks/train_ae_spark.sh [NORMAL_PATIENTS=4] [EPOCHS=3] [WORKERS=1] [AVERAGING=5]
#
# Prints, per epoch, slices/s and the share of the epoch spent in training steps (from the model
# card), then the ratio train-ae (epochs >= 2) / Petal's bare step throughput.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NORMAL="${1:-4}"
EPOCHS="${2:-3}"
WORKERS="${3:-1}"
AVERAGING="${4:-5}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/petal-train-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export PETAL_PSEUDONYM_KEY="benchmark-key-not-secret"

"$ROOT/bin/petal" synth --out "$WORK/cohort" --normal "$NORMAL" --abnormal 0 --seed 3 >/dev/null 2>&1
"$ROOT/bin/petal" ingest --manifest "$WORK/cohort/manifest.csv" --warehouse "$WORK/wh" >/dev/null 2>&1
"$ROOT/bin/petal" train-ae --warehouse "$WORK/wh" --epochs "$EPOCHS" --workers "$WORKERS" \
  --averaging-frequency "$AVERAGING" --split all >"$WORK/train.log" 2>&1 || { tail -30 "$WORK/train.log"; exit 1; }
CARD="$WORK/wh/models/autoencoder/model-card.json"
SPARK_RATE=$(python3 - "$CARD" <<'PY'
import json, sys
card = json.load(open(sys.argv[1]))
rates = []
for e in card["epochs"]:
    share = 100 * e["computeSeconds"] / max(e["seconds"], 1e-9)
    print(f"train-ae epoch {e['epoch']}: {e['slicesPerSecond']:.1f} slices/s, {share:.0f} % in training steps",
          file=sys.stderr)
    if e["epoch"] >= 2:
        rates.append(e["slicesPerSecond"])
print(sum(rates) / len(rates) if rates else card["epochs"][-1]["slicesPerSecond"])
PY
)
echo "train-ae (epochs >= 2, ${WORKERS} worker(s), batch 32): ${SPARK_RATE} slices/s"
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "(python3-torch not installed: no model-level comparison; apt-get install python3-torch)"
  exit 0
fi
BENCH_OUT=$("$ROOT/benchmarks/ae_train_vs_pytorch.sh" 1 128 32 "$(nproc)" 2>/dev/null | tee /dev/stderr)
BARE=$(echo "$BENCH_OUT" | awk '/^petal /{print $2; exit}')
python3 -c "print(f'train-ae / bare Petal step: {float(\"$SPARK_RATE\") / float(\"$BARE\"):.2f}')"
