package io.petal.cli;

import io.petal.cluster.ClusterState;
import io.petal.cluster.Daemon;
import io.petal.cluster.LocalCluster;
import io.petal.cluster.LocalClusterSpec;
import io.petal.cluster.MasterStatus;
import io.petal.cluster.SparkJars;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code petal local-cluster start|status|stop}: a Spark standalone cluster of separate JVMs on 127.0.0.1. */
@Command(name = "local-cluster", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Start, show or stop a real Spark standalone cluster on 127.0.0.1: a master and N workers as "
        + "separate JVMs (each application's executors are further JVMs), from the project's own Spark jars.",
        "Then run any stage on it with --master spark://127.0.0.1:PORT."})
public final class LocalClusterCommand implements Callable<Integer> {
  private static final String DIR_HELP = "The cluster's folder: state (cluster.json), logs, worker work dirs.";
  private static final String DEFAULT_DIR = "petal-cluster";

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  @Command(name = "start", mixinStandardHelpOptions = true, showDefaultValues = true,
      description = "Start the master and the workers; returns when every worker has registered.")
  int start(
      @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Worker JVMs.")
      int workers,
      @Option(names = "--cores-per-worker", paramLabel = "C",
          description = "Cores each worker offers. Default: this machine's processors / workers (at least 1).")
      Integer cores,
      @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "2g",
          description = "Memory each worker offers to executors (each takes spark.executor.memory, default 1g).")
      String memory,
      @Option(names = "--port", paramLabel = "PORT", defaultValue = "7077",
          description = "Master port; 0 = any free port.")
      int port,
      @Option(names = "--webui-port", paramLabel = "PORT", defaultValue = "8080",
          description = "Master web UI port; 0 = any free port.")
      int webUiPort,
      @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR, description = DIR_HELP)
      Path dir) throws IOException {
    int c = cores != null ? cores : Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, workers));
    LocalClusterSpec s = new LocalClusterSpec(workers, c, memory, port, webUiPort);
    LocalCluster cluster = new LocalCluster(dir, SparkJars.fromEnvironment());
    ClusterState state = cluster.start(s);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("local Spark cluster up: %s, %d worker(s) x %d core(s), %s each%n", state.masterUrl(), workers, c,
        memory);
    out.println("  web UI    " + state.webUi());
    out.println("  folder    " + cluster.dir() + " (logs/, worker-N/work/<app>/<executor>/stderr)");
    out.println("  run on it bin/petal synth --master " + state.masterUrl() + " --out /tmp/petal-cohort --grid small");
    out.println("  stop it   bin/petal local-cluster stop" + dirOption(dir));
    return 0;
  }

  @Command(name = "status", mixinStandardHelpOptions = true, showDefaultValues = true,
      description = "Print the master URL, the live workers and the running applications. Exit code 1 when no "
          + "cluster runs from the folder or one of its JVMs is gone.")
  int status(@Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR, description = DIR_HELP)
      Path dir) {
    LocalCluster cluster = new LocalCluster(dir, null);
    Optional<ClusterState> state = cluster.state();
    PrintWriter out = spec.commandLine().getOut();
    if (state.isEmpty()) {
      out.println("no local cluster runs from " + cluster.dir());
      return 1;
    }
    ClusterState s = state.get();
    List<Daemon> gone = s.daemonsToStop().stream().filter(d -> !d.alive()).toList();
    out.println("master    " + s.masterUrl() + "  web UI " + s.webUi() + "  (pid " + s.master().pid() + ")");
    try {
      MasterStatus m = MasterStatus.fetch(s.webUi());
      out.printf("state     %s, %d of %d worker(s) alive%n", m.status(), m.aliveWorkers().size(), s.workers().size());
      for (MasterStatus.Worker w : m.aliveWorkers()) {
        out.printf("  worker  %s  cores %d/%d used  memory %d/%d MiB used  %s%n", w.address(), w.coresUsed(),
            w.cores(), w.memoryUsedMb(), w.memoryMb(), w.webUi());
      }
      out.println("applications running: " + m.activeApps().size());
      for (MasterStatus.Application a : m.activeApps()) {
        out.printf("  %s  %s  %d core(s)  %s%n", a.id(), a.name(), a.cores(), a.state());
      }
    } catch (IOException e) {
      out.println("state     master not answering at " + s.webUi() + ": " + e.getMessage());
      return 1;
    }
    for (Daemon d : gone) {
      out.println("gone      " + d.role() + " (pid " + d.pid() + "), see " + d.log());
    }
    return gone.isEmpty() ? 0 : 1;
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, showDefaultValues = true,
      description = "Stop the workers (and their executors) and the master started from the folder.")
  int stop(@Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR, description = DIR_HELP)
      Path dir) throws IOException {
    LocalCluster cluster = new LocalCluster(dir, null);
    List<String> stopped = cluster.stop();
    spec.commandLine().getOut().println(stopped.isEmpty() ? "no local cluster was running from " + cluster.dir()
        : "stopped " + String.join(", ", stopped));
    return 0;
  }

  private static String dirOption(Path dir) {
    return dir.toString().equals(DEFAULT_DIR) ? "" : " --dir " + dir;
  }
}
