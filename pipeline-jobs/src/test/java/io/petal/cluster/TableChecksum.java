package io.petal.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/**
 * What two runs of a stage must agree on for one table, computed with Spark: the row count, the
 * number of distinct keys (equal to the rows when nothing is duplicated) and an order-independent
 * content checksum, the exact sum over all rows of a 64-bit hash (xxhash64) of every column -
 * tensor bytes included - except the ignored ones (e.g. a timestamp of the run). Map columns are
 * hashed as their entries sorted by key.
 */
record TableChecksum(long rows, long distinctKeys, String hashSum) {

  static TableChecksum of(Dataset<Row> table, List<String> keys, Set<String> ignored) {
    Column[] hashed = Arrays.stream(table.schema().fields())
        .filter(f -> !ignored.contains(f.name()))
        .sorted((a, b) -> a.name().compareTo(b.name()))
        .map(TableChecksum::hashable)
        .toArray(Column[]::new);
    Column[] keyCols = keys.stream().map(functions::col).toArray(Column[]::new);
    Row r = table.agg(functions.count(functions.lit(1)),
        functions.countDistinct(keyCols[0], Arrays.copyOfRange(keyCols, 1, keyCols.length)),
        functions.sum(functions.xxhash64(hashed).cast("decimal(38,0)"))).first();
    return new TableChecksum(r.getLong(0), r.getLong(1), String.valueOf(r.get(2)));
  }

  private static Column hashable(StructField f) {
    Column c = functions.col(f.name());
    return f.dataType() instanceof MapType ? functions.array_sort(functions.map_entries(c)) : c;
  }
}
