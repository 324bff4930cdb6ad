package io.petal.ingest;

/**
 * A study cannot be ingested; the message says which file and why, in words a data engineer
 * understands. The study goes to the quarantine table; the job goes on.
 */
public final class StudyRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  public StudyRejectedException(String reason) {
    super(reason);
  }

  public StudyRejectedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
