package io.petal.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** Test check that identifying values never reach an output. */
public final class OutputPrivacy {
  private OutputPrivacy() {}

  /** No value of {@code identifying} appears in any byte or in the path of any file under {@code dir}. */
  public static void assertNotInOutputs(Path dir, Collection<String> identifying) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      for (String id : identifying) {
        assertFalse(text.contains(id) || f.toString().contains(id), id + " found in " + f);
      }
    }
  }
}
