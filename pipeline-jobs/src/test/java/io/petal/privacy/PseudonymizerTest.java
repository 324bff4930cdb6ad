package io.petal.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymizerTest {
  private static final byte[] KEY = "0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8);

  @Test
  void matchesAnIndependentHmacComputation() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
    byte[] full = mac.doFinal("patient:STS_001".getBytes(StandardCharsets.UTF_8));
    String expected = java.util.HexFormat.of().formatHex(full).substring(0, 32);
    assertEquals(expected, new Pseudonymizer(KEY).patient("STS_001"));
  }

  @Test
  void stableForOneKeyDifferentForAnother() {
    Pseudonymizer a = new Pseudonymizer(KEY);
    Pseudonymizer b = new Pseudonymizer("another-key-of-16+bytes".getBytes(StandardCharsets.UTF_8));
    assertEquals(a.patient("P1"), a.patient("P1"));
    assertNotEquals(a.patient("P1"), b.patient("P1"));
    assertNotEquals(a.study("P1", "S1"), a.study("P2", "S1"));
    assertFalse(a.patient("P1").contains("P1"));
  }

  @Test
  void keyNeverShownAndShortKeysRefused() {
    assertFalse(new Pseudonymizer(KEY).toString().contains("secret"));
    assertThrows(IllegalArgumentException.class, () -> new Pseudonymizer("short".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void keyFromEnvironmentThenFileElseErrorOutsideTheDemo(@TempDir Path dir) throws Exception {
    Pseudonymizer fromEnv = PseudonymKeys.resolve(null, false, Map.of(PseudonymKeys.KEY_ENV, new String(KEY, StandardCharsets.UTF_8)));
    assertEquals(new Pseudonymizer(KEY).patient("x"), fromEnv.patient("x"));

    Path f = dir.resolve("key");
    Files.writeString(f, new String(KEY, StandardCharsets.UTF_8) + "\n");
    assertEquals(new Pseudonymizer(KEY).patient("x"), PseudonymKeys.resolve(f.toString(), false, Map.of()).patient("x"));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PseudonymKeys.resolve(null, false, Map.of()));
    assertTrue(e.getMessage().contains(PseudonymKeys.KEY_ENV), e.getMessage());
    PseudonymKeys.resolve(null, true, Map.of()).patient("x"); // the demo may run without a key
  }
}
