package io.petal.segmentation;

import io.petal.ingest.IngestedTables;
import io.petal.schema.Columns;
import io.petal.schema.StudiesTable;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The free-text reports of chosen studies, read on the driver from the {@code studies} table's
 * {@link StudiesTable#REPORT} column. Reports are model input only: nothing here logs or writes them.
 */
public final class StudyReports {
  private final Map<String, String> byStudy;

  private StudyReports(Map<String, String> byStudy) {
    this.byStudy = byStudy;
  }

  /** The non-blank reports of {@code studies}, by study key. */
  public static StudyReports read(SparkSession spark, Warehouse w, Map<String, StudyInfo> studies) {
    Map<String, String> out = new HashMap<>();
    if (!studies.isEmpty()) {
      List<Row> rows = StudyImagesReader.rowsOf(spark, IngestedTables.read(spark, w, StudiesTable.INSTANCE), studies)
          .select(Columns.STUDY_KEY, StudiesTable.REPORT).collectAsList();
      for (Row r : rows) {
        String report = r.getString(1);
        if (report != null && !report.isBlank()) {
          out.put(r.getString(0), report);
        }
      }
    }
    return new StudyReports(out);
  }

  /** From a map study key → report (blank reports are dropped). */
  public static StudyReports of(Map<String, String> byStudy) {
    Map<String, String> out = new HashMap<>();
    byStudy.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        out.put(k, v);
      }
    });
    return new StudyReports(out);
  }

  /** The study's report, or null when it has none. */
  public String of(String studyKey) {
    return byStudy.get(studyKey);
  }

  /** How many of {@code studies} have a report. */
  public long countIn(Collection<StudyInfo> studies) {
    return studies.stream().filter(s -> byStudy.containsKey(s.studyKey())).count();
  }

  /** The reports of {@code studies} grouped by patient (patients without a report left out), for fitting a vocabulary. */
  public Collection<List<String>> byPatient(Collection<StudyInfo> studies) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (StudyInfo s : studies) {
      String report = byStudy.get(s.studyKey());
      if (report != null) {
        out.computeIfAbsent(s.patientKey(), k -> new ArrayList<>()).add(report);
      }
    }
    return out.values();
  }
}
