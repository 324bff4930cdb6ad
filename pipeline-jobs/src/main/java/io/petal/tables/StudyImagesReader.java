package io.petal.tables;

import io.petal.ingest.IngestedTables;
import io.petal.schema.Columns;
import io.petal.schema.SlicesTable;
import io.petal.schema.StudiesTable;
import io.petal.warehouse.Warehouse;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads whole studies back from the {@code slices} table as {@link StudyImages}, one Spark
 * partition at a time, without a shuffle.
 *
 * <p>Ingest writes each study's slices as one Parquet row group, and Spark never splits a row
 * group between partitions, so sorting within partitions by (cohort, study, slice) puts each
 * study's slices next to each other. {@link StudyImages#assemble} checks that every slice arrived
 * and names the study when one did not (e.g. a slices file written by another tool with several
 * row groups).
 */
public final class StudyImagesReader {
  private StudyImagesReader() {}

  /** The committed studies that {@code keep} accepts, keyed by {@link #key(StudyInfo)}, in table order. */
  public static Map<String, StudyInfo> studies(SparkSession spark, Warehouse w, Predicate<StudyInfo> keep) {
    Map<String, StudyInfo> out = new LinkedHashMap<>();
    for (Row r : IngestedTables.read(spark, w, StudiesTable.INSTANCE).collectAsList()) {
      StudyInfo info = StudyInfo.of(r);
      if (keep.test(info)) {
        out.put(key(info), info);
      }
    }
    return out;
  }

  /** Unique key of a study across cohorts: {@code cohort/study_key}. */
  public static String key(StudyInfo info) {
    return key(info.cohort(), info.studyKey());
  }

  /** Unique key of a study across cohorts from its cohort and study key: {@code cohort/study_key}. */
  public static String key(String cohort, String studyKey) {
    return cohort + "/" + studyKey;
  }

  /** The key of a row of a table with {@code cohort} and {@code study_key} columns. */
  public static String key(Row r) {
    return key(r.getString(r.fieldIndex(Columns.COHORT)), r.getString(r.fieldIndex(Columns.STUDY_KEY)));
  }

  /**
   * The rows of {@code table} (any table with {@code cohort} and {@code study_key} columns) that
   * belong to the given studies: a semi-join with a broadcast list of the studies.
   */
  public static Dataset<Row> rowsOf(SparkSession spark, Dataset<Row> table, Map<String, StudyInfo> studies) {
    Dataset<Row> wanted = spark.createDataFrame(
        studies.values().stream().map(s -> RowFactory.create(s.cohort(), s.studyKey())).toList(),
        new StructType()
            .add(Columns.COHORT, DataTypes.StringType)
            .add(Columns.STUDY_KEY, DataTypes.StringType));
    return table.join(functions.broadcast(wanted),
        table.col(Columns.COHORT).equalTo(wanted.col(Columns.COHORT))
            .and(table.col(Columns.STUDY_KEY).equalTo(wanted.col(Columns.STUDY_KEY))), "left_semi");
  }

  /**
   * The given studies' images, lazily, one partition of the slices table per RDD partition.
   * Studies without a slices file are absent from the result.
   */
  public static JavaRDD<StudyImages> read(SparkSession spark, Warehouse w, Map<String, StudyInfo> studies) {
    Dataset<Row> selected = rowsOf(spark, IngestedTables.read(spark, w, SlicesTable.INSTANCE), studies)
        .sortWithinPartitions(Columns.COHORT, Columns.STUDY_KEY, SlicesTable.SLICE_INDEX);
    Broadcast<Map<String, StudyInfo>> infos =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(new LinkedHashMap<>(studies));
    return selected.toJavaRDD().mapPartitions(rows -> {
      Map<String, StudyInfo> byKey = infos.value();
      ConsecutiveGroups<Row, String> groups = new ConsecutiveGroups<>(rows, StudyImagesReader::key);
      return new Iterator<StudyImages>() {
        @Override
        public boolean hasNext() {
          return groups.hasNext();
        }

        @Override
        public StudyImages next() {
          List<Row> run = groups.next();
          return StudyImages.assemble(byKey.get(key(run.get(0))), run.iterator());
        }
      };
    });
  }
}
