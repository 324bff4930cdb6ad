package io.petal.report;

/**
 * One axial slice shown as an example: PET, CT, the anomaly map and the true and predicted masks
 * of one case, all on the same pixel grid.
 *
 * <p><b>Layout.</b> Every array is {@code [height][width]} flattened row-major ({@code x} fastest,
 * index {@code y * width + x}), row 0 shown at the top and column 0 at the left. For an axial slice
 * of an LPS-aligned grid ({@link io.petal.image.ImageGrid}, x towards the patient's left, y towards
 * posterior) the stored order is already the radiological display (patient's right on the
 * viewer's left, anterior up). Arrays are not copied.
 *
 * @param caseId the case's pseudonym key (shown shortened, {@link CaseIds})
 * @param predictedBy the method whose mask {@code predicted} is (shown in the caption)
 * @param sliceIndex slice index in the study's grid (k)
 * @param zMm the slice's position along the patient axis, mm
 * @param width pixels per row (columns)
 * @param height rows
 * @param columnSpacingMm pixel size along a row (between columns), mm
 * @param rowSpacingMm pixel size along a column (between rows), mm
 * @param petSuv PET in SUV
 * @param ctHu CT in HU
 * @param anomaly anomaly map (the method's units, ≥ 0 is shown), or null when there is none
 * @param truth true lesion mask
 * @param predicted predicted lesion mask, or null when no method predicted one
 */
public record ExampleSlice(String caseId, String predictedBy, int sliceIndex, double zMm, int width, int height,
    double columnSpacingMm, double rowSpacingMm, float[] petSuv, float[] ctHu, float[] anomaly, boolean[] truth,
    boolean[] predicted) {

  public ExampleSlice {
    if (caseId == null || caseId.isBlank()) {
      throw new IllegalArgumentException("an example slice needs a case id");
    }
    String where = "example slice " + sliceIndex + " of case " + CaseIds.shortId(caseId);
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(where + ": size must be positive, got " + width + " x " + height);
    }
    if (!(columnSpacingMm > 0) || !(rowSpacingMm > 0) || Double.isInfinite(columnSpacingMm)
        || Double.isInfinite(rowSpacingMm)) {
      throw new IllegalArgumentException(where + ": pixel spacing must be finite and positive (mm), got "
          + columnSpacingMm + " x " + rowSpacingMm);
    }
    int pixels = width * height;
    requireLength(where, "PET", petSuv == null ? -1 : petSuv.length, pixels);
    requireLength(where, "CT", ctHu == null ? -1 : ctHu.length, pixels);
    requireLength(where, "true mask", truth == null ? -1 : truth.length, pixels);
    if (anomaly != null) {
      requireLength(where, "anomaly map", anomaly.length, pixels);
    }
    if (predicted != null) {
      requireLength(where, "predicted mask", predicted.length, pixels);
    }
  }

  /** A mask from label bytes (uint8, any non-zero label is lesion), e.g. a slice's label plane. */
  public static boolean[] mask(byte[] labels) {
    boolean[] mask = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      mask[i] = labels[i] != 0;
    }
    return mask;
  }

  /** Field of view across a row, mm. */
  public double widthMm() {
    return width * columnSpacingMm;
  }

  /** Field of view down a column, mm. */
  public double heightMm() {
    return height * rowSpacingMm;
  }

  private static void requireLength(String where, String what, int length, int pixels) {
    if (length != pixels) {
      throw new IllegalArgumentException(where + ": the " + what + (length < 0 ? " is missing"
          : " has " + length + " values") + ", the grid has " + pixels + " pixels");
    }
  }
}
