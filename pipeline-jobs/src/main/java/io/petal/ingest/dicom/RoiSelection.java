package io.petal.ingest.dicom;

import io.petal.ingest.StudyRejectedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which structures of an RTSTRUCT (ROIs, matched by ROIName) or a DICOM SEG (segments, matched by
 * SegmentLabel) to rasterise, and how to label them. Immutable.
 *
 * <p>Names match case-insensitively, ignoring surrounding blanks. An unknown name makes the study
 * unusable for the caller's purpose and fails with a {@link StudyRejectedException} that lists the
 * names the file does have.
 *
 * <p>Label values: by default every kept structure is written as 1 (their union, a binary mask).
 * With {@link #labelledSeparately()} each keeps its own number from the file, the ROINumber
 * (3006,0022) of an RTSTRUCT ROI or the SegmentNumber (0062,0004) of a SEG segment; where two kept
 * structures overlap, the higher number wins.
 */
public final class RoiSelection {
  private final List<String> names; // empty: every structure
  private final boolean separateLabels;

  private RoiSelection(List<String> names, boolean separateLabels) {
    this.names = names;
    this.separateLabels = separateLabels;
  }

  /** Every structure of the file, as a union labelled 1. */
  public static RoiSelection all() {
    return new RoiSelection(List.of(), false);
  }

  /** The structures with these names (case-insensitive), as a union labelled 1. */
  public static RoiSelection named(String... names) {
    if (names.length == 0) {
      throw new IllegalArgumentException("name at least one structure, or use RoiSelection.all()");
    }
    List<String> list = new ArrayList<>();
    for (String n : names) {
      Objects.requireNonNull(n, "structure name");
      if (n.isBlank()) {
        throw new IllegalArgumentException("structure names must not be blank");
      }
      list.add(n.strip());
    }
    return new RoiSelection(List.copyOf(list), false);
  }

  /** The same structures, each labelled with its own number from the file instead of 1. */
  public RoiSelection labelledSeparately() {
    return new RoiSelection(names, true);
  }

  /** True when every structure is kept. */
  public boolean keepsAll() {
    return names.isEmpty();
  }

  /** The requested names, as given; empty when every structure is kept. */
  public List<String> names() {
    return names;
  }

  /** True when each structure keeps its own number as label, false for a union labelled 1. */
  public boolean separateLabels() {
    return separateLabels;
  }

  /** The label value written for a kept structure whose number in the file is {@code number}. */
  public float labelFor(int number) {
    return separateLabels ? number : 1f;
  }

  /**
   * The kept structures of {@code available}, in their file order.
   *
   * @param nameOf a structure's name (ROIName, SegmentLabel)
   * @param source the file, for the message
   * @param kind what the structures are called in the message ("ROI", "segment")
   * @throws StudyRejectedException when a requested name matches none of them
   */
  <T> List<T> select(List<T> available, Function<T, String> nameOf, String source, String kind)
      throws StudyRejectedException {
    if (keepsAll()) {
      return available;
    }
    List<T> kept = new ArrayList<>();
    for (String wanted : names) {
      boolean found = false;
      for (T s : available) {
        if (matches(nameOf.apply(s), wanted)) {
          found = true;
          if (!kept.contains(s)) {
            kept.add(s);
          }
        }
      }
      if (!found) {
        List<String> have = available.stream().map(nameOf).toList();
        throw new StudyRejectedException(String.format(Locale.ROOT,
            "%s has no %s named '%s'; its %ss are %s", source, kind, wanted, kind, have));
      }
    }
    kept.sort((a, b) -> Integer.compare(available.indexOf(a), available.indexOf(b)));
    return kept;
  }

  private static boolean matches(String name, String wanted) {
    return name != null && name.strip().equalsIgnoreCase(wanted);
  }

  @Override
  public String toString() {
    return (keepsAll() ? "all structures" : "structures " + names)
        + (separateLabels ? ", each labelled with its number" : ", as a union labelled 1");
  }
}
