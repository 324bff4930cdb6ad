package io.petal.suv;

/**
 * A PET series whose header does not define SUV: the study goes to quarantine with {@link
 * #getMessage()} as the reason.
 *
 * <p>Unchecked so that it can leave Spark functions; callers that quarantine catch it explicitly.
 * The message names the DICOM attribute and the offending value, for example {@code Units 'PROPCPS'
 * is not a supported PET unit (BQML, CNTS, GML)}.
 */
public class SuvException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** DICOM keyword of the attribute at fault (e.g. {@code PatientWeight}). */
  private final String attribute;

  /**
   * @param attribute DICOM keyword of the attribute at fault, or of the first of several
   * @param message the reason, naming the attribute and its value
   */
  public SuvException(String attribute, String message) {
    super(message);
    this.attribute = attribute;
  }

  /** DICOM keyword of the attribute at fault, for grouping quarantine reasons. */
  public String attribute() {
    return attribute;
  }
}
