package io.petal.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Patient-level K-fold assignment: every patient is in the test set of exactly one fold and in the
 * training set of all others, so no patient's slices or studies are on both sides of a split.
 *
 * <p>The patients are ordered by SHA-256 of {@code "<seed>:<patient key>"} (ties by key) and dealt
 * to folds 1, 2, …, K, 1, 2, … in that order: a seeded shuffle that does not depend on the order
 * the patients are given in, with fold sizes that differ by at most one.
 */
public final class PatientFolds {
  private PatientFolds() {}

  /**
   * @return patient key → its test fold (1..k), in hash order
   * @throws IllegalArgumentException when k < 2 or there are fewer patients than folds
   */
  public static Map<String, Integer> assign(Collection<String> patientKeys, int k, long seed) {
    Set<String> patients = new TreeSet<>(patientKeys);
    if (k < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
    }
    if (patients.size() < k) {
      throw new IllegalArgumentException(k + "-fold cross-validation needs at least " + k + " patients, there are "
          + patients.size());
    }
    List<String> order = new ArrayList<>(patients);
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String p : order) {
      hashes.put(p, hash(seed, p));
    }
    order.sort(Comparator.comparing((String p) -> hashes.get(p)).thenComparing(Comparator.naturalOrder()));
    Map<String, Integer> folds = new LinkedHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      folds.put(order.get(i), i % k + 1);
    }
    return folds;
  }

  /** The K folds of an assignment, fold 1 first. */
  public static List<Fold> folds(Map<String, Integer> assignment, int k) {
    List<Fold> out = new ArrayList<>();
    for (int f = 1; f <= k; f++) {
      Set<String> test = new TreeSet<>();
      Set<String> train = new TreeSet<>();
      for (Map.Entry<String, Integer> e : assignment.entrySet()) {
        (e.getValue() == f ? test : train).add(e.getKey());
      }
      out.add(new Fold(f, k, train, test));
    }
    return out;
  }

  private static String hash(long seed, String patient) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((seed + ":" + patient).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
