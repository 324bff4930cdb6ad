package io.petal.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Spark SQL types as Arrow types (the mapping Spark's own Arrow support uses): integers and
 * floats of the same width, string → Utf8, binary → Binary, date → Date(DAY), timestamp →
 * Timestamp(MICROSECOND, UTC), timestamp_ntz → Timestamp(MICROSECOND) without zone, decimal(p, s)
 * → Decimal(p, s, 128), array → List (child {@code element}), map → Map (child {@code entries}:
 * struct of {@code key}, {@code value}), struct → Struct.
 */
final class ArrowSchemas {
  /** Time zone of Arrow timestamps: Spark timestamps are instants, Petal's session zone is UTC. */
  static final String TIME_ZONE = "UTC";

  private ArrowSchemas() {}

  static Schema of(StructType spark) {
    List<Field> fields = new ArrayList<>();
    for (StructField f : spark.fields()) {
      fields.add(field(f.name(), f.dataType(), f.nullable()));
    }
    return new Schema(fields);
  }

  static Field field(String name, DataType t, boolean nullable) {
    if (t instanceof ArrayType a) {
      return new Field(name, new FieldType(nullable, ArrowType.List.INSTANCE, null),
          List.of(field("element", a.elementType(), a.containsNull())));
    }
    if (t instanceof MapType m) {
      Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE),
          List.of(field("key", m.keyType(), false), field("value", m.valueType(), m.valueContainsNull())));
      return new Field(name, new FieldType(nullable, new ArrowType.Map(false), null), List.of(entries));
    }
    if (t instanceof StructType s) {
      List<Field> children = new ArrayList<>();
      for (StructField f : s.fields()) {
        children.add(field(f.name(), f.dataType(), f.nullable()));
      }
      return new Field(name, new FieldType(nullable, ArrowType.Struct.INSTANCE, null), children);
    }
    return new Field(name, new FieldType(nullable, primitive(name, t), null), List.of());
  }

  private static ArrowType primitive(String name, DataType t) {
    if (t instanceof BooleanType) {
      return ArrowType.Bool.INSTANCE;
    } else if (t instanceof ByteType) {
      return new ArrowType.Int(8, true);
    } else if (t instanceof ShortType) {
      return new ArrowType.Int(16, true);
    } else if (t instanceof IntegerType) {
      return new ArrowType.Int(32, true);
    } else if (t instanceof LongType) {
      return new ArrowType.Int(64, true);
    } else if (t instanceof FloatType) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    } else if (t instanceof DoubleType) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    } else if (t instanceof StringType) {
      return ArrowType.Utf8.INSTANCE;
    } else if (t instanceof BinaryType) {
      return ArrowType.Binary.INSTANCE;
    } else if (t instanceof DateType) {
      return new ArrowType.Date(DateUnit.DAY);
    } else if (t instanceof TimestampType) {
      return new ArrowType.Timestamp(TimeUnit.MICROSECOND, TIME_ZONE);
    } else if (t instanceof TimestampNTZType) {
      return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
    } else if (t instanceof DecimalType d) {
      return new ArrowType.Decimal(d.precision(), d.scale(), 128);
    } else if (t instanceof NullType) {
      return ArrowType.Null.INSTANCE;
    }
    throw new IllegalArgumentException("column " + name + " has type " + t.simpleString()
        + ", which has no Arrow export; cast it in the query (e.g. CAST(" + name + " AS STRING))");
  }
}
