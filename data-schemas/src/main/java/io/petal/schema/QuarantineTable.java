package io.petal.schema;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.StructType;

/**
 * {@code quarantine}: one row per study that a stage refused, with a reason a person understands.
 *
 * <p>{@link #SOURCE} is the input's location relative to the cohort root (a manifest row number
 * and path, or a folder), so the operator can find the files; it never holds a patient name or
 * birth date, and ids inside it are the operator's own paths, not source patient ids copied from
 * headers.
 */
public final class QuarantineTable extends TableDefinition {
  public static final String NAME = "quarantine";
  public static final int VERSION = 1;

  /** Where the bad input lies, relative to the cohort root. */
  public static final String SOURCE = "source";
  /** The stage that refused it ({@code ingest}, {@code score}, …). */
  public static final String STAGE = "stage";
  /** Why, in words: the file and the problem. */
  public static final String REASON = "reason";
  /** Content hash of the refused input (so an unchanged bad study is not retried every night). */
  public static final String CONTENT_HASH = "content_hash";
  /** When (UTC). */
  public static final String QUARANTINED_AT = "quarantined_at";

  private static final StructType SCHEMA = new StructType()
      .add(Columns.COHORT, StringType, false)
      .add(Columns.STUDY_KEY, StringType, true)
      .add(SOURCE, StringType, false)
      .add(STAGE, StringType, false)
      .add(REASON, StringType, false)
      .add(CONTENT_HASH, StringType, true)
      .add(QUARANTINED_AT, TimestampType, false)
      .add(Columns.SCHEMA_VERSION, IntegerType, false);

  /** The contract (created after {@code SCHEMA}, which it holds). */
  public static final QuarantineTable INSTANCE = new QuarantineTable();

  private QuarantineTable() {
    super(NAME, VERSION, SCHEMA);
  }
}
