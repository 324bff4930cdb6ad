package io.petal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.petal.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Readers independent of Spark and Arrow Java, run through Node.js: DuckDB ({@code @duckdb/node-api})
 * for Parquet and Apache Arrow JS ({@code apache-arrow}) for Arrow IPC files, installed from the
 * npm registry by {@code pipeline-jobs/src/test/node/install.sh} into {@code target/node-readers}.
 * Missing node or packages skip the test, or fail it under {@code CI=true}.
 */
final class NodeReaders {
  private final Path script;
  private final Path modules;

  private NodeReaders(Path script, Path modules) {
    this.script = script;
    this.modules = modules;
  }

  /** The readers, or a skip (a failure under CI) when they are not installed. */
  static NodeReaders require() throws Exception {
    SharedData.requireTool("node");
    Path target = Path.of(NodeReaders.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    Path modules = target.resolve("node-readers/node_modules");
    SharedData.require(Files.isDirectory(modules.resolve("@duckdb/node-api"))
        && Files.isDirectory(modules.resolve("apache-arrow")),
        "npm packages @duckdb/node-api and apache-arrow are not in " + modules
            + " (run pipeline-jobs/src/test/node/install.sh)");
    return new NodeReaders(target.getParent().resolve("src/test/node/read-outputs.cjs"), modules);
  }

  /** Rows of a DuckDB query (e.g. over {@code read_parquet(...)}). */
  JsonNode duckdb(String sql) throws IOException, InterruptedException {
    return run("duckdb", sql).get("rows");
  }

  /** {@code {"fields": [{name, type}], "rows": [...]}} of an Arrow IPC file read by Arrow JS. */
  JsonNode arrow(Path file) throws IOException, InterruptedException {
    return run("arrow", file.toString());
  }

  private JsonNode run(String mode, String arg) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(List.of("node", script.toString(), mode, arg));
    pb.environment().put("NODE_PATH", modules.toString());
    Path err = Files.createTempFile("node-reader", ".err");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node did not finish");
    String stderr = Files.readString(err);
    Files.delete(err);
    assertEquals(0, p.exitValue(), "node " + mode + " failed: " + stderr);
    return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
  }
}
