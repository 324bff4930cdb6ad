package io.petal.report;

/**
 * How a report shows a patient: by the first {@value #SHOWN_CHARS} characters of its pseudonym
 * key. Keys are already pseudonyms (keyed hashes, {@link io.petal.privacy.Pseudonymizer}); the
 * report shortens them further so that it cannot be joined back to the warehouse by a casual
 * reader. With hex keys that is 32 bits: collisions are negligible below tens of thousands of
 * patients.
 */
public final class CaseIds {
  /** Characters of a pseudonym a report shows. */
  public static final int SHOWN_CHARS = 8;

  private CaseIds() {}

  /** The first {@value #SHOWN_CHARS} characters of {@code caseId} (all of a shorter one). */
  public static String shortId(String caseId) {
    return caseId.length() <= SHOWN_CHARS ? caseId : caseId.substring(0, SHOWN_CHARS);
  }
}
