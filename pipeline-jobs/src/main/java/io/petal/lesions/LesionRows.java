package io.petal.lesions;

import io.petal.schema.LesionSummaryTable;
import io.petal.schema.LesionsTable;
import io.petal.tables.StudyInfo;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Spark rows of {@code lesions} and {@code lesion_summary} (contract column order) from a study's measurements. */
public final class LesionRows {
  private LesionRows() {}

  /** One {@code lesions} row per lesion of every mask of the study. */
  public static List<Row> lesions(StudyLesions study) {
    List<Row> rows = new ArrayList<>();
    StudyInfo info = study.info();
    for (MeasuredMask m : study.masks()) {
      for (int n = 0; n < m.lesions().size(); n++) {
        rows.add(lesion(info, m.source(), m.lesions().get(n), m.sites().get(n)));
      }
    }
    return rows;
  }

  /** One {@code lesion_summary} row per mask of the study (lesion count 0 included). */
  public static List<Row> summaries(StudyLesions study) {
    List<Row> rows = new ArrayList<>();
    StudyInfo info = study.info();
    for (MeasuredMask m : study.masks()) {
      LesionBurden b = m.burden();
      rows.add(RowFactory.create(info.cohort(), info.patientKey(), info.studyKey(), m.source().columnValue(),
          b.lesionCount(), b.voxels(), b.totalMtvMl(), b.totalTlg(), b.suvMax(), LesionSummaryTable.VERSION));
    }
    return rows;
  }

  static Row lesion(StudyInfo info, MaskSource source, LesionStatistics l, Site site) {
    IndexBox box = l.box();
    return RowFactory.create(info.cohort(), info.patientKey(), info.studyKey(), source.columnValue(),
        l.lesionId(), l.voxels(), l.volumeMl(), l.mtvMl(), l.suvMax(), l.suvMean(), l.suvPeak(), l.tlg(),
        l.ctMeanHu(), l.centroidMm()[0], l.centroidMm()[1], l.centroidMm()[2],
        box.iMin(), box.iMax(), box.jMin(), box.jMax(), box.kMin(), box.kMax(),
        l.extentMm()[0], l.extentMm()[1], l.extentMm()[2],
        site == null ? null : site.name(), site == null ? null : site.method(), LesionsTable.VERSION);
  }
}
