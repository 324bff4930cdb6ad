package io.petal.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of study Petal ingests ({@code studies.kind}, {@code slices.kind}, manifest column
 * {@code kind}): which channels a complete study of the kind has, in tensor order, their units,
 * and whether its {@code slices} rows are axial slices of a volume or planar views.
 */
public enum StudyKind {
  /** Whole-body FDG PET/CT: PET in SUV (body weight) and CT in HU on the PET grid (CT may be absent). */
  PET_CT("pet-ct", List.of("PET", "CT"), List.of("SUV", "HU"), false),
  /**
   * Brain MRI in the BraTS layout: four co-registered contrasts in arbitrary scanner units (native
   * T1, contrast-enhanced T1, T2, FLAIR) and a multi-class tumour label ({@link BratsLabels}).
   */
  BRAIN_MRI("brain-mri", List.of("t1", "t1ce", "t2", "flair"), List.of("a.u.", "a.u.", "a.u.", "a.u."), false),
  /**
   * Whole-body planar bone scintigraphy (DICOM NM): one channel of detected counts per pixel, one
   * {@code slices} row per view ({@link SlicesTable#ANTERIOR}, {@link SlicesTable#POSTERIOR}).
   */
  SPECT_BONE("spect-bone", List.of("counts"), List.of("counts"), true);

  private final String id;
  private final List<String> channels;
  private final List<String> units;
  private final boolean planar;

  StudyKind(String id, List<String> channels, List<String> units, boolean planar) {
    this.id = id;
    this.channels = channels;
    this.units = units;
    this.planar = planar;
  }

  /** The name in the tables and on the command line ({@code pet-ct}, {@code brain-mri}, {@code spect-bone}). */
  public String id() {
    return id;
  }

  /** Channel names of a complete study, in tensor order. */
  public List<String> channels() {
    return channels;
  }

  /** Units of {@link #channels()}, in the same order. */
  public List<String> units() {
    return units;
  }

  /** True when the study's slices are planar views rather than axial slices of a volume. */
  public boolean planar() {
    return planar;
  }

  /** The kind named {@code id} (case-insensitive, surrounding blanks ignored). */
  public static StudyKind of(String id) {
    String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    for (StudyKind k : values()) {
      if (k.id.equals(wanted)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown study kind '" + id + "': expected one of " + ids());
  }

  /** Every kind's id, comma-separated (for messages and help texts). */
  public static String ids() {
    return Arrays.stream(values()).map(StudyKind::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
