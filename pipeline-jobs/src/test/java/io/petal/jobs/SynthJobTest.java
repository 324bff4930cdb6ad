package io.petal.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Volume;
import io.petal.io.nifti.NiftiReader;
import io.petal.synth.SynthConfig;
import io.petal.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code petal synth} as a Spark job: the autoPET layout, the manifest, and byte-identical reruns. */
class SynthJobTest {
  @TempDir Path dir;

  private List<Row> synth(String name, long seed) throws IOException {
    return SynthJob.run(TestSpark.session(),
        new SynthJob.Options(dir.resolve(name).toString(), 2, 2, seed, true, SynthConfig.small())).collectAsList();
  }

  @Test
  void writesTheAutoPetLayoutAndAManifestThatMatchesIt() throws IOException {
    List<Row> manifest = synth("a", 11);
    assertEquals(4, manifest.size());
    assertEquals(2, manifest.stream().filter(r -> "NEGATIVE".equals(r.getAs("diagnosis"))).count());
    assertTrue(manifest.stream().anyMatch(r -> "test".equals(r.getAs("split"))));
    assertTrue(manifest.stream().anyMatch(r -> "train".equals(r.getAs("split"))));
    for (Row r : manifest) {
      Path study = dir.resolve("a").resolve(r.<String>getAs("patient_id")).resolve(r.<String>getAs("study_id"));
      for (String f : List.of("SUV.nii.gz", "CTres.nii.gz", "SEG.nii.gz", "ORGANS.nii.gz", "preview.png")) {
        assertTrue(Files.isRegularFile(study.resolve(f)), study.resolve(f) + " missing");
      }
      Volume suv = NiftiReader.read(study.resolve("SUV.nii.gz")).volume();
      Volume seg = NiftiReader.read(study.resolve("SEG.nii.gz")).volume();
      assertTrue(suv.grid().sameGeometry(seg.grid(), 1e-6));
      long lesionVoxels = 0;
      for (float v : seg.data()) {
        lesionVoxels += v > 0 ? 1 : 0;
      }
      boolean normal = "NEGATIVE".equals(r.getAs("diagnosis"));
      assertEquals(normal, lesionVoxels == 0, "SEG of " + r.getAs("patient_id"));
      assertEquals(normal, "0".equals(r.getAs("lesion_count")));
      assertFalse(r.<String>getAs("report").isBlank(), "report of " + r.getAs("patient_id"));
    }
    List<String> lesions = Files.readAllLines(dir.resolve("a/lesions.csv"));
    int declared = manifest.stream().mapToInt(r -> Integer.parseInt(r.getAs("lesion_count"))).sum();
    assertEquals(declared + 1, lesions.size()); // header + one line per lesion
    List<String> written = Files.readAllLines(dir.resolve("a/manifest.csv"));
    assertEquals("patient_id,study_id,suv,ct,seg,organs,diagnosis,split,report,lesion_count", written.get(0));
  }

  @Test
  void furtherAnnotatorsRedrawTheSameLesionsInTheirOwnColumns() throws IOException {
    List<Row> manifest = SynthJob.run(TestSpark.session(), new SynthJob.Options(dir.resolve("readers").toString(), 1, 1,
        11, false, SynthConfig.small(), 3)).collectAsList();
    assertEquals("patient_id,study_id,suv,ct,seg,seg_annotator2,seg_annotator3,organs,diagnosis,split,report,lesion_count",
        Files.readAllLines(dir.resolve("readers/manifest.csv")).get(0));
    for (Row r : manifest) {
      Path root = dir.resolve("readers");
      float[] exact = NiftiReader.read(root.resolve(r.<String>getAs("seg"))).volume().data();
      float[] generous = NiftiReader.read(root.resolve(r.<String>getAs("seg_annotator2"))).volume().data();
      float[] conservative = NiftiReader.read(root.resolve(r.<String>getAs("seg_annotator3"))).volume().data();
      long[] voxels = {count(exact), count(generous), count(conservative)};
      if ("NEGATIVE".equals(r.getAs("diagnosis"))) {
        assertArrayEquals(new long[] {0, 0, 0}, voxels, "no lesion, no annotation");
      } else {
        assertTrue(voxels[1] > voxels[0] && voxels[2] < voxels[0] && voxels[2] > 0,
            "grown, shrunk, neither empty: " + java.util.Arrays.toString(voxels));
      }
    }
    assertThrows(IllegalArgumentException.class, () -> new SynthJob.Options("x", 1, 1, 1, false, SynthConfig.small(), 0));
  }

  private static long count(float[] mask) {
    long n = 0;
    for (float v : mask) {
      n += v != 0 ? 1 : 0;
    }
    return n;
  }

  @Test
  void theSameSeedGivesByteIdenticalFilesAnotherSeedDoesNot() throws IOException {
    synth("first", 5);
    synth("second", 5);
    synth("other", 6);
    Map<String, byte[]> first = files(dir.resolve("first"));
    Map<String, byte[]> second = files(dir.resolve("second"));
    assertEquals(first.keySet(), second.keySet());
    for (String f : first.keySet()) {
      assertArrayEquals(first.get(f), second.get(f), f + " differs between two runs with the same seed");
    }
    Map<String, byte[]> other = files(dir.resolve("other"));
    String suv = first.keySet().stream().filter(f -> f.endsWith("SUV.nii.gz")).findFirst().orElseThrow();
    assertNotEquals(java.util.Arrays.hashCode(first.get(suv)), java.util.Arrays.hashCode(other.get(suv)));
    assertFalse(first.isEmpty());
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
