package io.petal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Watches a running driver through its REST API ({@code <web UI>/api/v1}) to time a fault: waits
 * until a stage whose name (its call site, e.g. {@code collect at IngestJob.java:80}) contains a
 * marker has tasks running, and says which executors run them, the one whose task started last
 * first (the task most likely to still be running a moment later).
 */
final class DriverRestApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Tasks of {@code stage} of application {@code appId} run on {@code executorIds} (latest task launch first). */
  record RunningStage(String appId, String stage, List<String> executorIds) {}

  private DriverRestApi() {}

  /**
   * Polls every 100 ms until a stage named with {@code marker} has running tasks; fails the test
   * when the driver exits first or after {@code timeout}.
   */
  static RunningStage awaitRunningTasks(DriverRun run, String marker, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastError = "driver web UI not bound yet";
    while (System.nanoTime() < deadline) {
      if (!run.process().isAlive()) {
        throw new AssertionError(run.name() + ": driver exited before a '" + marker + "' stage ran tasks; "
            + run.tail(40));
      }
      Optional<String> ui = run.webUi();
      if (ui.isPresent()) {
        try {
          Optional<RunningStage> s = runningStage(ui.get() + "/api/v1", marker);
          if (s.isPresent()) {
            return s.get();
          }
        } catch (IOException e) {
          lastError = e.toString();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(run.name() + ": no task of a '" + marker + "' stage ran within " + timeout.toSeconds()
        + " s (" + lastError + "); " + run.tail(40));
  }

  private static Optional<RunningStage> runningStage(String api, String marker) throws IOException,
      InterruptedException {
    JsonNode apps = get(api + "/applications");
    if (apps.isEmpty()) {
      return Optional.empty();
    }
    String app = apps.get(0).path("id").asText();
    for (JsonNode stage : get(api + "/applications/" + app + "/stages?status=active")) {
      // The stage's own numActiveTasks is not used: the status store writes a stage at most every
      // spark.ui.liveUpdate.period and flushes stale ones only on executor heartbeats, so it can
      // read 0 for a whole short stage; a task is written the moment it starts.
      if (stage.path("name").asText().contains(marker)) {
        List<JsonNode> tasks = new ArrayList<>();
        get(api + "/applications/" + app + "/stages/" + stage.path("stageId").asInt() + "/"
            + stage.path("attemptId").asInt() + "/taskList?status=running&length=1000").forEach(tasks::add);
        List<String> busy = tasks.stream()
            .sorted(Comparator.comparing((JsonNode t) -> t.path("launchTime").asText()).reversed())
            .map(t -> t.path("executorId").asText())
            .distinct()
            .toList();
        if (!busy.isEmpty()) {
          return Optional.of(new RunningStage(app, stage.path("name").asText(), busy));
        }
      }
    }
    return Optional.empty();
  }

  private static JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(url + ": HTTP " + r.statusCode());
    }
    return JSON.readTree(r.body());
  }
}
