package io.petal.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.geometry.PlanarViewGrid;
import io.petal.io.dicom.DicomDatasetWriter;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomReader;
import io.petal.io.dicom.DicomTags;
import io.petal.io.dicom.VR;
import io.petal.io.nifti.NiftiReader;
import io.petal.jobs.SynthJob;
import io.petal.privacy.Pseudonymizer;
import io.petal.schema.BratsLabels;
import io.petal.schema.Columns;
import io.petal.schema.QuarantineTable;
import io.petal.schema.SlicesTable;
import io.petal.schema.StudiesTable;
import io.petal.schema.TensorCodec;
import io.petal.synth.bone.BoneScanConfig;
import io.petal.synth.brain.BrainMriConfig;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest of small synthetic brain MRI and bone scan cohorts (made by {@code petal synth}) through
 * the manifest and through {@code --input} folders: kind, channels and units, slice and view
 * counts, BraTS label values kept, planar views with the posterior mirrored, PET-only facts left
 * empty, reports carried over, and bad input (a BraTS case without FLAIR, an NM file without a
 * view) quarantined with a reason naming it.
 */
class StudyKindsIngestTest {
  @TempDir static Path dir;
  private static final SparkSession SPARK = TestSpark.session();
  private static final Pseudonymizer KEYS = new Pseudonymizer("kinds-key-0123456789".getBytes(StandardCharsets.UTF_8));
  private static final BrainMriConfig BRAIN = BrainMriConfig.small();
  private static final BoneScanConfig BONE = BoneScanConfig.small();
  private static Path brain;
  private static Path bone;

  @BeforeAll
  static void synthesise() throws IOException {
    brain = dir.resolve("brain");
    bone = dir.resolve("bone");
    SynthJob.run(SPARK, new SynthJob.Options(brain.toString(), 1, 2, 21, false, BRAIN));
    SynthJob.run(SPARK, new SynthJob.Options(bone.toString(), 1, 2, 21, false, BONE));
  }

  @Test
  void brainMriThroughTheManifestKeepsFourContrastsAndTheBratsLabels() throws IOException {
    Warehouse w = warehouse("brain-manifest");
    assertEquals(new IngestJob.Summary("brain", 3, 0, 0),
        IngestJob.run(SPARK, new IngestJob.Options(w, brain.resolve("manifest.csv").toString(), null, null), KEYS));
    List<Row> studies = IngestedTables.read(SPARK, w, StudiesTable.INSTANCE).collectAsList();
    for (Row s : studies) {
      assertEquals("brain-mri", s.getAs(StudiesTable.KIND));
      assertEquals(List.of("t1", "t1ce", "t2", "flair"), s.getList(s.fieldIndex(StudiesTable.CHANNELS)));
      assertEquals(List.of("a.u.", "a.u.", "a.u.", "a.u."), s.getList(s.fieldIndex(StudiesTable.CHANNEL_UNITS)));
      assertEquals(BRAIN.nz(), s.<Integer>getAs(StudiesTable.NZ));
      assertNull(s.getAs(StudiesTable.SUV_FACTOR), "no SUV for MRI");
      assertNull(s.getAs(StudiesTable.SUV_MAX), "no SUVmax for MRI");
      assertTrue(s.<String>getAs(StudiesTable.REPORT).length() > 20, "the manifest's report is kept");
    }
    List<Row> slices = IngestedTables.slices(SPARK, w).collectAsList();
    assertEquals(3 * BRAIN.nz(), slices.size());
    Set<Integer> abnormalLabels = new TreeSet<>();
    for (Row s : slices) {
      assertEquals(SlicesTable.AXIAL, s.getAs(SlicesTable.VIEW));
      assertEquals(4, s.<Integer>getAs(SlicesTable.CHANNEL_COUNT));
      boolean normal = studies.stream().filter(r -> r.getAs(Columns.STUDY_KEY).equals(s.getAs(Columns.STUDY_KEY)))
          .findFirst().orElseThrow().<Boolean>getAs(StudiesTable.NORMAL);
      for (float v : TensorCodec.decodeLabels(s.getAs(SlicesTable.LABELS))) {
        assertTrue(v == 0 || BratsLabels.wholeTumour((int) v), "label value " + v);
        assertTrue(!normal || v == 0, "a normal study has no tumour label");
        if (!normal) {
          abnormalLabels.add((int) v);
        }
      }
    }
    assertTrue(abnormalLabels.containsAll(Set.of(BratsLabels.NECROTIC_CORE, BratsLabels.EDEMA)), abnormalLabels
        .toString());

    // the slices hold the contrasts as written: T1ce of the first case, middle slice
    String caseId = "SYN0001";
    float[] t1ce = NiftiReader.read(brain.resolve(caseId).resolve(caseId + "_t1ce.nii.gz")).volume().slice(BRAIN.nz() / 2);
    Row middle = IngestedTables.slices(SPARK, w)
        .filter(functions.col(Columns.STUDY_KEY).equalTo(KEYS.study(caseId, caseId))
            .and(functions.col(SlicesTable.SLICE_INDEX).equalTo(BRAIN.nz() / 2))).first();
    assertArrayEquals(t1ce, TensorCodec.decodeFloatPlane(middle.getAs(SlicesTable.IMAGE), 1, BRAIN.nx() * BRAIN.ny()));
  }

  @Test
  void bratsFoldersAreFoundByInputAndACaseWithoutFlairIsQuarantined() throws IOException {
    Path root = dir.resolve("brats-input");
    Files.createDirectories(root);
    for (String c : List.of("SYN0001", "SYN0002")) {
      copyFolder(brain.resolve(c), root.resolve(c));
    }
    Path broken = root.resolve("BROKEN7");
    Files.createDirectories(broken);
    for (String contrast : List.of("t1", "t1ce", "t2")) {
      Files.copy(brain.resolve("SYN0001/SYN0001_" + contrast + ".nii.gz"), broken.resolve("BROKEN7_" + contrast + ".nii.gz"));
    }
    Warehouse w = warehouse("brain-input");
    assertEquals(new IngestJob.Summary("default", 2, 0, 1),
        IngestJob.run(SPARK, new IngestJob.Options(w, null, List.of(root.toString()), null), KEYS));
    Row q = IngestedTables.read(SPARK, w, QuarantineTable.INSTANCE).first();
    assertEquals("brats-input/BROKEN7", q.getAs(QuarantineTable.SOURCE));
    String reason = q.getAs(QuarantineTable.REASON);
    assertTrue(reason.contains("BROKEN7_flair.nii.gz"), reason);
    Row s = IngestedTables.read(SPARK, w, StudiesTable.INSTANCE)
        .filter(functions.col(Columns.STUDY_KEY).equalTo(KEYS.study("SYN0001", "SYN0001"))).first();
    assertEquals("brain-mri", s.getAs(StudiesTable.KIND));
    assertEquals(List.of("seg"), s.getList(s.fieldIndex(StudiesTable.LABEL_SOURCES)));
  }

  @Test
  void boneScansThroughTheManifestGiveOneSliceRowPerView() throws IOException {
    Warehouse w = warehouse("bone-manifest");
    assertEquals(new IngestJob.Summary("bone", 3, 0, 0),
        IngestJob.run(SPARK, new IngestJob.Options(w, bone.resolve("manifest.csv").toString(), null, null), KEYS));
    for (Row s : IngestedTables.read(SPARK, w, StudiesTable.INSTANCE).collectAsList()) {
      assertEquals("spect-bone", s.getAs(StudiesTable.KIND));
      assertEquals(List.of("counts"), s.getList(s.fieldIndex(StudiesTable.CHANNELS)));
      assertEquals(List.of("counts"), s.getList(s.fieldIndex(StudiesTable.CHANNEL_UNITS)));
      assertEquals(List.of(BONE.columns(), BONE.rows(), 2), List.of(s.<Integer>getAs(StudiesTable.NX),
          s.<Integer>getAs(StudiesTable.NY), s.<Integer>getAs(StudiesTable.NZ)));
      assertEquals(BONE.pixelSpacingMm(), s.<Double>getAs(StudiesTable.SPACING_X_MM), 1e-6);
      assertNull(s.getAs(StudiesTable.SUV_MAX));
      assertNull(s.getAs(StudiesTable.LESION_VOLUME_ML), "planar views have no lesion volume");
      boolean normal = s.getAs(StudiesTable.NORMAL);
      assertEquals(normal, s.<Long>getAs(StudiesTable.LESION_VOXELS) == 0L);
    }
    List<Row> slices = IngestedTables.slices(SPARK, w).orderBy(Columns.STUDY_KEY, SlicesTable.SLICE_INDEX)
        .collectAsList();
    assertEquals(6, slices.size());
    for (int n = 0; n < slices.size(); n++) {
      assertEquals(n % 2 == 0 ? SlicesTable.ANTERIOR : SlicesTable.POSTERIOR, slices.get(n).getAs(SlicesTable.VIEW));
      assertEquals(1, slices.get(n).<Integer>getAs(SlicesTable.CHANNEL_COUNT));
    }

    // the counts are the NM file's frames, the posterior mirrored into the anterior orientation
    DicomFile nm = DicomReader.read(bone.resolve("SYN0001/study-01/NM.dcm"));
    List<Row> first = IngestedTables.slices(SPARK, w)
        .filter(functions.col(Columns.STUDY_KEY).equalTo(KEYS.study("SYN0001", "study-01")))
        .orderBy(SlicesTable.SLICE_INDEX).collectAsList();
    int plane = BONE.columns() * BONE.rows();
    assertArrayEquals(nm.pixels().frame(0), TensorCodec.decodeFloatPlane(first.get(0).getAs(SlicesTable.IMAGE), 0,
        plane));
    assertArrayEquals(PlanarViewGrid.mirrorColumns(nm.pixels().frame(1), BONE.columns()),
        TensorCodec.decodeFloatPlane(first.get(1).getAs(SlicesTable.IMAGE), 0, plane));
  }

  @Test
  void nmFilesAreFoundByInputAndOneWithoutAViewIsQuarantinedByName() throws IOException {
    Path root = dir.resolve("nm-input");
    copyFolder(bone.resolve("SYN0002"), root.resolve("SYN0002"));
    Path noView = root.resolve("P9/scan.dcm");
    Files.createDirectories(noView.getParent());
    Files.write(noView, viewlessNm());
    Warehouse w = warehouse("bone-input");
    assertEquals(new IngestJob.Summary("default", 1, 0, 1),
        IngestJob.run(SPARK, new IngestJob.Options(w, null, List.of(root.toString()), null), KEYS));
    String reason = IngestedTables.read(SPARK, w, QuarantineTable.INSTANCE).first().getAs(QuarantineTable.REASON);
    assertTrue(reason.contains("scan.dcm") && reason.contains("no view"), reason);
    Row s = IngestedTables.read(SPARK, w, StudiesTable.INSTANCE).first();
    assertEquals("spect-bone", s.getAs(StudiesTable.KIND));
    assertEquals(2, s.<Integer>getAs(StudiesTable.NZ));
    assertEquals(List.of(), s.getList(s.fieldIndex(StudiesTable.LABEL_SOURCES)), "DICOM folders carry no label map");
  }

  /** A single-frame NM image that says nothing about its view. */
  private static byte[] viewlessNm() {
    return new DicomDatasetWriter()
        .text(DicomTags.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.20")
        .text(DicomTags.SOP_INSTANCE_UID, VR.UI, "2.25.1")
        .text(DicomTags.MODALITY, VR.CS, "NM")
        .text(DicomTags.PATIENT_ID, VR.LO, "P9")
        .text(DicomTags.STUDY_INSTANCE_UID, VR.UI, "2.25.2")
        .text(DicomTags.SERIES_INSTANCE_UID, VR.UI, "2.25.3")
        .text(DicomTags.SERIES_DESCRIPTION, VR.LO, "WB BONE")
        .us(DicomTags.SAMPLES_PER_PIXEL, 1)
        .text(DicomTags.PHOTOMETRIC_INTERPRETATION, VR.CS, "MONOCHROME2")
        .us(DicomTags.ROWS, 2).us(DicomTags.COLUMNS, 2)
        .ds(DicomTags.PIXEL_SPACING, 4, 4)
        .us(DicomTags.BITS_ALLOCATED, 16).us(DicomTags.BITS_STORED, 16).us(DicomTags.HIGH_BIT, 15)
        .us(DicomTags.PIXEL_REPRESENTATION, 0)
        .bytes(DicomTags.PIXEL_DATA, VR.OW, DicomDatasetWriter.words(1, 2, 3, 4))
        .toPart10("2.25.4");
  }

  private static Warehouse warehouse(String name) {
    return new Warehouse(dir.resolve("wh-" + name).toUri().toString());
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
