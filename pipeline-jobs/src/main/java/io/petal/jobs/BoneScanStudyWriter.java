package io.petal.jobs;

import io.petal.io.HadoopFiles;
import io.petal.io.nifti.NiftiDataType;
import io.petal.schema.StudyKind;
import io.petal.schema.StudyManifest;
import io.petal.spark.SerializableHadoopConf;
import io.petal.synth.PreviewPng;
import io.petal.synth.bone.BoneLesionFinding;
import io.petal.synth.bone.BoneScanCohort;
import io.petal.synth.bone.BoneScanConfig;
import io.petal.synth.bone.BoneScanPreview;
import io.petal.synth.bone.BoneScanStudy;
import io.petal.synth.bone.WholeBodyNmFile;
import io.petal.synth.report.BoneScanReport;
import io.petal.synth.report.BoneSiteNames;
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
 * The {@link SynthStudyWriter} of whole-body bone scans: {@code <patient>/<study>/NM.dcm} (one
 * DICOM NM file, anterior and posterior frames, {@link WholeBodyNmFile}) and {@code SEG.nii.gz}
 * (uint8, the metastases on the study's planar grid: two views, both in the anterior orientation),
 * plus {@code preview.png} when asked. The manifest row carries the kind and the free-text report
 * ({@link BoneScanReport}; a fixed share in Chinese, {@link ReportLanguage}).
 */
final class BoneScanStudyWriter implements SynthStudyWriter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(BoneScanStudyWriter.class);
  /** Diagnosis written for abnormal synthetic studies (normal ones are {@code NEGATIVE}). */
  static final String ABNORMAL_DIAGNOSIS = "SYNTHETIC_BONE_METASTASES";
  static final String NM_FILE = "NM.dcm";
  static final String SEG_FILE = "SEG.nii.gz";
  static final String PREVIEW_FILE = "preview.png";

  static final List<String> MANIFEST_HEADER = List.of(StudyManifest.PATIENT_ID, StudyManifest.STUDY_ID,
      StudyManifest.NM, StudyManifest.SEG, StudyManifest.KIND, StudyManifest.DIAGNOSIS, StudyManifest.SPLIT,
      StudyManifest.REPORT, "lesion_count");
  static final List<String> LESION_HEADER = List.of(StudyManifest.PATIENT_ID, StudyManifest.STUDY_ID, "lesion",
      "site", "bone", "side", "number", "part", "diameter_mm", "uptake_ratio", "x_mm", "z_mm", "pixels");

  private final SynthJob.Options options;
  private final BoneScanConfig config;
  private final SerializableHadoopConf conf;

  BoneScanStudyWriter(SynthJob.Options options, BoneScanConfig config, SerializableHadoopConf conf) {
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
    BoneScanStudy study = BoneScanCohort.patient(options.seed(), p.index(), p.abnormal(), config);
    String rel = p.patientId() + "/" + p.studyId() + "/";
    String dir = HadoopFiles.join(options.out(), rel);
    Configuration c = conf.get();
    String uidName = String.format(Locale.ROOT, "petal-synth/%d/%d/%s", options.seed(), p.index(),
        p.abnormal() ? "abnormal" : "normal");
    byte[] nm = WholeBodyNmFile.encode(study, config, p.patientId(), uidName);
    HadoopFiles.writeAtomically(dir + NM_FILE, c, out -> out.write(nm));
    SynthFiles.writeNifti(dir + SEG_FILE, study.labels(), NiftiDataType.UINT8, c);
    if (options.preview()) {
      String title = p.patientId() + "  " + study.lesions().size() + " metastas" + (study.lesions().size() == 1 ? "is"
          : "es");
      HadoopFiles.writeAtomically(dir + PREVIEW_FILE, c, out -> PreviewPng.write(BoneScanPreview.render(study, title),
          out));
    }
    ReportLanguage language = ReportLanguage.forPatient(options.seed(), p.index(), ReportLanguage.CHINESE_FRACTION);
    String report = BoneScanReport.write(study.lesions(), study.incidental(), language,
        ReportSeeds.stream(options.seed(), p.index()));
    List<String> row = List.of(p.patientId(), p.studyId(), rel + NM_FILE, rel + SEG_FILE, StudyKind.SPECT_BONE.id(),
        p.abnormal() ? ABNORMAL_DIAGNOSIS : StudyManifest.NEGATIVE, p.split(), report,
        Integer.toString(study.lesions().size()));
    List<List<String>> lesions = new ArrayList<>();
    int n = 1;
    for (BoneLesionFinding l : study.lesions()) {
      lesions.add(List.of(p.patientId(), p.studyId(), Integer.toString(n++),
          BoneSiteNames.of(l.site(), ReportLanguage.ENGLISH), lower(l.site().bone()), lower(l.site().side()),
          Integer.toString(l.site().number()), lower(l.site().part()), SynthFiles.fmt(l.diameterMm()),
          SynthFiles.fmt(l.uptakeRatio()), SynthFiles.fmt(l.xMm()), SynthFiles.fmt(l.zMm()),
          Integer.toString(l.labelledPixels())));
    }
    LOG.info("synth: {} bone scan ({} metastases) written in {} ms", p.patientId(), study.lesions().size(),
        (System.nanoTime() - t0) / 1_000_000);
    return new Written(row, lesions);
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
