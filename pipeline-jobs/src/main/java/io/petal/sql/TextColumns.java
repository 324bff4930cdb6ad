package io.petal.sql;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A result with every column turned into text by Spark, for the text formats: arrays, maps and
 * structs as JSON, binary as base64, numbers, dates and timestamps (session time zone, UTC for
 * Petal) as Spark casts them to strings. Nulls stay null.
 */
final class TextColumns {
  private TextColumns() {}

  static Dataset<Row> of(Dataset<Row> result) {
    Column[] text = Arrays.stream(result.schema().fields()).map(TextColumns::asText).toArray(Column[]::new);
    return result.select(text);
  }

  /** True when the column holds numbers (right-aligned in a text table). */
  static boolean numeric(DataType t) {
    return t instanceof org.apache.spark.sql.types.NumericType;
  }

  private static Column asText(StructField f) {
    Column c = functions.col("`" + f.name().replace("`", "``") + "`");
    DataType t = f.dataType();
    Column text;
    if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) {
      text = functions.to_json(c);
    } else if (t instanceof BinaryType) {
      text = functions.base64(c);
    } else {
      text = c.cast("string");
    }
    return text.as(f.name());
  }
}
