package io.petal.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the executor JVMs of an application among the local cluster's processes: the children of
 * the worker JVMs that run {@value SparkJars#EXECUTOR_MAIN} with the application's id and the
 * executor's id on their command line.
 */
final class ExecutorJvms {
  private ExecutorJvms() {}

  static Optional<ProcessHandle> find(ClusterState cluster, String appId, String executorId) {
    return cluster.workers().stream()
        .flatMap(w -> w.process().stream())
        .flatMap(ProcessHandle::descendants)
        .filter(p -> isExecutor(arguments(p), appId, executorId))
        .findFirst();
  }

  static boolean isExecutor(List<String> args, String appId, String executorId) {
    return args.contains(SparkJars.EXECUTOR_MAIN) && follows(args, "--executor-id", executorId)
        && follows(args, "--app-id", appId);
  }

  private static boolean follows(List<String> args, String flag, String value) {
    int i = args.indexOf(flag);
    return i >= 0 && i + 1 < args.size() && args.get(i + 1).equals(value);
  }

  /**
   * The process's arguments. On Linux from {@code /proc/<pid>/cmdline}, since
   * {@link ProcessHandle.Info#arguments()} gives nothing for a command line over 4 KiB - and an
   * executor's class path alone is longer.
   */
  private static List<String> arguments(ProcessHandle p) {
    Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
    if (Files.isReadable(cmdline)) {
      try {
        String all = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
        return Arrays.asList(all.split("\0"));
      } catch (IOException e) {
        return List.of(); // the process ended meanwhile
      }
    }
    return p.info().arguments().map(List::of).orElse(List.of());
  }
}
