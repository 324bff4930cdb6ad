"""Side-by-side Dice of the translation-pretraining ablation (benchmarks/translation_ablation.sh).

Reads the run's rows of W/tables/patient_metrics (CSV from `petal sql`) and prints, per output
region, the mean Dice over the held-out studies that hold the region, for the fusion U-Net from
scratch and with its branch started from the translator, per seed and over all seeds, and the
paired difference (pretrained - scratch) with two standard errors: over held-out studies (each
study's difference averaged over seeds) and over seeds (each seed's mean difference). A
difference within about two of the larger standard error is within noise.

    python3 translation_ablation.py patient_metrics.csv SEED [SEED ...]
"""
import csv
import math
import statistics
import sys
from collections import defaultdict


def main(path, seeds):
    rows = [r for r in csv.DictReader(open(path, newline="")) if r.get("primary_source", "true").lower() == "true"]
    region_of = (lambda r: r["region"]) if rows and "region" in rows[0] else (lambda r: "lesion")
    dice = defaultdict(dict)  # (region, arm, seed) -> {study: dice}
    for r in rows:
        parts = r["model"].split("-")
        if len(parts) != 3 or parts[0] != "fusion" or parts[2] not in seeds or r["dice"] in ("", "null", "NaN"):
            continue
        dice[(region_of(r), parts[1], parts[2])][r["study_key"]] = float(r["dice"])
    regions = list(dict.fromkeys(k[0] for k in dice))  # first-seen order: WT, TC, ET for brain MRI
    if not regions:
        sys.exit("no Dice of fusion-scratch-<seed> / fusion-pretrained-<seed> in " + path)
    studies = {len(v) for v in dice.values()}
    print(f"held-out studies with the region (per region, any seed): {sorted(studies)}; seeds: {' '.join(seeds)}")
    print(f"{'region':8} {'seed':>5} {'scratch':>8} {'pretrained':>11} {'difference':>11}")
    for region in regions:
        paired = defaultdict(list)  # study -> per-seed differences
        per_seed = []  # each seed's mean difference
        for seed in seeds:
            a = dice.get((region, "scratch", seed), {})
            b = dice.get((region, "pretrained", seed), {})
            common = sorted(set(a) & set(b))
            if not common:
                continue
            for s in common:
                paired[s].append(b[s] - a[s])
            ma = statistics.mean(a[s] for s in common)
            mb = statistics.mean(b[s] for s in common)
            per_seed.append(mb - ma)
            print(f"{region:8} {seed:>5} {ma:8.3f} {mb:11.3f} {mb - ma:+11.3f}")
        if not paired:
            continue
        scratch = [statistics.mean(v for (rg, arm, sd), d in dice.items() if rg == region and arm == "scratch"
                                   for k, v in d.items() if k == s) for s in paired]
        pretrained = [statistics.mean(v for (rg, arm, sd), d in dice.items() if rg == region and arm == "pretrained"
                                      for k, v in d.items() if k == s) for s in paired]
        diffs = [statistics.mean(v) for v in paired.values()]
        se = statistics.stdev(diffs) / math.sqrt(len(diffs)) if len(diffs) > 1 else float("nan")
        seed_se = statistics.stdev(per_seed) / math.sqrt(len(per_seed)) if len(per_seed) > 1 else float("nan")
        better = sum(d > 0 for d in diffs)
        print(f"{region:8} {'all':>5} {statistics.mean(scratch):8.3f} {statistics.mean(pretrained):11.3f} "
              f"{statistics.mean(diffs):+11.3f}  (SE {se:.3f} over {len(diffs)} studies, {seed_se:.3f} over "
              f"{len(per_seed)} seeds; pretrained better in {better} studies)")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
