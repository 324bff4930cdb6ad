package io.petal.ingest;

import io.petal.schema.QuarantineTable;
import io.petal.schema.StudiesTable;
import java.sql.Timestamp;
import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.collection.JavaConverters;

/** Spark rows of the {@code studies} and {@code quarantine} tables from ingest outcomes. */
final class IngestRows {
  private IngestRows() {}

  static Row study(IngestOutcome o, Timestamp at) {
    IngestOutcome.StudyFacts f = o.facts();
    return RowFactory.create(o.cohort(), f.patientKey(), o.studyKey(), f.kind(), f.sourceFormat(),
        seq(f.channels().toArray()), seq(f.channelUnits().toArray()), f.nx(), f.ny(), f.nz(),
        f.spacingMm()[0], f.spacingMm()[1], f.spacingMm()[2], seq(Arrays.stream(f.affine()).boxed().toArray()),
        f.suvFactor(), f.suvRule(), f.sulFactor(), f.diagnosis(), f.normal(), f.split(),
        seq(f.labelSources().toArray()), f.lesionVoxels(), f.lesionVolumeMl(), f.suvMax(), o.contentHash(),
        f.report(), JavaConverters.mapAsScalaMapConverter(f.metadata()).asScala(), at, StudiesTable.VERSION);
  }

  static Row quarantine(IngestOutcome o, String stage, Timestamp at) {
    return RowFactory.create(o.cohort(), o.studyKey(), o.sourceRef(), stage, o.reason(), o.contentHash(), at,
        QuarantineTable.VERSION);
  }

  private static scala.collection.Seq<Object> seq(Object[] values) {
    return JavaConverters.asScalaBuffer(Arrays.asList(values)).toSeq();
  }
}
