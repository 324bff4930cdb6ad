package io.petal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterStatusTest {
  /** A Spark 3.5.7 master's {@code /json/} while petal synth ran, with a third worker marked DEAD. */
  private static String sample() throws IOException {
    try (InputStream in = MasterStatusTest.class.getResourceAsStream("master-status.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsTheMasterItsWorkersAndRunningApplications() throws IOException {
    MasterStatus s = MasterStatus.parse(sample());
    assertEquals("spark://127.0.0.1:37537", s.url());
    assertEquals("ALIVE", s.status());
    assertEquals(3, s.workers().size());
    assertEquals(List.of("127.0.0.1:32973", "127.0.0.1:38081"),
        s.aliveWorkers().stream().map(MasterStatus.Worker::address).toList());
    MasterStatus.Worker w = s.aliveWorkers().get(0);
    assertEquals(List.of(1, 1), List.of(w.cores(), w.coresUsed()));
    assertEquals(List.of(1536L, 1024L), List.of(w.memoryMb(), w.memoryUsedMb()));
    assertEquals("http://127.0.0.1:36261", w.webUi());
    assertEquals(List.of(new MasterStatus.Application("app-20261121170938-0003", "petal-synth", 2, "RUNNING")),
        s.activeApps());
  }

  @Test
  void aMasterWithoutWorkersOrApplicationsHasEmptyLists() throws IOException {
    MasterStatus s = MasterStatus.parse("{\"url\":\"spark://127.0.0.1:7077\",\"status\":\"STANDBY\"}");
    assertEquals("STANDBY", s.status());
    assertEquals(List.of(), s.workers());
    assertEquals(List.of(), s.activeApps());
  }
}
