package io.petal.ingest.dicom;

import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomFormatException;
import io.petal.io.dicom.DicomObject;
import io.petal.io.dicom.DicomTags;
import io.petal.schema.SlicesTable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which view (anterior or posterior) each frame of a planar NM image shows. In order:
 * <ol>
 *   <li>the frame's detector (DetectorVector, one value per frame, or the only detector) and that
 *       detector's ViewCodeSequence in DetectorInformationSequence — how dual-head whole-body
 *       sweeps are stored;</li>
 *   <li>for a single-frame image, a top-level ViewCodeSequence;</li>
 *   <li>for a single-frame image, a view word (ANT, ANTERIOR, POST, POSTERIOR) in SeriesDescription
 *       or ImageType — but not both words.</li>
 * </ol>
 * A code is read by its CodeMeaning ("anterior projection" → anterior: the meaning starts with
 * "ant" or "post") or by its SNOMED CT value (399321004 anterior projection, 399001007 posterior
 * projection). Other views (lateral, oblique) are not supported.
 */
final class NmFrameViews {
  static final String ANTERIOR_CODE = "399321004";
  static final String POSTERIOR_CODE = "399001007";
  private static final Set<String> ANTERIOR_WORDS = Set.of("ANT", "ANTERIOR");
  private static final Set<String> POSTERIOR_WORDS = Set.of("POST", "POSTERIOR");

  private NmFrameViews() {}

  /**
   * The view of frame {@code frame} (0-based) of {@code frames} in dataset {@code ds} of file
   * {@code fileName}, as a {@link SlicesTable#VIEW} value.
   *
   * @throws StudyRejectedException naming the file and frame when no view can be found, or the
   *     view is neither anterior nor posterior
   */
  static String of(DicomObject ds, int frame, int frames, String fileName) throws DicomFormatException,
      StudyRejectedException {
    String view = fromDetector(ds, frame, frames);
    if (view == null && frames == 1) {
      view = fromCodes(ds.getSequence(DicomTags.VIEW_CODE_SEQUENCE));
    }
    if (view == null && frames == 1) {
      view = fromText(ds.getString(DicomTags.SERIES_DESCRIPTION, "") + " "
          + String.join(" ", ds.getStrings(DicomTags.IMAGE_TYPE)));
    }
    if (view == null) {
      throw new StudyRejectedException(fileName + (frames > 1 ? " frame " + (frame + 1) + " of " + frames : "")
          + " names no view: expected a ViewCodeSequence (in its detector's DetectorInformationSequence item"
          + (frames > 1 ? ", the detector given by DetectorVector" : " or at the top level")
          + ") or ANT/POST in SeriesDescription");
    }
    if (view.isEmpty()) {
      throw new StudyRejectedException(fileName + (frames > 1 ? " frame " + (frame + 1) : "")
          + " is neither an anterior nor a posterior view; other planar views are not supported");
    }
    return view;
  }

  /** The view of the frame's detector; null when the file does not say which detector or what it saw. */
  private static String fromDetector(DicomObject ds, int frame, int frames) throws DicomFormatException {
    List<DicomObject> detectors = ds.getSequence(DicomTags.DETECTOR_INFORMATION_SEQUENCE);
    int[] vector = ds.getInts(DicomTags.DETECTOR_VECTOR);
    int detector = vector.length == frames ? vector[frame] : detectors.size() == 1 ? 1 : 0;
    if (detector < 1 || detector > detectors.size()) {
      return null;
    }
    return fromCodes(detectors.get(detector - 1).getSequence(DicomTags.VIEW_CODE_SEQUENCE));
  }

  /** The view of a code sequence's first item; "" for another view; null without a usable code. */
  private static String fromCodes(List<DicomObject> codes) throws DicomFormatException {
    if (codes.isEmpty()) {
      return null;
    }
    DicomObject code = codes.get(0);
    String meaning = code.getString(DicomTags.CODE_MEANING, "").strip().toLowerCase(Locale.ROOT);
    String value = code.getString(DicomTags.CODE_VALUE, "").strip();
    if (meaning.startsWith("ant") || value.equals(ANTERIOR_CODE)) {
      return SlicesTable.ANTERIOR;
    }
    if (meaning.startsWith("post") || value.equals(POSTERIOR_CODE)) {
      return SlicesTable.POSTERIOR;
    }
    return meaning.isEmpty() && value.isEmpty() ? null : "";
  }

  /** The view named by exactly one view word of {@code text}; null otherwise. */
  private static String fromText(String text) {
    boolean anterior = false;
    boolean posterior = false;
    for (String word : text.toUpperCase(Locale.ROOT).split("[^A-Z]+")) {
      anterior |= ANTERIOR_WORDS.contains(word);
      posterior |= POSTERIOR_WORDS.contains(word);
    }
    return anterior == posterior ? null : anterior ? SlicesTable.ANTERIOR : SlicesTable.POSTERIOR;
  }
}
