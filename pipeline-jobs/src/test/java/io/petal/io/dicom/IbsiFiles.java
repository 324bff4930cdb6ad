package io.petal.io.dicom;

import io.petal.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The IBSI soft-tissue-sarcoma DICOM files of the shared reference data. */
final class IbsiFiles {
  private IbsiFiles() {}

  /** {@code ibsi-sts/dicom/<patient>/<modality>/image}: the sorted slice files. */
  static List<Path> series(String patient, String modality) {
    Path dir = SharedData.data("ibsi-sts/dicom/" + patient + "/" + modality + "/image");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code count} files spread evenly over the series, first and last included. */
  static List<Path> sample(String patient, String modality, int count) {
    List<Path> all = series(patient, modality);
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path p = all.get((int) Math.round(i * (all.size() - 1.0) / (count - 1)));
      if (!out.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /** The RTSTRUCT drawn on {@code modality} of {@code patient}. */
  static Path rtstruct(String patient, String modality) {
    return SharedData.data("ibsi-sts/dicom/" + patient + "/" + modality + "/mask/RS.dcm");
  }

  /** First PET slice of STS_001. */
  static Path petSlice() {
    return series("STS_001", "PET").get(0);
  }
}
