#!/usr/bin/env bash
# Autoencoder training throughput, Petal (io.petal.models on DL4J/ND4J) vs PyTorch: the same
# network (DualBranchAutoencoder), batch, thread count, Adam and body-weighted MSE, synthetic
# slices, per-step data preparation timed on both sides; run alternately on the same cores.
#
#   benchmarks/ae_train_vs_pytorch.sh [ROUNDS] [SIZE] [BATCH] [THREADS]     (defaults 2 128 32 2)
#
# Each round runs Petal, then each PyTorch variant (see ae_train_vs_pytorch/ae_train_pytorch.py):
#   pytorch-shuffle-cl         channels_last, 2x2 up-convolution as 1x1 conv + PixelShuffle (fastest form)
#   pytorch-shuffle-cl-micro   the same, batch split into passes of TORCH_MICRO slices whose gradients
#                              are summed (what Petal does); default 2^16 pixels per pass, 4 slices of
#                              128x128, PyTorch's best measured here (Petal's own default is 2^18)
#   pytorch-deconv-nchw        idiomatic NCHW + nn.ConvTranspose2d (slow: fewer steps)
# and prints slices/s (best and median over timed repetitions), then per implementation the best
# and the median over rounds, and the ratio Petal / PyTorch (goal >= 1.0).
#
# Environment: PYTHON (default /usr/bin/python3 with Debian's python3-torch), JAVA (default java),
# STEPS (timed steps per repetition, default 10), REPS (repetitions, default 3), TORCH_MICRO
# (slices per PyTorch pass), PETAL_SAMEDIFF=1 also runs the SameDiff baseline (slow), MALLOC_TUNING=1 exports
# glibc malloc settings that keep freed native memory for reuse (for both sides).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-2}"
SIZE="${2:-128}"
BATCH="${3:-32}"
THREADS="${4:-2}"
PYTHON="${PYTHON:-/usr/bin/python3}"
STEPS="${STEPS:-10}"
REPS="${REPS:-3}"
TORCH_MICRO="${TORCH_MICRO:-$(( SIZE * SIZE >= 65536 ? 1 : 65536 / (SIZE * SIZE) ))}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/petal-ae-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

"$PYTHON" -c 'import torch' 2>/dev/null || { echo "needs PyTorch for $PYTHON (Debian: apt-get install python3-torch)" >&2; exit 1; }
(cd "$ROOT" && mvn -B -o -q -pl dl4j-models test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt") >&2
CP="$ROOT/dl4j-models/target/classes:$ROOT/dl4j-models/target/test-classes:$(cat "$WORK/cp.txt")"

export OMP_NUM_THREADS="$THREADS"
if [[ "${MALLOC_TUNING:-0}" == 1 ]]; then
  export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=67108864
fi
COMMON=(--size "$SIZE" --batch "$BATCH" --steps "$STEPS" --reps "$REPS")

petal() { "${JAVA:-java}" -Xmx4g -cp "$CP" io.petal.models.AutoencoderTrainingBenchmark "${COMMON[@]}" --impl "$1" --warmup "$2" --steps "$3" --reps "$4" 2>/dev/null | grep '^RESULT'; }
torch() { "$PYTHON" "$ROOT/benchmarks/ae_train_vs_pytorch/ae_train_pytorch.py" "${COMMON[@]}" --threads "$THREADS" "$@"; }

echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; threads $THREADS; size ${SIZE}x${SIZE}, 3 slices, batch $BATCH"
for r in $(seq "$ROUNDS"); do
  echo "round $r, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  petal petal 30 "$STEPS" "$REPS" | tee -a "$WORK/results"
  torch | tee -a "$WORK/results"
  torch --micro-batch "$TORCH_MICRO" | tee -a "$WORK/results"
  torch --upsample deconv --no-channels-last --warmup 2 --steps 3 --reps 2 | tee -a "$WORK/results"
  if [[ "${PETAL_SAMEDIFF:-0}" == 1 ]]; then
    petal samediff 5 3 2 | tee -a "$WORK/results"
  fi
done
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"

awk '
  { impl = ""; best = 0; median = 0
    for (i = 1; i <= NF; i++) {
      split($i, kv, "=")
      if (kv[1] == "impl") impl = kv[2]
      if (kv[1] == "best_slices_per_s") best = kv[2]
      if (kv[1] == "median_slices_per_s") median = kv[2]
    }
    if (impl == "") next
    if (!(impl in top) || best > top[impl]) top[impl] = best
    meds[impl] = meds[impl] " " median; n[impl]++
    if (!(impl in order)) { order[impl] = ++count; names[count] = impl }
  }
  function med(list,    a, i, j, t, m) {
    m = split(substr(list, 2), a, " ")
    for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  END {
    printf "\n%-28s %12s %14s\n", "implementation", "best sl/s", "median sl/s"
    for (k = 1; k <= count; k++) { i = names[k]; printf "%-28s %12.1f %14.1f\n", i, top[i], med(meds[i]) }
    if ("petal" in top) {
      printf "\nratio Petal / other (best, median):\n"
      for (k = 1; k <= count; k++) { i = names[k]; if (i != "petal") printf "  petal / %-24s %6.2f %6.2f\n", i, top["petal"] / top[i], med(meds["petal"]) / med(meds[i]) }
    }
  }' "$WORK/results"
