package io.petal.schema;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The contract of one Petal table: its name (the folder under {@code W/tables/}), its Spark
 * schema and its schema version.
 *
 * <p>Every row carries {@link #SCHEMA_VERSION_COLUMN}; a reader that meets a version it does not
 * know fails with {@link SchemaMismatchException} instead of misreading the data.
 */
public interface TableContract {
  /** Column present in every table: the schema version the row was written with. */
  String SCHEMA_VERSION_COLUMN = "schema_version";

  /** Table name, also its folder name under {@code W/tables/}. */
  String name();

  /** Version of this contract; bump it on any incompatible change. */
  int schemaVersion();

  /** The Spark schema, {@link #SCHEMA_VERSION_COLUMN} included. */
  StructType schema();

  /** Partition columns used when writing (may be empty). */
  default String[] partitionColumns() {
    return new String[0];
  }

  /**
   * Checks that {@code table} (as read back) has every column of this contract with the same
   * type and only rows of this schema version.
   *
   * @throws SchemaMismatchException naming the table and what differs
   */
  default Dataset<Row> requireCompatible(Dataset<Row> table) {
    StructType actual = table.schema();
    Set<String> present = Arrays.stream(actual.fields()).map(StructField::name).collect(Collectors.toSet());
    for (StructField expected : schema().fields()) {
      if (!present.contains(expected.name())) {
        throw new SchemaMismatchException(name(), "column '" + expected.name() + "' is missing");
      }
      StructField got = actual.apply(expected.name());
      if (!got.dataType().sameType(expected.dataType())) {
        throw new SchemaMismatchException(name(), "column '" + expected.name() + "' is "
            + got.dataType().simpleString() + ", expected " + expected.dataType().simpleString());
      }
    }
    Row[] versions = (Row[]) table.select(SCHEMA_VERSION_COLUMN).distinct().limit(5).collect();
    for (Row v : versions) {
      if (v.isNullAt(0) || v.getInt(0) != schemaVersion()) {
        throw new SchemaMismatchException(name(), "rows have schema version "
            + (v.isNullAt(0) ? "null" : v.getInt(0)) + ", this build reads version " + schemaVersion());
      }
    }
    return table;
  }
}
