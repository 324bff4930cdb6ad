package io.petal.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code petal local-cluster start} left running, kept as {@code <dir>/cluster.json} so that
 * {@code status} and {@code stop} (other JVMs, later) find it.
 *
 * @param masterUrl {@code spark://127.0.0.1:<port>}
 * @param webUi the master's web UI, {@code http://127.0.0.1:<port>}
 * @param spec what was asked for
 * @param master the master JVM (null while it is being started)
 * @param workers the worker JVMs started so far
 */
public record ClusterState(String masterUrl, String webUi, LocalClusterSpec spec, Daemon master, List<Daemon> workers) {
  /** File name of the state in the cluster folder. */
  public static final String FILE = "cluster.json";
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  public ClusterState {
    workers = List.copyOf(workers);
  }

  /** This state with one more worker. */
  ClusterState withWorker(Daemon worker) {
    List<Daemon> all = new ArrayList<>(workers);
    all.add(worker);
    return new ClusterState(masterUrl, webUi, spec, master, all);
  }

  /** Every JVM, workers first (the order to stop them in). */
  public List<Daemon> daemonsToStop() {
    List<Daemon> all = new ArrayList<>(workers);
    if (master != null) {
      all.add(master);
    }
    return all;
  }

  /** Writes {@code dir/cluster.json} (atomically: a reader sees the old or the new state). */
  void write(Path dir) throws IOException {
    Path tmp = dir.resolve(FILE + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The state in {@code dir}, if a cluster was started there and not stopped. */
  public static Optional<ClusterState> read(Path dir) {
    Path f = dir.resolve(FILE);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(f.toFile(), ClusterState.class));
    } catch (IOException e) {
      throw new IllegalStateException("cluster state " + f + " is not readable (" + e.getMessage()
          + "); stop the processes it names by hand and delete it", e);
    }
  }

  static void delete(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(FILE));
  }
}
