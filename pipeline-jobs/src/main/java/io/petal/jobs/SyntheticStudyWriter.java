package io.petal.jobs;

import io.petal.io.HadoopFiles;
import io.petal.io.nifti.NiftiDataType;
import io.petal.schema.StudyManifest;
import io.petal.spark.SerializableHadoopConf;
import io.petal.synth.LesionDescriptor;
import io.petal.synth.PreviewPng;
import io.petal.synth.PreviewRenderer;
import io.petal.synth.SynthConfig;
import io.petal.synth.SyntheticAnnotator;
import io.petal.synth.SyntheticCohort;
import io.petal.synth.SyntheticStudy;
import io.petal.synth.report.PetCtReport;
import io.petal.synth.report.ReportLanguage;
import io.petal.synth.report.ReportSeeds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SynthStudyWriter} of PET/CT: one patient's study in the autoPET layout,
 * {@code <patient>/<study>/{SUV,CTres,SEG,ORGANS}.nii.gz} (+ {@code preview.png}). The manifest
 * row carries the free-text report ({@link PetCtReport}; a fixed share in Chinese,
 * {@link ReportLanguage}).
 */
final class SyntheticStudyWriter implements SynthStudyWriter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SyntheticStudyWriter.class);

  /** Diagnosis written for abnormal synthetic studies (normal ones are {@code NEGATIVE}). */
  static final String ABNORMAL_DIAGNOSIS = "SYNTHETIC_LESIONS";
  static final String SUV_FILE = "SUV.nii.gz";
  static final String CT_FILE = "CTres.nii.gz";
  static final String SEG_FILE = "SEG.nii.gz";
  static final String ORGANS_FILE = "ORGANS.nii.gz";
  static final String PREVIEW_FILE = "preview.png";

  /** Annotation source (manifest column) of annotator a ≥ 2: {@code seg_annotator<a>}. */
  static final String ANNOTATOR_SOURCE = StudyManifest.SEG_PREFIX + "annotator";

  private static final List<String> IMAGE_COLUMNS = List.of(StudyManifest.PATIENT_ID, StudyManifest.STUDY_ID,
      StudyManifest.SUV, StudyManifest.CT, StudyManifest.SEG);
  private static final List<String> STUDY_COLUMNS = List.of("organs", StudyManifest.DIAGNOSIS, StudyManifest.SPLIT,
      StudyManifest.REPORT, "lesion_count");
  static final List<String> LESION_HEADER = List.of(StudyManifest.PATIENT_ID, StudyManifest.STUDY_ID,
      "lesion", "site", "region", "size_level", "radius_mm", "centroid_x_mm", "centroid_y_mm", "centroid_z_mm",
      "voxels", "volume_ml", "suv_max", "suv_peak");

  private final SynthJob.Options options;
  private final SynthConfig config;
  private final SerializableHadoopConf conf;

  SyntheticStudyWriter(SynthJob.Options options, SynthConfig config, SerializableHadoopConf conf) {
    this.options = options;
    this.config = config;
    this.conf = conf;
  }

  /** Ids, images, {@code seg}, one {@code seg_annotator<a>} per further annotator, the rest. */
  @Override
  public List<String> manifestHeader() {
    List<String> header = new ArrayList<>(IMAGE_COLUMNS);
    for (int a = 2; a <= options.annotators(); a++) {
      header.add(ANNOTATOR_SOURCE + a);
    }
    header.addAll(STUDY_COLUMNS);
    return header;
  }

  /** The label file of annotator a ≥ 2. */
  static String annotatorFile(int annotator) {
    return "SEG_annotator" + annotator + ".nii.gz";
  }

  @Override
  public List<String> lesionHeader() {
    return LESION_HEADER;
  }

  @Override
  public Written write(SynthCohortPlan.Patient p) throws IOException {
    long t0 = System.nanoTime();
    SyntheticStudy study = SyntheticCohort.patient(options.seed(), p.index(), p.abnormal(), config);
    String rel = p.patientId() + "/" + p.studyId() + "/";
    String dir = HadoopFiles.join(options.out(), rel);
    Configuration c = conf.get();
    SynthFiles.writeNifti(dir + SUV_FILE, study.suv(), NiftiDataType.FLOAT32, c);
    SynthFiles.writeNifti(dir + CT_FILE, study.ct(), NiftiDataType.FLOAT32, c);
    SynthFiles.writeNifti(dir + SEG_FILE, study.seg(), NiftiDataType.UINT8, c);
    SynthFiles.writeNifti(dir + ORGANS_FILE, study.organs(), NiftiDataType.UINT8, c);
    if (options.preview()) {
      String title = p.patientId() + "  " + study.lesions().size() + " lesion(s)";
      HadoopFiles.writeAtomically(dir + PREVIEW_FILE, c, out -> PreviewPng.write(
          PreviewRenderer.render(study.suv(), study.ct(), study.seg(), title), out));
    }
    List<String> manifestRow = new ArrayList<>(List.of(p.patientId(), p.studyId(), rel + SUV_FILE, rel + CT_FILE,
        rel + SEG_FILE));
    for (int a = 2; a <= options.annotators(); a++) {
      SynthFiles.writeNifti(dir + annotatorFile(a), SyntheticAnnotator.redraw(study.seg(), options.seed(), p.index(), a),
          NiftiDataType.UINT8, c);
      manifestRow.add(rel + annotatorFile(a));
    }
    ReportLanguage language = ReportLanguage.forPatient(options.seed(), p.index(), ReportLanguage.CHINESE_FRACTION);
    String report = PetCtReport.write(study.lesions(), language, ReportSeeds.stream(options.seed(), p.index()));
    manifestRow.addAll(List.of(rel + ORGANS_FILE, p.abnormal() ? ABNORMAL_DIAGNOSIS : StudyManifest.NEGATIVE,
        p.split(), report, Integer.toString(study.lesions().size())));
    List<List<String>> lesions = new ArrayList<>();
    for (LesionDescriptor l : study.lesions()) {
      lesions.add(List.of(p.patientId(), p.studyId(), Integer.toString(l.label()),
          l.site().name().toLowerCase(Locale.ROOT), l.region(), l.level().name().toLowerCase(Locale.ROOT),
          SynthFiles.fmt(l.radiusMm()), SynthFiles.fmt(l.centroidLps().x()), SynthFiles.fmt(l.centroidLps().y()),
          SynthFiles.fmt(l.centroidLps().z()),
          Integer.toString(l.voxelCount()), SynthFiles.fmt(l.volumeMl()), SynthFiles.fmt(l.suvMax()),
          SynthFiles.fmt(l.suvPeak())));
    }
    LOG.info("synth: {} ({}, {} lesion(s)) written in {} ms", p.patientId(), p.abnormal() ? "abnormal" : "normal",
        study.lesions().size(), (System.nanoTime() - t0) / 1_000_000);
    return new Written(manifestRow, lesions);
  }
}
