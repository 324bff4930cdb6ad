package io.petal.cluster;

import org.apache.spark.network.util.JavaUtils;

/**
 * What {@code petal local-cluster start} starts: a master and {@code workers} worker JVMs on
 * 127.0.0.1, each worker offering {@code coresPerWorker} cores and {@code memoryPerWorker} (a
 * Spark size string such as {@code 2g}) to executors.
 *
 * @param masterPort the master's RPC port ({@code spark://127.0.0.1:<port>}); 0 = any free port
 * @param webUiPort the master's web UI port; 0 = any free port
 */
public record LocalClusterSpec(int workers, int coresPerWorker, String memoryPerWorker, int masterPort, int webUiPort) {
  public LocalClusterSpec {
    if (workers < 1 || coresPerWorker < 1) {
      throw new IllegalArgumentException("need at least 1 worker and 1 core per worker, got " + workers
          + " worker(s) with " + coresPerWorker + " core(s)");
    }
    if (memoryMb(memoryPerWorker) < 1) {
      throw new IllegalArgumentException("worker memory " + memoryPerWorker + " is below 1 MiB");
    }
    for (int port : new int[] {masterPort, webUiPort}) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is not in 0..65535");
      }
    }
  }

  /** Worker memory in MiB. */
  public long memoryMbPerWorker() {
    return memoryMb(memoryPerWorker);
  }

  private static long memoryMb(String size) {
    try {
      return JavaUtils.byteStringAsMb(size);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("worker memory '" + size + "' is not a size such as 2g or 1536m", e);
    }
  }
}
