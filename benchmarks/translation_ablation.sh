#!/usr/bin/env bash
# Issue 9's translation-pretraining ablation on held-out patients of a synthetic cohort: the fusion
# U-Net (one encoder branch per channel group) trained from scratch against the same network whose
# source-group branch starts from a cross-modality translator (`petal pretrain`), same cohort,
# seeds and epochs, both evaluated by `petal evaluate` on split=test.
#
#   [KIND=brain-mri|pet-ct] benchmarks/translation_ablation.sh OUT [NORMAL=8] [ABNORMAL=24] [AE_EPOCHS=5] \
#       [PRE_EPOCHS=10] [SEG_EPOCHS=10] [SEEDS="1 2 3"] [COHORT_SEED=11]
#
# brain-mri: translate t1,t1ce -> t2,flair, branches t1,t1ce;t2,flair; pet-ct: CT -> PET, PET;CT.
# On a machine shared with other busy processes, prefix OMP_NUM_THREADS=1 (see README).
# One patient in four of each group is held out (split=test) by `petal synth`; the translator and
# both U-Nets train on split=train only (the translator on every training study, no labels).
# Without validation hold-out (--validation-fraction 0), so every seed trains on the same patients.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:?usage: $0 OUT [NORMAL] [ABNORMAL] [AE_EPOCHS] [PRE_EPOCHS] [SEG_EPOCHS] [SEEDS] [COHORT_SEED]}"
NORMAL="${2:-8}"
ABNORMAL="${3:-24}"
AE_EPOCHS="${4:-5}"
PRE_EPOCHS="${5:-10}"
SEG_EPOCHS="${6:-10}"
SEEDS="${7:-1 2 3}"
COHORT_SEED="${8:-11}"
KIND="${KIND:-brain-mri}"
PETAL="${PETAL:-$ROOT/bin/petal}"
W="$OUT/warehouse"
case "$KIND" in
  brain-mri) FROM=t1,t1ce TO=t2,flair BRANCHES='t1,t1ce;t2,flair' GRID=(--grid small) ;;
  pet-ct) FROM=CT TO=PET BRANCHES='PET;CT' GRID=(--grid small) ;;
  *) echo "KIND must be brain-mri or pet-ct" >&2; exit 2 ;;
esac
mkdir -p "$OUT/logs"
export PETAL_PSEUDONYM_KEY="${PETAL_PSEUDONYM_KEY:-ablation-key-not-secret}"

step() {
  local name="$1"
  shift
  local start=$SECONDS
  "$PETAL" "$@" >"$OUT/logs/$name.log" 2>&1 || { tail -40 "$OUT/logs/$name.log"; exit 1; }
  echo "$name: $((SECONDS - start)) s" >&2
}

if [ ! -f "$OUT/cohort/manifest.csv" ]; then
  step synth synth --kind "$KIND" "${GRID[@]}" --out "$OUT/cohort" --normal "$NORMAL" --abnormal "$ABNORMAL" \
    --seed "$COHORT_SEED"
  step ingest ingest --manifest "$OUT/cohort/manifest.csv" --warehouse "$W"
  step train-ae train-ae --warehouse "$W" --epochs "$AE_EPOCHS" --size 64 --overwrite
  step score score --warehouse "$W"
fi
# Models already under W/models (an interrupted run) are kept.
done_model() { [ -f "$W/models/$1/model.zip" ] && grep -q '"status" : "complete"' "$W/models/$1/model-card.json"; }
for seed in $SEEDS; do
  done_model "translator-$seed" || step "pretrain-$seed" pretrain --warehouse "$W" --from "$FROM" --to "$TO" --epochs "$PRE_EPOCHS" \
    --model "translator-$seed" --seed "$seed" --overwrite
  for arm in scratch pretrained; do
    init=()
    [ "$arm" = pretrained ] && init=(--init-from "translator-$seed")
    done_model "fusion-$arm-$seed" || step "train-$arm-$seed" segment train --warehouse "$W" --model "fusion-$arm-$seed" --groups "$BRANCHES" \
      "${init[@]}" --epochs "$SEG_EPOCHS" --seed "$seed" --validation-fraction 0 --overwrite
    step "predict-$arm-$seed" segment predict --warehouse "$W" --model "fusion-$arm-$seed" --split test
  done
done
step evaluate evaluate --warehouse "$W" --split test --run translation-ablation
"$PETAL" sql --warehouse "$W" --format csv --out "$OUT/patient_metrics.csv" \
  "SELECT * FROM patient_metrics WHERE run = 'translation-ablation'" >"$OUT/logs/sql.log" 2>&1
python3 "$ROOT/benchmarks/translation_ablation.py" "$OUT/patient_metrics.csv" $SEEDS
