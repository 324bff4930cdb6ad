package io.petal.report;

/** The two levels at which scores are ranked against the truth. */
public enum RankingLevel {
  /** A slice's score against "the slice contains a lesion voxel". */
  SLICE("slice", "slice score vs. slice contains lesion"),
  /** A voxel's value against "the voxel is lesion". */
  PIXEL("pixel", "voxel value vs. voxel is lesion");

  private final String key;
  private final String meaning;

  RankingLevel(String key, String meaning) {
    this.key = key;
    this.meaning = meaning;
  }

  /** Lower-case name used in file columns and JSON keys ({@code slice}, {@code pixel}). */
  public String key() {
    return key;
  }

  /** What is ranked against what, in words. */
  public String meaning() {
    return meaning;
  }
}
