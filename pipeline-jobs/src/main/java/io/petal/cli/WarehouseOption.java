package io.petal.cli;

import io.petal.warehouse.Warehouse;
import picocli.CommandLine.Option;

/** {@code --warehouse W}, shared by every command that reads or writes tables. */
public final class WarehouseOption {
  @Option(names = "--warehouse", paramLabel = "W", defaultValue = Warehouse.DEFAULT_ROOT,
      description = "Warehouse root on any Hadoop filesystem (file://, hdfs://, local path); "
          + "tables at W/tables/<name>/, models at W/models/<name>/, reports at W/reports/<run>/. "
          + "Default: ${DEFAULT-VALUE}")
  String root;

  public Warehouse warehouse() {
    return new Warehouse(root);
  }
}
