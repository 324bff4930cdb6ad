package io.petal.io.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.image.Volume;
import io.petal.testing.SharedData;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks against nibabel, the reference NIfTI implementation: files we write must show
 * nibabel the same RAS affine, qform and voxels; files nibabel writes (big-endian, scaled int16)
 * must read back as nibabel meant. Needs Python 3 with nibabel (Debian package python3-nibabel);
 * skipped without it, failed under CI.
 */
class NiftiNibabelCrossCheckTest {
  /** Interpreters tried in order: the PATH's, then Debian's (which python3-nibabel serves). */
  private static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");

  /** An oblique affine (LPS, mm): rotations about z then x, anisotropic spacing. */
  private static final Affine OBLIQUE = Affine.fromDicom(
      new double[] {Math.cos(0.4), Math.sin(0.4), 0},
      new double[] {-Math.sin(0.4) * Math.cos(0.25), Math.cos(0.4) * Math.cos(0.25),
          Math.sin(0.25)},
      new double[] {Math.sin(0.4) * Math.sin(0.25), -Math.cos(0.4) * Math.sin(0.25),
          Math.cos(0.25)},
      0.8, 1.1, 2.5, new double[] {-120.5, 35.25, -600.75});

  private static String python;

  @BeforeAll
  static void findNibabel() throws IOException, InterruptedException {
    SharedData.requireTool("python3");
    for (String candidate : PYTHONS) {
      if (run(List.of(candidate, "-c", "import nibabel")).exitCode == 0) {
        python = candidate;
        break;
      }
    }
    SharedData.require(python != null,
        "python3 with nibabel (Debian package python3-nibabel) is not installed");
  }

  @Test
  void nibabelSeesOurAffineQformAndVoxels(@TempDir Path dir) throws Exception {
    float[] values = seededValues(6 * 4 * 3);
    Volume v = new Volume(new ImageGrid(6, 4, 3, OBLIQUE), values);
    Path file = dir.resolve("oblique.nii.gz");
    NiftiWriter.write(v, file, NiftiDataType.FLOAT32);

    List<double[]> out = python("""
        import sys, nibabel as nb, numpy as np
        img = nb.load(sys.argv[1])
        h = img.header
        print(*img.affine[:3].ravel())
        print(*h.get_qform()[:3].ravel())
        print(int(h['qform_code']), int(h['sform_code']), int(h.get_xyzt_units() == ('mm', 'sec')))
        print(*np.asarray(img.dataobj).ravel(order='F'))
        """, file.toString());

    double[] ras = OBLIQUE.lpsFromRas().rowMajor3x4();
    assertArrayEquals(ras, out.get(0), 1e-4, "nibabel's affine (its sform)");
    assertArrayEquals(ras, out.get(1), 1e-4, "nibabel's qform");
    assertArrayEquals(new double[] {1, 1, 1}, out.get(2), "qform_code, sform_code, mm+sec");
    assertArrayEquals(values, toFloats(out.get(3)), "voxels, x-fastest"); // float32 repr
  }

  @Test
  void weReadWhatNibabelWrites(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("nibabel.nii");
    List<String> args = new ArrayList<>(List.of(file.toString()));
    Arrays.stream(OBLIQUE.lpsFromRas().rowMajor3x4()).forEach(x -> args.add(Double.toString(x)));

    // big-endian int16; the value range needs more than int16, so nibabel picks a scaling
    List<double[]> out = python("""
        import sys, nibabel as nb, numpy as np
        aff = np.eye(4)
        aff[:3] = np.array([float(x) for x in sys.argv[2:14]]).reshape(3, 4)
        i, j, k = np.meshgrid(np.arange(5), np.arange(4), np.arange(3), indexing='ij')
        hdr = nb.Nifti1Header(endianness='>')
        hdr.set_data_dtype(np.int16)
        img = nb.Nifti1Image((i + 10 * j + 100 * k) * 300.7 - 5000.0, aff, header=hdr)
        img.set_qform(aff, code=1)
        img.set_sform(aff, code=2)
        nb.save(img, sys.argv[1])
        back = nb.load(sys.argv[1])
        print(float(back.dataobj.slope), float(back.dataobj.inter))
        print(*back.get_fdata().ravel(order='F'))
        """, args.toArray(new String[0]));

    NiftiImage image = NiftiReader.read(file);

    assertEquals(ByteOrder.BIG_ENDIAN, image.header().byteOrder());
    assertEquals(NiftiDataType.INT16, image.header().dataType());
    double slope = out.get(0)[0];
    assertTrue(slope > 1, "nibabel should have scaled the int16 values, slope " + slope);
    assertEquals(slope, image.header().scaling().slope(), 1e-6 * slope);
    assertEquals(out.get(0)[1], image.header().scaling().inter(), 1e-3);
    assertTrue(image.grid().affine().approximatelyEquals(OBLIQUE, 1e-4),
        image.grid().affine()::toString);
    double[] expected = out.get(1);
    float[] data = image.data();
    assertEquals(expected.length, data.length);
    for (int v = 0; v < data.length; v++) {
      assertEquals(expected[v], data[v], 1e-2, "voxel " + v); // float32 of values up to 7e4
    }
  }

  private static float[] seededValues(int n) {
    Random random = new Random(11);
    float[] data = new float[n];
    for (int v = 0; v < n; v++) {
      data[v] = (float) (random.nextGaussian() * 100);
    }
    return data;
  }

  private static float[] toFloats(double[] d) {
    float[] f = new float[d.length];
    for (int t = 0; t < d.length; t++) {
      f[t] = (float) d[t];
    }
    return f;
  }

  /** Runs a Python script; returns each line of its output as numbers. */
  private static List<double[]> python(String script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(python, "-c", script));
    command.addAll(List.of(args));
    Result r = run(command);
    assertEquals(0, r.exitCode, "python failed:\n" + r.output);
    List<double[]> lines = new ArrayList<>();
    for (String line : r.output.strip().split("\n")) {
      lines.add(Arrays.stream(line.trim().split("\\s+")).mapToDouble(Double::parseDouble)
          .toArray());
    }
    return lines;
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException notFound) {
      return new Result(-1, notFound.getMessage());
    }
    byte[] output = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, "timed out");
    }
    return new Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
