package io.petal.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the project's reference data ({@code ../shared/data} beside the checkout) for tests.
 *
 * <p>The folder is found through the system property {@code petal.shared.dir} (set by Surefire to
 * {@code ${maven.multiModuleProjectDirectory}/../shared}) or by walking up from the working
 * directory. Where it is absent a test is skipped with a clear message, except under {@code CI=true},
 * where it fails: CI always has the folder.
 */
public final class SharedData {
  private SharedData() {}

  /** {@code shared/data/<relative>}, skipping (or failing under CI) when absent. */
  public static Path data(String relative) {
    Path p = sharedDir().resolve("data").resolve(relative);
    require(Files.exists(p), "reference data " + p + " is missing");
    return p;
  }

  /** The {@code shared} folder. */
  public static Path sharedDir() {
    String prop = System.getProperty("petal.shared.dir");
    if (prop != null && Files.isDirectory(Paths.get(prop))) {
      return Paths.get(prop).toAbsolutePath().normalize();
    }
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("data"))) {
        return candidate.normalize();
      }
      dir = dir.getParent();
    }
    require(false, "the shared folder beside the checkout was not found (set -Dpetal.shared.dir)");
    return null;
  }

  /** True when running under CI ({@code CI=true}). */
  public static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Skips the test when {@code condition} is false, or fails it under CI: outside tools and
   * shared data are always installed there, so their absence is a CI bug, never a skip.
   */
  public static void require(boolean condition, String whatIsMissing) {
    if (!condition && underCi()) {
      throw new AssertionError(whatIsMissing + " (CI=true: .ci/run must install it)");
    }
    assumeTrue(condition, whatIsMissing);
  }

  /** Requires an executable on the PATH (e.g. {@code dcmdump}); see {@link #require}. */
  public static void requireTool(String executable) {
    boolean found = false;
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(java.io.File.pathSeparator)) {
        if (Files.isExecutable(Paths.get(d, executable))) {
          found = true;
          break;
        }
      }
    }
    require(found, "outside tool '" + executable + "' is not installed");
  }
}
