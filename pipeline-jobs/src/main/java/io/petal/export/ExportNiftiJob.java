package io.petal.export;

import io.petal.image.Volume;
import io.petal.ingest.IngestedTables;
import io.petal.ingest.ManifestReader;
import io.petal.ingest.StudySource;
import io.petal.io.HadoopFiles;
import io.petal.io.nifti.NiftiDataType;
import io.petal.io.nifti.NiftiWriter;
import io.petal.privacy.Pseudonymizer;
import io.petal.schema.AnomalyTable;
import io.petal.schema.MasksTable;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code petal export-nifti}: per manifest study, {@code OUT/<patient_id>/<study_id>/} gets
 * {@code anomaly.nii.gz} (float32, SUV) and, once a segmentation model has predicted,
 * {@code probability.nii.gz} (float32, 0..1) and {@code label.nii.gz} (uint8), on the study's
 * reference grid, which is its original PET grid with the PET affine: the files overlay the input
 * PET in 3D Slicer or ITK-SNAP. Manifest ids are turned into pseudonyms with the operator's key to
 * find the rows; the output folder names are the operator's own ids (an export for the operator).
 */
public final class ExportNiftiJob {
  private static final Logger LOG = LoggerFactory.getLogger(ExportNiftiJob.class);

  /** @param anomalyModel autoencoder whose maps to export; @param segmentationModel segmentation model name */
  public record Options(Warehouse warehouse, String manifest, String out, String anomalyModel,
      String segmentationModel) {}

  /** Studies exported and files written. */
  public record Summary(int studies, int files, int missing) {}

  private ExportNiftiJob() {}

  public static Summary run(SparkSession spark, Options o, Pseudonymizer keys) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, StudyInfo> studies = StudyImagesReader.studies(spark, o.warehouse(), s -> true);
    Dataset<Row> anomaly = IngestedTables.readIfExists(spark, o.warehouse(), AnomalyTable.INSTANCE);
    Dataset<Row> masks = IngestedTables.readIfExists(spark, o.warehouse(), MasksTable.INSTANCE);
    int exported = 0;
    int files = 0;
    int missing = 0;
    for (StudySource s : ManifestReader.read(spark, o.manifest(), null).studies()) {
      StudyInfo info = studies.get(s.cohort() + "/" + keys.study(s.patientId(), s.studyId()));
      if (info == null) {
        LOG.warn("export-nifti: manifest {} is not in the warehouse (not ingested, or another key)", s.sourceRef());
        missing++;
        continue;
      }
      String dir = HadoopFiles.join(HadoopFiles.join(o.out(), s.patientId()), s.studyId());
      int before = files;
      if (anomaly != null) {
        files += write(SliceTensorVolume.read(anomaly, info.cohort(), info.studyKey(), o.anomalyModel(),
            AnomalyTable.ANOMALY, true, info.grid()), dir, "anomaly.nii.gz", NiftiDataType.FLOAT32, conf);
      }
      if (masks != null) {
        files += write(SliceTensorVolume.read(masks, info.cohort(), info.studyKey(), o.segmentationModel(),
            MasksTable.PROBABILITY, true, info.grid()), dir, "probability.nii.gz", NiftiDataType.FLOAT32, conf);
        files += write(SliceTensorVolume.read(masks, info.cohort(), info.studyKey(), o.segmentationModel(),
            MasksTable.LABEL, false, info.grid()), dir, "label.nii.gz", NiftiDataType.UINT8, conf);
      }
      if (files == before) {
        LOG.warn("export-nifti: {} has no anomaly map of model {} and no masks of model {}: run petal score / segment "
            + "predict", s.sourceRef(), o.anomalyModel(), o.segmentationModel());
        missing++;
      } else {
        exported++;
      }
    }
    return new Summary(exported, files, missing);
  }

  private static int write(Volume v, String dir, String name, NiftiDataType type, Configuration conf) throws IOException {
    if (v == null) {
      return 0;
    }
    HadoopFiles.writeAtomically(HadoopFiles.join(dir, name), conf, out -> NiftiWriter.write(v, out, type, true));
    return 1;
  }
}
