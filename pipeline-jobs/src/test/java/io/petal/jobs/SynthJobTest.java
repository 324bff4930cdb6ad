package io.petal.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    }
    List<String> lesions = Files.readAllLines(dir.resolve("a/lesions.csv"));
    int declared = manifest.stream().mapToInt(r -> Integer.parseInt(r.getAs("lesion_count"))).sum();
    assertEquals(declared + 1, lesions.size()); // header + one line per lesion
    List<String> written = Files.readAllLines(dir.resolve("a/manifest.csv"));
    assertEquals("patient_id,study_id,suv,ct,seg,organs,diagnosis,split,lesion_count", written.get(0));
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
