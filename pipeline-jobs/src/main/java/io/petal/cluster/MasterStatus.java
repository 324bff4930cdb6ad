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
import java.util.List;

/**
 * A Spark standalone master's view of its cluster, read from its web UI's JSON
 * ({@code http://<ui>/json/}): its state, the workers that registered and the running applications.
 *
 * @param url the master URL it serves ({@code spark://host:port})
 * @param status {@code ALIVE} for a working master
 */
public record MasterStatus(String url, String status, List<Worker> workers, List<Application> activeApps) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param address {@code host:port} of the worker's RPC endpoint
   * @param state {@code ALIVE}, {@code DEAD}, …
   * @param memoryMb memory offered to executors, MiB
   */
  public record Worker(String id, String address, String state, int cores, int coresUsed, long memoryMb,
      long memoryUsedMb, String webUi) {}

  /** A running application (a driver with executors on the workers). */
  public record Application(String id, String name, int cores, String state) {}

  /** Workers in state ALIVE. */
  public List<Worker> aliveWorkers() {
    return workers.stream().filter(w -> "ALIVE".equals(w.state())).toList();
  }

  /** Reads the master's status from its web UI; an IOException when it does not answer. */
  public static MasterStatus fetch(String webUi) throws IOException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(webUi + "/json/")).timeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> resp;
    try {
      resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking " + webUi, e);
    }
    if (resp.statusCode() != 200) {
      throw new IOException("master web UI " + webUi + " answered HTTP " + resp.statusCode());
    }
    return parse(resp.body());
  }

  /** Parses the master's {@code /json/} document. */
  static MasterStatus parse(String json) throws IOException {
    JsonNode root = JSON.readTree(json);
    List<Worker> workers = new ArrayList<>();
    for (JsonNode w : root.path("workers")) {
      workers.add(new Worker(w.path("id").asText(), w.path("host").asText() + ":" + w.path("port").asInt(),
          w.path("state").asText(), w.path("cores").asInt(), w.path("coresused").asInt(), w.path("memory").asLong(),
          w.path("memoryused").asLong(), w.path("webuiaddress").asText()));
    }
    List<Application> apps = new ArrayList<>();
    for (JsonNode a : root.path("activeapps")) {
      apps.add(new Application(a.path("id").asText(), a.path("name").asText(), a.path("cores").asInt(),
          a.path("state").asText()));
    }
    return new MasterStatus(root.path("url").asText(), root.path("status").asText(), workers, apps);
  }
}
