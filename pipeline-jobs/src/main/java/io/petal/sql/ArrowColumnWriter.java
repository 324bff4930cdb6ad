package io.petal.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * Writes Spark values (as a {@link Row} holds them: boxed numbers, String, byte[],
 * java.sql/java.time dates and timestamps, BigDecimal, Scala Seq and Map, Row) into an Arrow
 * vector made from {@link ArrowSchemas}. A null value leaves the slot null (Arrow vectors start
 * all-null after {@code allocateNew}).
 */
abstract class ArrowColumnWriter {
  /** Writes a non-null {@code value} at {@code index}. */
  abstract void set(int index, Object value);

  final void write(int index, Object value) {
    if (value != null) {
      set(index, value);
    }
  }

  /** The writer for {@code vector}, which holds Spark type {@code type}. */
  static ArrowColumnWriter of(FieldVector vector, DataType type) {
    if (vector instanceof MapVector v && type instanceof MapType m) {
      return new MapWriter(v, m);
    }
    if (vector instanceof ListVector v && type instanceof ArrayType a) {
      return new ListWriter(v, a);
    }
    if (vector instanceof StructVector v && type instanceof StructType s) {
      return new StructWriter(v, s);
    }
    return primitive(vector);
  }

  private static ArrowColumnWriter primitive(FieldVector vector) {
    if (vector instanceof BitVector v) {
      return lambda((i, x) -> v.setSafe(i, (Boolean) x ? 1 : 0));
    } else if (vector instanceof TinyIntVector v) {
      return lambda((i, x) -> v.setSafe(i, (Byte) x));
    } else if (vector instanceof SmallIntVector v) {
      return lambda((i, x) -> v.setSafe(i, (Short) x));
    } else if (vector instanceof IntVector v) {
      return lambda((i, x) -> v.setSafe(i, (Integer) x));
    } else if (vector instanceof BigIntVector v) {
      return lambda((i, x) -> v.setSafe(i, (Long) x));
    } else if (vector instanceof Float4Vector v) {
      return lambda((i, x) -> v.setSafe(i, (Float) x));
    } else if (vector instanceof Float8Vector v) {
      return lambda((i, x) -> v.setSafe(i, (Double) x));
    } else if (vector instanceof VarCharVector v) {
      return lambda((i, x) -> v.setSafe(i, ((String) x).getBytes(StandardCharsets.UTF_8)));
    } else if (vector instanceof VarBinaryVector v) {
      return lambda((i, x) -> v.setSafe(i, (byte[]) x));
    } else if (vector instanceof DateDayVector v) {
      return lambda((i, x) -> v.setSafe(i, (int) epochDay(x)));
    } else if (vector instanceof TimeStampMicroTZVector v) {
      return lambda((i, x) -> v.setSafe(i, micros(x instanceof Timestamp t ? t.toInstant() : (Instant) x)));
    } else if (vector instanceof TimeStampMicroVector v) {
      return lambda((i, x) -> v.setSafe(i, micros(((LocalDateTime) x).toInstant(ZoneOffset.UTC))));
    } else if (vector instanceof DecimalVector v) {
      return lambda((i, x) -> v.setSafe(i, ((BigDecimal) x).setScale(v.getScale(), RoundingMode.UNNECESSARY)));
    } else if (vector instanceof NullVector) {
      return lambda((i, x) -> { });
    }
    throw new IllegalArgumentException("no Arrow writer for " + vector.getField());
  }

  private static long epochDay(Object date) {
    return date instanceof java.sql.Date d ? d.toLocalDate().toEpochDay() : ((LocalDate) date).toEpochDay();
  }

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  private interface Setter {
    void set(int index, Object value);
  }

  private static ArrowColumnWriter lambda(Setter s) {
    return new ArrowColumnWriter() {
      @Override
      void set(int index, Object value) {
        s.set(index, value);
      }
    };
  }

  /** Spark arrays: a Scala Seq (or a java List). */
  private static final class ListWriter extends ArrowColumnWriter {
    private final ListVector vector;
    private final ArrowColumnWriter elements;

    ListWriter(ListVector vector, ArrayType type) {
      this.vector = vector;
      this.elements = of(vector.getDataVector(), type.elementType());
    }

    @Override
    void set(int index, Object value) {
      List<?> items = value instanceof scala.collection.Seq<?> s ? JavaConverters.seqAsJavaList(s) : (List<?>) value;
      int start = vector.startNewValue(index);
      for (int n = 0; n < items.size(); n++) {
        elements.write(start + n, items.get(n));
      }
      vector.endValue(index, items.size());
    }
  }

  /** Spark maps: a Scala Map (or a java Map), as a list of key/value structs. */
  private static final class MapWriter extends ArrowColumnWriter {
    private final MapVector vector;
    private final StructVector entries;
    private final ArrowColumnWriter keys;
    private final ArrowColumnWriter values;

    MapWriter(MapVector vector, MapType type) {
      this.vector = vector;
      this.entries = (StructVector) vector.getDataVector();
      this.keys = of((FieldVector) entries.getChildByOrdinal(0), type.keyType());
      this.values = of((FieldVector) entries.getChildByOrdinal(1), type.valueType());
    }

    @Override
    void set(int index, Object value) {
      Map<?, ?> map = value instanceof scala.collection.Map<?, ?> m ? JavaConverters.mapAsJavaMap(m) : (Map<?, ?>) value;
      int start = vector.startNewValue(index);
      int n = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        entries.setIndexDefined(start + n);
        keys.write(start + n, e.getKey());
        values.write(start + n, e.getValue());
        n++;
      }
      vector.endValue(index, n);
    }
  }

  /** Spark structs: a Row. */
  private static final class StructWriter extends ArrowColumnWriter {
    private final StructVector vector;
    private final ArrowColumnWriter[] children;

    StructWriter(StructVector vector, StructType type) {
      this.vector = vector;
      this.children = new ArrowColumnWriter[type.fields().length];
      for (int c = 0; c < children.length; c++) {
        children[c] = of((FieldVector) vector.getChildByOrdinal(c), type.fields()[c].dataType());
      }
    }

    @Override
    void set(int index, Object value) {
      Row row = (Row) value;
      vector.setIndexDefined(index);
      for (int c = 0; c < children.length; c++) {
        children[c].write(index, row.get(c));
      }
    }
  }
}
