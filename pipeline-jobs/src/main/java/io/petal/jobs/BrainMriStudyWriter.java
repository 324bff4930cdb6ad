package io.petal.jobs;

import io.petal.io.HadoopFiles;
import io.petal.io.nifti.NiftiDataType;
import io.petal.schema.StudyKind;
import io.petal.schema.StudyManifest;
import io.petal.spark.SerializableHadoopConf;
import io.petal.synth.PreviewPng;
import io.petal.synth.brain.BrainMriCohort;
import io.petal.synth.brain.BrainMriConfig;
import io.petal.synth.brain.BrainMriPreview;
import io.petal.synth.brain.BrainMriStudy;
import io.petal.synth.brain.BrainTumourFinding;
import io.petal.synth.brain.MriContrast;
import io.petal.synth.report.BrainMriReport;
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
 * The {@link SynthStudyWriter} of brain MRI: one patient's study in the BraTS layout,
 * {@code <case>/<case>_{t1,t1ce,t2,flair}.nii.gz} (float32, arbitrary units) and
 * {@code <case>_seg.nii.gz} (uint8 BraTS labels), the case named by the patient id (which is also
 * the study id: BraTS has one study per case), plus {@code <case>_preview.png} when asked. The
 * manifest row carries the kind and the free-text report ({@link BrainMriReport}; a fixed share in
 * Chinese, {@link ReportLanguage}).
 */
final class BrainMriStudyWriter implements SynthStudyWriter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(BrainMriStudyWriter.class);
  /** Diagnosis written for abnormal synthetic studies (normal ones are {@code NEGATIVE}). */
  static final String ABNORMAL_DIAGNOSIS = "SYNTHETIC_GLIOMA";
  static final String SEG_SUFFIX = "seg";
  static final String PREVIEW_SUFFIX = "preview.png";

  static final List<String> MANIFEST_HEADER = List.of(StudyManifest.PATIENT_ID, StudyManifest.STUDY_ID,
      StudyManifest.T1, StudyManifest.T1CE, StudyManifest.T2, StudyManifest.FLAIR, StudyManifest.SEG,
      StudyManifest.KIND, StudyManifest.DIAGNOSIS, StudyManifest.SPLIT, StudyManifest.REPORT, "lesion_count");
  static final List<String> LESION_HEADER = List.of(StudyManifest.PATIENT_ID, StudyManifest.STUDY_ID, "lesion",
      "hemisphere", "lobe", "grade", "core_diameter_mm", "core_width_mm", "oedema_extent_mm", "centroid_x_mm",
      "centroid_y_mm", "centroid_z_mm", "necrotic_voxels", "oedema_voxels", "enhancing_voxels");

  private final SynthJob.Options options;
  private final BrainMriConfig config;
  private final SerializableHadoopConf conf;

  BrainMriStudyWriter(SynthJob.Options options, BrainMriConfig config, SerializableHadoopConf conf) {
    this.options = options;
    this.config = config;
    this.conf = conf;
  }

  @Override
  public List<String> manifestHeader() {
    return MANIFEST_HEADER;
  }

  @Override
  public List<String> lesionHeader() {
    return LESION_HEADER;
  }

  @Override
  public Written write(SynthCohortPlan.Patient p) throws IOException {
    long t0 = System.nanoTime();
    BrainMriStudy study = BrainMriCohort.patient(options.seed(), p.index(), p.abnormal(), config);
    String caseId = p.patientId();
    String dir = HadoopFiles.join(options.out(), caseId + "/");
    Configuration c = conf.get();
    List<String> row = new ArrayList<>(List.of(caseId, caseId));
    for (MriContrast contrast : MriContrast.values()) {
      String file = fileName(caseId, contrast.channel());
      SynthFiles.writeNifti(dir + file, study.contrast(contrast), NiftiDataType.FLOAT32, c);
      row.add(caseId + "/" + file);
    }
    String seg = fileName(caseId, SEG_SUFFIX);
    SynthFiles.writeNifti(dir + seg, study.seg(), NiftiDataType.UINT8, c);
    if (options.preview()) {
      String title = caseId + "  " + (study.tumour() == null ? "normal" : "glioma");
      HadoopFiles.writeAtomically(dir + caseId + "_" + PREVIEW_SUFFIX, c,
          out -> PreviewPng.write(BrainMriPreview.render(study, title), out));
    }
    ReportLanguage language = ReportLanguage.forPatient(options.seed(), p.index(), ReportLanguage.CHINESE_FRACTION);
    String report = BrainMriReport.write(study.tumour(), language, ReportSeeds.stream(options.seed(), p.index()));
    BrainTumourFinding t = study.tumour();
    row.addAll(List.of(caseId + "/" + seg, StudyKind.BRAIN_MRI.id(),
        p.abnormal() ? ABNORMAL_DIAGNOSIS : StudyManifest.NEGATIVE, p.split(), report, t == null ? "0" : "1"));
    List<List<String>> lesions = t == null ? List.of() : List.of(List.of(caseId, caseId, "1",
        t.leftHemisphere() ? "left" : "right", t.lobe().name().toLowerCase(Locale.ROOT), t.highGrade() ? "high" : "low",
        SynthFiles.fmt(t.coreDiameterMm()), SynthFiles.fmt(t.coreWidthMm()), SynthFiles.fmt(t.oedemaExtentMm()),
        SynthFiles.fmt(t.centroidLps().x()), SynthFiles.fmt(t.centroidLps().y()), SynthFiles.fmt(t.centroidLps().z()),
        Integer.toString(t.necroticVoxels()), Integer.toString(t.oedemaVoxels()), Integer.toString(t.enhancingVoxels())));
    LOG.info("synth: {} brain MRI ({}) written in {} ms", caseId, t == null ? "normal" : "glioma",
        (System.nanoTime() - t0) / 1_000_000);
    return new Written(row, lesions);
  }

  /** {@code <case>_<suffix>.nii.gz}. */
  static String fileName(String caseId, String suffix) {
    return caseId + "_" + suffix + ".nii.gz";
  }
}
