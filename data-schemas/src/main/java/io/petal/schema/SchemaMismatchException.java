package io.petal.schema;

/** A table on disk does not match the contract this build reads. */
public final class SchemaMismatchException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public SchemaMismatchException(String table, String reason) {
    super("table '" + table + "' does not match its contract: " + reason);
  }
}
