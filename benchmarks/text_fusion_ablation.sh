#!/usr/bin/env bash
# Issue 9's report-text ablation on held-out patients: the same synthetic cohort, the same
# autoencoder prior and the same seeds, the U-Net trained with the studies' free-text reports
# (`segment train --text on`: TF-IDF of words and character n-grams, FiLM on every decoder level)
# and without (`--text off`), both evaluated by `petal evaluate` on split=test.
#
#   [AE_OPTIONS="--size 256"] [SEG_OPTIONS="--batch-size 4"] benchmarks/text_fusion_ablation.sh OUT [KIND=spect-bone] [PATIENTS_PER_GROUP=60] [AE_EPOCHS=10] [SEG_EPOCHS=20] [SEED=11] [MODEL_SEEDS="42"]
#
# AE_OPTIONS: further `train-ae` options (its --size is the U-Net's grid: the longer side of a
# whole-body bone scan view over that many pixels); SEG_OPTIONS: further `segment train` options,
# the same for both models.
# On a machine shared with other busy processes, prefix OMP_NUM_THREADS=1 (see README).
# OUT receives the cohort, the warehouse and the logs (kept). `petal synth` holds one patient in
# four of each group out (split=test) and writes one report per study (a quarter in Chinese, with
# findings and sizes sometimes left out); the vocabulary is fitted on the training patients'
# reports only. Each model seed trains one pair (text-on-<seed>, text-off-<seed>; a later run
# keeps them, adds seeds, or continues them to a larger SEG_EPOCHS); the on/off models of a seed
# start from the same weights (the text path starts as the identity) and see the same batches.
# Printed: per pair and region the mean Dice over the held-out abnormal patients, the paired
# per-patient difference (on − off) with its standard error, and the false-positive volume on
# the held-out normal patients.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:?usage: $0 OUT [KIND] [PATIENTS_PER_GROUP] [AE_EPOCHS] [SEG_EPOCHS] [SEED] [MODEL_SEEDS]}"
KIND="${2:-spect-bone}"
PER_GROUP="${3:-60}"
AE_EPOCHS="${4:-10}"
SEG_EPOCHS="${5:-20}"
SEED="${6:-11}"
MODEL_SEEDS="${7:-42}"
PETAL="$ROOT/bin/petal"
W="$OUT/warehouse"
RUN="text-ablation-$SEG_EPOCHS-epochs"
mkdir -p "$OUT/logs"
export PETAL_PSEUDONYM_KEY="${PETAL_PSEUDONYM_KEY:-ablation-key-not-secret}"

step() {
  local name="$1"
  shift
  local start=$SECONDS
  "$PETAL" "$@" >"$OUT/logs/$name.log" 2>&1 || { tail -40 "$OUT/logs/$name.log"; exit 1; }
  echo "$name: $((SECONDS - start)) s" >&2
}

[ -f "$OUT/cohort/manifest.csv" ] || step synth synth --kind "$KIND" --out "$OUT/cohort" \
  --normal "$PER_GROUP" --abnormal "$PER_GROUP" --seed "$SEED"
if [ ! -f "$W/models/autoencoder/model.zip" ]; then
  step ingest ingest --manifest "$OUT/cohort/manifest.csv" --warehouse "$W"
  step train-ae train-ae --warehouse "$W" --epochs "$AE_EPOCHS" --overwrite ${AE_OPTIONS:-}
  step score score --warehouse "$W"
fi
# epochs a model has trained (its checkpoints)
trained() { ls "$W/models/$1/checkpoints" 2>/dev/null | grep -c '^epoch-' || true; }
MODELS=""
for s in $MODEL_SEEDS; do
  # the two models of a seed side by side (one core each with OMP_NUM_THREADS=1); models that
  # exist are kept, or continued (--resume) when SEG_EPOCHS is larger than what they trained
  if [ "$(trained "text-on-$s")" -lt "$SEG_EPOCHS" ] || [ "$(trained "text-off-$s")" -lt "$SEG_EPOCHS" ]; then
    pids=()
    for t in on off; do
      start=--overwrite
      [ -f "$W/models/text-$t-$s/model.zip" ] && start=--resume
      step "train-$t-$s" segment train --warehouse "$W" --model "text-$t-$s" --text "$t" --seed "$s" \
        --epochs "$SEG_EPOCHS" "$start" ${SEG_OPTIONS:-} &
      pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p"; done
    for t in on off; do
      step "predict-text-$t-$s" segment predict --warehouse "$W" --model "text-$t-$s" --split test
    done
  fi
  MODELS="${MODELS:+$MODELS,}text-on-$s,text-off-$s"
done
step evaluate evaluate --warehouse "$W" --split test --run "$RUN" --models "$MODELS"
"$PETAL" sql --warehouse "$W" --format csv \
  "SELECT * FROM patient_metrics WHERE run = '$RUN' AND primary_source" >"$OUT/patient_metrics.csv" 2>"$OUT/logs/sql.log"

python3 - "$OUT/patient_metrics.csv" "$MODEL_SEEDS" <<'PY'
import csv, math, sys
rows = list(csv.DictReader(open(sys.argv[1])))
region_of = lambda r: r.get("region") or "lesion"
by = {}
for r in rows:
    by.setdefault((r["model"], region_of(r)), {})[r["patient_key"]] = r
regions = sorted({region_of(r) for r in rows})
abnormal = {r["patient_key"] for r in rows if r["normal"] == "false"}
normal = {r["patient_key"] for r in rows if r["normal"] == "true"}
print(f"held-out patients: {len(abnormal)} abnormal, {len(normal)} normal")
def num(v):
    return float(v) if v not in ("", None) else None
def mean_se(xs):
    n = len(xs)
    m = sum(xs) / n
    sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (n - 1)) if n > 1 else float("nan")
    return m, sd / math.sqrt(n)
print(f"{'seed':>5} {'region':8} {'Dice text on':>13} {'Dice text off':>14} {'on - off (paired)':>20} "
      f"{'FPV normals on / off mL':>24}")
for seed in sys.argv[2].split():
    for region in regions:
        on, off = by.get((f"text-on-{seed}", region), {}), by.get((f"text-off-{seed}", region), {})
        pairs = [(num(on[p]["dice"]), num(off[p]["dice"])) for p in sorted(abnormal)
                 if p in on and p in off and num(on[p]["dice"]) is not None and num(off[p]["dice"]) is not None]
        if not pairs:
            continue
        d_on = sum(a for a, _ in pairs) / len(pairs)
        d_off = sum(b for _, b in pairs) / len(pairs)
        diff, se = mean_se([a - b for a, b in pairs])
        fpv = [(num(on[p]["fpv_ml"]), num(off[p]["fpv_ml"])) for p in sorted(normal) if p in on and p in off]
        fpv_on = sum(a for a, _ in fpv) / len(fpv) if fpv else float("nan")
        fpv_off = sum(b for _, b in fpv) / len(fpv) if fpv else float("nan")
        print(f"{seed:>5} {region:8} {d_on:>13.3f} {d_off:>14.3f} {diff:>+12.3f} ± {se:.3f}  "
              f"{fpv_on:>11.1f} / {fpv_off:.1f}")
PY
