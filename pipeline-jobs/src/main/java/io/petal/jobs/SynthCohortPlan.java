package io.petal.jobs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which synthetic patients a cohort has: ids, normal or abnormal, and the train/test split.
 * Deterministic in the seed: abnormal patients are spread over the indices by a seeded shuffle,
 * and within each group every {@value #TEST_EVERY}th patient (after its own shuffle) is held out
 * for {@code test}, so both groups appear in both splits.
 */
public final class SynthCohortPlan {
  /** One patient in four goes to the test split (at least one of each group when it has two or more). */
  static final int TEST_EVERY = 4;

  /** One planned patient (one study each). */
  public record Patient(int index, String patientId, String studyId, boolean abnormal, String split)
      implements Serializable {}

  private SynthCohortPlan() {}

  /** The plan for {@code normal + abnormal} patients. */
  public static List<Patient> plan(int normal, int abnormal, long seed) {
    if (normal < 0 || abnormal < 0 || normal + abnormal == 0) {
      throw new IllegalArgumentException("a synthetic cohort needs at least one patient (--normal N --abnormal M)");
    }
    int n = normal + abnormal;
    List<Boolean> isAbnormal = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      isAbnormal.add(i < abnormal);
    }
    Collections.shuffle(isAbnormal, new Random(seed));
    List<Integer> normals = new ArrayList<>();
    List<Integer> abnormals = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      (isAbnormal.get(i) ? abnormals : normals).add(i);
    }
    boolean[] test = new boolean[n];
    markTest(normals, test, new Random(seed * 31 + 1));
    markTest(abnormals, test, new Random(seed * 31 + 2));
    List<Patient> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Patient(i, String.format("SYN%04d", i + 1), "study-01", isAbnormal.get(i), test[i] ? "test" : "train"));
    }
    return out;
  }

  private static void markTest(List<Integer> group, boolean[] test, Random rnd) {
    if (group.size() < 2) {
      return;
    }
    List<Integer> order = new ArrayList<>(group);
    Collections.shuffle(order, rnd);
    int nTest = Math.max(1, group.size() / TEST_EVERY);
    for (int t = 0; t < nTest; t++) {
      test[order.get(t)] = true;
    }
  }
}
