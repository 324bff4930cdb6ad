package io.petal.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Volume;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomReader;
import io.petal.io.dicom.DicomTags;
import io.petal.io.nifti.NiftiReader;
import io.petal.schema.BratsLabels;
import io.petal.synth.bone.BoneScanConfig;
import io.petal.synth.brain.BrainMriConfig;
import io.petal.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petal synth --kind brain-mri|spect-bone} as Spark jobs: the BraTS and NM layouts, a
 * manifest with kind and report that matches the files, labels in abnormal studies only, and
 * byte-identical reruns.
 */
class SynthKindsJobTest {
  @TempDir Path dir;

  private List<Row> synth(String name, long seed, io.petal.synth.SyntheticCohortConfig config) throws IOException {
    return SynthJob.run(TestSpark.session(), new SynthJob.Options(dir.resolve(name).toString(), 2, 3, seed, true,
        config)).collectAsList();
  }

  @Test
  void brainMriCohortHasTheBratsLayoutAndAManifestWithKindAndReport() throws IOException {
    List<Row> manifest = synth("brain", 3, BrainMriConfig.small());
    assertEquals(5, manifest.size());
    assertEquals("patient_id,study_id,t1,t1ce,t2,flair,seg,kind,diagnosis,split,report,lesion_count",
        Files.readAllLines(dir.resolve("brain/manifest.csv")).get(0));
    for (Row r : manifest) {
      String c = r.getAs("patient_id");
      assertEquals("brain-mri", r.getAs("kind"));
      for (String suffix : List.of("t1", "t1ce", "t2", "flair", "seg")) {
        Path f = dir.resolve("brain").resolve(c).resolve(c + "_" + suffix + ".nii.gz");
        assertTrue(Files.isRegularFile(f), f + " missing");
        assertEquals(c + "/" + c + "_" + suffix + ".nii.gz", r.getAs(suffix));
      }
      assertTrue(Files.isRegularFile(dir.resolve("brain").resolve(c).resolve(c + "_preview.png")));
      Volume seg = NiftiReader.read(dir.resolve("brain").resolve(c).resolve(c + "_seg.nii.gz")).volume();
      Set<Integer> values = new TreeSet<>();
      for (float v : seg.data()) {
        values.add((int) v);
      }
      boolean normal = "NEGATIVE".equals(r.getAs("diagnosis"));
      assertEquals(normal, values.equals(Set.of(0)), c + " labels " + values);
      assertTrue(values.stream().allMatch(v -> v == 0 || BratsLabels.wholeTumour(v)), c + " labels " + values);
      String report = r.getAs("report");
      assertTrue(report != null && report.length() > 20, c + " report " + report);
    }
    assertEquals(4, Files.readAllLines(dir.resolve("brain/lesions.csv")).size()); // header + 3 tumours
  }

  @Test
  void mostAbnormalBoneScanReportsNameAMetastasisSite() throws IOException {
    List<Row> manifest = synth("bone-reports", 17, BoneScanConfig.small());
    List<String> lesions = Files.readAllLines(dir.resolve("bone-reports/lesions.csv"));
    int abnormal = 0;
    int named = 0;
    for (Row r : manifest) {
      if ("NEGATIVE".equals(r.getAs("diagnosis"))) {
        continue;
      }
      abnormal++;
      String report = r.getAs("report");
      String patient = r.getAs("patient_id");
      // lesions.csv: patient_id,study_id,lesion,site (the English site name),...
      boolean chinese = report.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
      named += chinese || lesions.stream().filter(l -> l.startsWith(patient + ","))
          .anyMatch(l -> report.contains(l.split(",")[3])) ? 1 : 0;
    }
    assertEquals(3, abnormal);
    assertTrue(named >= 2, named + " of " + abnormal + " reports name a site");
  }

  @Test
  void boneScanCohortHasOneNmFileAndALabelPerStudy() throws IOException {
    List<Row> manifest = synth("bone", 3, BoneScanConfig.small());
    assertEquals("patient_id,study_id,nm,seg,kind,diagnosis,split,report,lesion_count",
        Files.readAllLines(dir.resolve("bone/manifest.csv")).get(0));
    BoneScanConfig cfg = BoneScanConfig.small();
    for (Row r : manifest) {
      assertEquals("spect-bone", r.getAs("kind"));
      Path nm = dir.resolve("bone").resolve(r.<String>getAs("nm"));
      DicomFile f = DicomReader.read(nm);
      assertEquals("NM", f.dataset().getString(DicomTags.MODALITY));
      assertEquals(2, f.pixels().frames());
      assertEquals(cfg.rows(), f.pixels().rows());
      Volume seg = NiftiReader.read(dir.resolve("bone").resolve(r.<String>getAs("seg"))).volume();
      assertEquals(List.of(cfg.columns(), cfg.rows(), 2), List.of(seg.grid().nx(), seg.grid().ny(), seg.grid().nz()));
      long labelled = 0;
      for (float v : seg.data()) {
        labelled += v != 0 ? 1 : 0;
      }
      boolean normal = "NEGATIVE".equals(r.getAs("diagnosis"));
      assertEquals(normal, labelled == 0, r.getAs("patient_id") + " labelled pixels " + labelled);
      assertEquals(normal, "0".equals(r.getAs("lesion_count")));
      assertTrue(Files.isRegularFile(nm.resolveSibling("preview.png")));
    }
  }

  @Test
  void theSameSeedGivesByteIdenticalFilesForEveryKind() throws IOException {
    for (io.petal.synth.SyntheticCohortConfig cfg : List.of(BrainMriConfig.small(), BoneScanConfig.small())) {
      String kind = cfg.kind().id();
      synth(kind + "-a", 9, cfg);
      synth(kind + "-b", 9, cfg);
      synth(kind + "-c", 10, cfg);
      Map<String, byte[]> a = files(dir.resolve(kind + "-a"));
      Map<String, byte[]> b = files(dir.resolve(kind + "-b"));
      assertEquals(a.keySet(), b.keySet());
      assertFalse(a.isEmpty());
      for (String f : a.keySet()) {
        assertArrayEquals(a.get(f), b.get(f), kind + ": " + f + " differs between two runs with the same seed");
      }
      assertFalse(java.util.Arrays.equals(a.get("manifest.csv"), files(dir.resolve(kind + "-c")).get("manifest.csv")),
          kind + ": another seed, another cohort");
    }
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
          .toList()) {
        out.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
