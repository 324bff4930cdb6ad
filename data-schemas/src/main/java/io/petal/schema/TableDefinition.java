package io.petal.schema;

import org.apache.spark.sql.types.StructType;

/** A {@link TableContract} given by its parts; each table class is one instance of it. */
abstract class TableDefinition implements TableContract {
  private final String name;
  private final int version;
  private final StructType schema;
  private final String[] partitionColumns;

  TableDefinition(String name, int version, StructType schema, String... partitionColumns) {
    this.name = name;
    this.version = version;
    this.schema = schema;
    this.partitionColumns = partitionColumns.clone();
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int schemaVersion() {
    return version;
  }

  @Override
  public final StructType schema() {
    return schema;
  }

  @Override
  public final String[] partitionColumns() {
    return partitionColumns.clone();
  }
}
