#!/usr/bin/env bash
# Ingest throughput vs. the decompression floor, in one run, on the same cores.
#
#   benchmarks/ingest_vs_gunzip.sh [PATIENTS] [CORES]
#
# 1. makes a synthetic cohort of PATIENTS studies (default 192, about 3.4 GB and 3–4 minutes of
#    `petal synth` on 2 cores, not timed; the fixed start-up and commit weigh less the larger it is);
#    with PETAL_BENCH_COHORT=DIR the cohort is made there once and reused by later runs;
# 2. floor: `gzip -dc` of every input .nii.gz file, CORES files at a time (xargs -P), output discarded;
# 3. `petal ingest --manifest` of the same cohort into a fresh warehouse, Spark local[CORES];
#    before it, untimed, an ingest of the cohort's first study into a throw-away warehouse, so that
#    the launcher's class archive for ingest exists (bin/petal writes it on the first ingest after
#    a build; a nightly ingest finds it there);
# 4. prints both wall times, MB/s of compressed input, and the ratio ingest / floor (goal <= 1.5);
#    then the CPU seconds (user + sys, all threads and child processes) of both and their ratio,
#    which a busy machine disturbs far less than wall time, and the load average before and after.
# Also prints the ingest JVM's peak resident memory, for the "memory does not grow with the
# cohort" check: run it with two cohort sizes and compare.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-192}"
CORES="${2:-2}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/petal-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export PETAL_PSEUDONYM_KEY="benchmark-key-not-secret-0123456789"

COHORT="${PETAL_BENCH_COHORT:-$WORK/cohort}"
if [[ ! -f "$COHORT/manifest.csv" ]]; then
  half=$((N / 2))
  "$ROOT/bin/petal" synth --out "$COHORT" --normal $((N - half)) --abnormal "$half" --seed 1 \
    --master "local[$CORES]" >/dev/null 2>"$WORK/synth.log"
fi
N=$(($(wc -l <"$COHORT/manifest.csv") - 1))
BYTES=$(find "$COHORT" -name '*.nii.gz' ! -name 'ORGANS.nii.gz' -printf '%s\n' | awk '{s+=$1} END {print s}')
sync
# Untimed: the first ingest after a build writes the launcher's class archive (bin/petal).
head -2 "$COHORT/manifest.csv" >"$COHORT/.warm-up.csv"
"$ROOT/bin/petal" ingest --manifest "$COHORT/.warm-up.csv" --warehouse "$WORK/warm-up" --master "local[$CORES]" \
  >/dev/null 2>"$WORK/warm-up.log" || { cat "$WORK/warm-up.log"; exit 1; }
rm -f "$COHORT/.warm-up.csv"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

now() { date +%s.%N; }
# Floor: decompress the files ingest reads (SUV, CTres, SEG), CORES at a time.
t0=$(now)
find "$COHORT" -name '*.nii.gz' ! -name 'ORGANS.nii.gz' -print0 \
  | /usr/bin/time -f '%U %S' -o "$WORK/floor.cpu" xargs -0 -n 1 -P "$CORES" sh -c 'gzip -dc "$0" >/dev/null'
t1=$(now)
# Petal ingest of the same studies.
/usr/bin/time -v "$ROOT/bin/petal" ingest --manifest "$COHORT/manifest.csv" --warehouse "$WORK/wh" \
  --master "local[$CORES]" >"$WORK/ingest.out" 2>"$WORK/ingest.log" || { cat "$WORK/ingest.log"; exit 1; }
t2=$(now)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
RSS_KB=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$WORK/ingest.log")
JOB_MS=$(sed -n 's/.*ingest: cohort .* quarantined in \([0-9]*\) ms.*/\1/p' "$WORK/ingest.log" | tail -1)
FLOOR_CPU=$(awk '{print $1 + $2}' "$WORK/floor.cpu")
INGEST_CPU=$(awk -F: '/User time \(seconds\)|System time \(seconds\)/ {s += $2} END {print s}' "$WORK/ingest.log")

awk -v n="$N" -v c="$CORES" -v b="$BYTES" -v f="$(echo "$t1 - $t0" | bc)" -v i="$(echo "$t2 - $t1" | bc)" -v rss="$RSS_KB" -v job="$JOB_MS" \
  -v fcpu="$FLOOR_CPU" -v icpu="$INGEST_CPU" -v lb="$LOAD_BEFORE" -v la="$LOAD_AFTER" 'BEGIN {
  mb = b / 1e6;
  printf "studies: %d   cores: %d   compressed input: %.1f MB\n", n, c, mb;
  printf "%-34s %8.2f s  %7.1f MB/s\n", "floor  (gzip -dc, same files)", f, mb / f;
  printf "%-34s %8.2f s  %7.1f MB/s\n", "petal ingest (JVM start included)", i, mb / i;
  printf "%-34s %8.2f s  %7.1f MB/s\n", "petal ingest job (inside the JVM)", job / 1000, mb / (job / 1000);
  printf "ratio ingest / floor: %.2f whole command, %.2f job   (goal <= 1.5)\n", i / f, (job / 1000) / f;
  printf "ingest peak RSS: %.0f MB\n", rss / 1024;
  printf "CPU seconds (user+sys): floor %.2f s, petal ingest %.2f s, ratio %.2f\n", fcpu, icpu, icpu / fcpu;
  printf "load average (1/5/15 min): before %s, after %s\n", lb, la;
}'
