package io.petal.synth.bone;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Places bone metastases on the skeleton: the bone by its share of metastases ({@link Bone}), a
 * host source of that bone uniformly (which vertebra, which rib segment), a centre inside the
 * host's outline, a slightly elliptical hot spot of radius {@value #MIN_RADIUS_MM}–{@value
 * #MAX_RADIUS_MM} mm that does not overlap an earlier one, no thicker (along the view axis) than
 * the host bone at its centre. Its tracer concentration is (contrast − 1) times the host's, the contrast {@value #MILD_MIN}–{@value #MILD_MAX} for a
 * quarter of lesions (mild) and {@value #INTENSE_MIN}–{@value #INTENSE_MAX} otherwise; it lies at
 * the host's depth.
 */
final class MetastasisPlacer {
  static final double MIN_RADIUS_MM = 5;
  static final double MAX_RADIUS_MM = 16;
  static final double MILD_PROBABILITY = 0.25;
  static final double MILD_MIN = 1.6;
  static final double MILD_MAX = 2.2;
  static final double INTENSE_MIN = 2.5;
  static final double INTENSE_MAX = 6.0;
  /** Half-thickness of a lesion along the view axis is at least this (mm). */
  static final double MIN_DEPTH_MM = 2;
  private static final int TRIES = 50;

  private MetastasisPlacer() {}

  /** Up to {@code count} lesions on the skeletal sources among {@code sources} (fewer only when no room is left). */
  static List<PlacedLesion> place(List<UptakeSource> sources, int count, SplittableRandom rng) {
    Map<Bone, List<UptakeSource>> hosts = new EnumMap<>(Bone.class);
    for (UptakeSource s : sources) {
      if (s.site() != null) {
        hosts.computeIfAbsent(s.site().bone(), b -> new ArrayList<>()).add(s);
      }
    }
    List<PlacedLesion> placed = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      for (int t = 0; t < TRIES; t++) {
        List<UptakeSource> candidates = hosts.get(drawBone(hosts.keySet(), rng));
        UptakeSource host = candidates.get(rng.nextInt(candidates.size()));
        PlacedLesion lesion = lesionOn(host, rng);
        if (lesion != null && placed.stream().noneMatch(p -> overlaps(p, lesion))) {
          placed.add(lesion);
          break;
        }
      }
    }
    return placed;
  }

  private static Bone drawBone(java.util.Set<Bone> present, SplittableRandom rng) {
    double total = present.stream().mapToDouble(Bone::metastasisShare).sum();
    double r = rng.nextDouble() * total;
    Bone last = null;
    for (Bone b : present) {
      last = b;
      r -= b.metastasisShare();
      if (r < 0) {
        return b;
      }
    }
    return last;
  }

  /** A lesion centred inside {@code host}'s outline, or null when no centre was found. */
  private static PlacedLesion lesionOn(UptakeSource host, SplittableRandom rng) {
    double[] b = host.shape().bounds();
    for (int t = 0; t < TRIES; t++) {
      double x = b[0] + (b[1] - b[0]) * rng.nextDouble();
      double u = b[2] + (b[3] - b[2]) * rng.nextDouble();
      if (!host.shape().covers(x, u)) {
        continue;
      }
      double r = MIN_RADIUS_MM + (MAX_RADIUS_MM - MIN_RADIUS_MM) * rng.nextDouble();
      double a = r * (0.8 + 0.4 * rng.nextDouble());
      double c = r * (0.8 + 0.4 * rng.nextDouble());
      double angle = 180 * rng.nextDouble();
      boolean mild = rng.nextDouble() < MILD_PROBABILITY;
      double contrast = mild ? MILD_MIN + (MILD_MAX - MILD_MIN) * rng.nextDouble()
          : INTENSE_MIN + (INTENSE_MAX - INTENSE_MIN) * rng.nextDouble();
      double depth = Math.min(r, Math.max(MIN_DEPTH_MM, host.shape().pathMm(x, u) / 2));
      UptakeSource source = new UptakeSource(PlanarShape.oval(x, u, a, c, depth, angle),
          (contrast - 1) * host.concentration(), host.depthFraction(), host.thicknessMm(), host.site());
      return new PlacedLesion(source, host.site(), x, u, a, c, angle);
    }
    return null;
  }

  private static boolean overlaps(PlacedLesion p, PlacedLesion q) {
    double reach = Math.max(p.semiA(), p.semiB()) + Math.max(q.semiA(), q.semiB());
    return Math.hypot(p.x() - q.x(), p.u() - q.u()) < reach;
  }
}
