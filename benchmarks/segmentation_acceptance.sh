#!/usr/bin/env bash
# Issue 5's acceptance experiment on held-out patients of a synthetic cohort: anomaly ranking
# (pixel and slice AUROC), the anomaly-guided U-Net, its no-prior ablation and the three
# baselines (SUV 2.5, 41 % of regional SUVmax, thresholded anomaly map), all through the CLI a
# user types, evaluated by `petal evaluate` on split=test.
#
#   [FROM=ingest|segment] benchmarks/segmentation_acceptance.sh OUT [PATIENTS_PER_GROUP=16] [AE_EPOCHS=10] [SEG_EPOCHS=10] [SEED=11]
#
# On a machine shared with other busy processes, prefix OMP_NUM_THREADS=1 (see README).
# OUT receives the cohort, the warehouse and the logs (kept, so the report can be opened:
# OUT/warehouse/reports/acceptance/report.html). One patient in four of each group is held out
# (split=test) by `petal synth`; every model trains on split=train only.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:?usage: $0 OUT [PATIENTS_PER_GROUP] [AE_EPOCHS] [SEG_EPOCHS] [SEED]}"
PER_GROUP="${2:-16}"
AE_EPOCHS="${3:-10}"
SEG_EPOCHS="${4:-10}"
SEED="${5:-11}"
PETAL="$ROOT/bin/petal"
W="$OUT/warehouse"
mkdir -p "$OUT/logs"
export PETAL_PSEUDONYM_KEY="${PETAL_PSEUDONYM_KEY:-acceptance-key-not-secret}"

step() {
  local name="$1"
  shift
  local start=$SECONDS
  "$PETAL" "$@" >"$OUT/logs/$name.log" 2>&1 || { tail -40 "$OUT/logs/$name.log"; exit 1; }
  echo "$name: $((SECONDS - start)) s" >&2
}

[ -f "$OUT/cohort/manifest.csv" ] || step synth synth --out "$OUT/cohort" --normal "$PER_GROUP" \
  --abnormal "$PER_GROUP" --seed "$SEED"
# The stages of `petal run`, one by one, so that a second run (e.g. other U-Net settings) can start
# from FROM=segment and keep the ingested cohort, the autoencoder and its anomaly maps.
if [ "${FROM:-ingest}" = ingest ]; then
  step ingest ingest --manifest "$OUT/cohort/manifest.csv" --warehouse "$W"
  step train-ae train-ae --warehouse "$W" --epochs "$AE_EPOCHS" --overwrite
  step score score --warehouse "$W"
fi
# The anomaly-guided U-Net and its no-prior ablation, trained side by side on split=train.
step train-unet segment train --warehouse "$W" --model segmentation --epochs "$SEG_EPOCHS" --overwrite &
step train-noprior segment train --warehouse "$W" --model no-prior --no-prior --epochs "$SEG_EPOCHS" --overwrite &
wait %1 && wait %2
step predict-unet segment predict --warehouse "$W" --model segmentation --split test
step predict-noprior segment predict --warehouse "$W" --model no-prior --split test
step baselines segment baselines --warehouse "$W"
step evaluate evaluate --warehouse "$W" --split test --run acceptance

python3 - "$W/reports/acceptance/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
c = s["cohort"]
print(f"held-out patients: {c['patients']} ({c['lesion_positive_patients']} with lesions, {c['lesions']} lesions)")
print(f"anomaly map: pixel AUROC {s['pixel_auroc']:.4f} (goal >= 0.97)   slice AUROC {s['slice_auroc']:.4f} (goal >= 0.95)")
def f(v, fmt="{:.3f}"):
    return "-" if v is None else fmt.format(v)
size = {}
for r in s.get("sensitivity_by_size", []):
    size.setdefault(r["method"], {})[r["stratum"]] = r
print(f"{'method':28} {'Dice':>6} {'±SD':>6} {'FPV mL':>8} {'FPV normals mL':>15} {'FNV mL':>8} {'recall':>7} {'recall r>=5mm':>14} "
      f"{'slice AUROC':>12} {'pixel AUROC':>12}")
for m in s["methods"]:
    if m["dice_n"] == 0:
        continue
    strata = size.get(m["method"], {})
    big = [r for k, r in strata.items() if k != "TINY"]
    les = sum(r["lesions"] for r in big)
    det = sum(r["detected"] for r in big)
    print(f"{m['method']:28} {f(m['dice_mean']):>6} {f(m['dice_sd']):>6} {f(m['fpv_ml_mean'], '{:.1f}'):>8} "
          f"{f(m['fpv_lesion_free_ml_mean'], '{:.1f}'):>15} {f(m['fnv_ml_mean'], '{:.1f}'):>8} "
          f"{f(m['lesion_sensitivity']):>7} {f(det / les if les else None):>14} "
          f"{f(m.get('slice_auroc'), '{:.4f}'):>12} {f(m.get('pixel_auroc'), '{:.4f}'):>12}")
PY
