package io.petal.jobs;

import io.petal.image.Volume;
import io.petal.io.HadoopFiles;
import io.petal.io.nifti.NiftiDataType;
import io.petal.io.nifti.NiftiWriter;
import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/** File and text helpers the synthetic study writers share. */
final class SynthFiles {
  private SynthFiles() {}

  /** Writes {@code v} as gzipped NIfTI of {@code type} at {@code path} (any Hadoop path), atomically. */
  static void writeNifti(String path, Volume v, NiftiDataType type, Configuration c) throws IOException {
    HadoopFiles.writeAtomically(path, c, out -> NiftiWriter.write(v, out, type, true));
  }

  /** A number with two decimals (CSV cells). */
  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
