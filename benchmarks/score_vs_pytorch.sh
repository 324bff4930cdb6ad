#!/usr/bin/env bash
# Scoring throughput, Petal (io.petal.scoring.AnomalyMapper on io.petal.models) vs PyTorch CPU
# inference of the same network with the same steps around it, on the same batch of windows of a
# synthetic abnormal study, the same weights and the same thread count; run alternately.
#
#   benchmarks/score_vs_pytorch.sh [ROUNDS] [SIZE] [BATCH] [THREADS]     (defaults 3 128 32 2)
#
# Timed per batch on both sides, from PET in SUV and CT in HU to anomaly maps and slice scores:
# SUV-threshold masking of the PET input (+ indicator channel), normalisation, the forward pass
# (both decoders, as Petal runs them), residual max(0, PET - reconstruction) restricted to the
# body, Gaussian smoothing (FWHM 8 mm), top-10 slice score, hidden fraction. Not timed: Spark,
# Parquet, resampling to and from the network grid.
#
# First an untimed Petal run writes the inputs, Petal's weights and its results
# (ScoringBenchmark --export); every PyTorch run loads them and prints a CHECK line, the largest
# difference between its maps and scores and Petal's (the twin computes the same function).
# Each round runs Petal, then each PyTorch form (score_vs_pytorch/score_pytorch.py):
#   pytorch-shuffle-cl-same           channels_last, 2x2 up-convolution as 1x1 conv + PixelShuffle
#   pytorch-shuffle-cl-same-micro16   the same in forward passes of 16 slices (Petal's pass size)
#   pytorch-shuffle-cl-symmetric      the same with PyTorch's usual symmetric padding of the
#                                     stride-2 convolutions (not Petal's function: no extra pad op)
#   pytorch-deconv-cl-same            channels_last + ConvTranspose2d
#   pytorch-deconv-nchw-same          plain NCHW + ConvTranspose2d (the idiomatic form)
#   pytorch-shuffle-nchw-same         plain NCHW + PixelShuffle
#   pytorch-jit-deconv-cl-same        channels_last + ConvTranspose2d, traced, frozen and passed
#                                     through torch.jit.optimize_for_inference
# and prints slices/s (best and median over timed repetitions) with the load average (1 min)
# before the run, then per implementation the best and the median over rounds, the fastest
# PyTorch form, and the ratios Petal / PyTorch (goal >= 1.0).
#
# Environment: PYTHON (default /usr/bin/python3 with Debian's python3-torch), JAVA (default java),
# STEPS (timed batches per repetition, default 10), REPS (repetitions, default 3), PETAL_MICRO
# (slices per Petal forward pass; default AutoencoderModel's pixel budget), FORMS (space-separated
# subset of the PyTorch form names above).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
SIZE="${2:-128}"
BATCH="${3:-32}"
THREADS="${4:-2}"
PYTHON="${PYTHON:-/usr/bin/python3}"
STEPS="${STEPS:-10}"
REPS="${REPS:-3}"
PETAL_MICRO="${PETAL_MICRO:-0}"
FORMS="${FORMS:-pytorch-shuffle-cl-same pytorch-shuffle-cl-same-micro16 pytorch-shuffle-cl-symmetric pytorch-deconv-cl-same pytorch-deconv-nchw-same pytorch-shuffle-nchw-same pytorch-jit-deconv-cl-same}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/petal-score-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

"$PYTHON" -c 'import torch' 2>/dev/null || { echo "needs PyTorch for $PYTHON (Debian: apt-get install python3-torch)" >&2; exit 1; }
(cd "$ROOT" && mvn -B -o -q -pl pipeline-jobs -am test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt") >&2
CP="$ROOT/pipeline-jobs/target/test-classes:$ROOT/pipeline-jobs/target/classes:$(cat "$WORK/cp.txt")"
export OMP_NUM_THREADS="$THREADS"
load() { cut -d' ' -f1 /proc/loadavg; }

petal() {
  "${JAVA:-java}" -Xmx4g -cp "$CP" io.petal.scoring.ScoringBenchmark --size "$SIZE" --batch "$BATCH" \
    --steps "$STEPS" --reps "$REPS" --micro-batch "$PETAL_MICRO" "$@" 2>/dev/null | grep '^RESULT'
}
torch_form() {  # $1: a form name from the list above
  local args=() form="${1#pytorch-}"
  case "$form" in jit-*) args+=(--jit); form="${form#jit-}" ;; esac
  case "$form" in shuffle-*) args+=(--upsample shuffle) ;; deconv-*) args+=(--upsample deconv) ;; esac
  case "$form" in *-nchw-*) args+=(--no-channels-last) ;; esac
  case "$form" in *-symmetric*) args+=(--padding symmetric) ;; *) args+=(--padding same) ;; esac
  case "$form" in *-micro*) args+=(--micro-batch "${form##*-micro}") ;; esac
  "$PYTHON" "$ROOT/benchmarks/score_vs_pytorch/score_pytorch.py" --export "$WORK/export" --threads "$THREADS" \
    --steps "$STEPS" --reps "$REPS" "${args[@]}"
}
run() {  # $1 = petal or a PyTorch form; appends "RESULT ... load=L" to the results
  local l; l="$(load)"
  { if [[ "$1" == petal ]]; then petal; else torch_form "$1"; fi; } | sed "s/^RESULT .*/& load=$l/" >> "$WORK/out"
  grep '^RESULT' "$WORK/out" | tail -1
}

echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc --all) cores; threads $THREADS; size ${SIZE}x${SIZE}, 3 slices, batch $BATCH"
petal --export "$WORK/export" --warmup 0 --steps 1 --reps 1 >/dev/null
for r in $(seq "$ROUNDS"); do
  echo "round $r, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  run petal
  for f in $FORMS; do run "$f"; done
done
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo; grep '^CHECK' "$WORK/out" | sort -u

awk '
  /^RESULT/ {
    impl = ""; best = 0; median = 0; l = ""
    for (i = 2; i <= NF; i++) {
      split($i, kv, "=")
      if (kv[1] == "impl") impl = kv[2]
      if (kv[1] == "best_slices_per_s") best = kv[2]
      if (kv[1] == "median_slices_per_s") median = kv[2]
      if (kv[1] == "load") l = kv[2]
    }
    if (!(impl in top) || best > top[impl]) top[impl] = best
    meds[impl] = meds[impl] " " median; loads[impl] = loads[impl] " " l
    if (!(impl in seen)) { seen[impl] = 1; names[++count] = impl }
  }
  function med(list,    a, i, j, t, m) {
    m = split(substr(list, 2), a, " ")
    for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  END {
    printf "\n%-34s %10s %12s   %s\n", "implementation", "best sl/s", "median sl/s", "load average (1 min) per round"
    for (k = 1; k <= count; k++) { i = names[k]; printf "%-34s %10.1f %12.1f  %s\n", i, top[i], med(meds[i]), loads[i] }
    if (!("petal" in top)) exit
    fastest = ""
    for (k = 1; k <= count; k++) { i = names[k]; if (i != "petal" && (fastest == "" || med(meds[i]) > med(meds[fastest]))) fastest = i }
    printf "\nratio Petal / PyTorch (best, median):\n"
    for (k = 1; k <= count; k++) { i = names[k]; if (i != "petal") printf "  petal / %-32s %6.2f %6.2f\n", i, top["petal"] / top[i], med(meds["petal"]) / med(meds[i]) }
    if (fastest != "") printf "fastest PyTorch form (by median): %s; Petal / it: %.2f (best), %.2f (median); goal >= 1.0\n", fastest, top["petal"] / top[fastest], med(meds["petal"]) / med(meds[fastest])
  }' "$WORK/out"
