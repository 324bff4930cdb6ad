package io.petal.io.dicom;

import io.petal.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dcmtk command-line tools (dcmconv, dcmcjpeg, dcmcrle) for test fixtures. */
final class Dcmtk {
  private Dcmtk() {}

  /**
   * Runs {@code tool options... in out}; skips the test (fails under CI) when the tool is
   * missing, and fails when it exits with an error.
   */
  static Path convert(String tool, Path in, Path out, String... options)
      throws IOException, InterruptedException {
    SharedData.requireTool(tool);
    List<String> command = new ArrayList<>();
    command.add(tool);
    command.addAll(List.of(options));
    command.add(in.toString());
    command.add(out.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + log);
    }
    return out;
  }
}
