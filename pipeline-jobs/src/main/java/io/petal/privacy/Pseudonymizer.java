package io.petal.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: {@code HMAC-SHA256(key, kind + ":" + sourceId)}, the first 16 bytes as 32
 * hex characters. The same key and source id always give the same pseudonym (so incremental
 * runs and the operator's own look-ups agree); without the key a pseudonym cannot be reversed or
 * recomputed. The key never appears in {@link #toString()} or logs.
 */
public final class Pseudonymizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";
  /** Pseudonym length in bytes (hex doubles it). */
  static final int BYTES = 16;

  private final byte[] key;

  /** @param key secret key bytes, at least 16 */
  public Pseudonymizer(byte[] key) {
    if (key == null || key.length < 16) {
      throw new IllegalArgumentException("the pseudonym key must be at least 16 bytes long");
    }
    this.key = key.clone();
  }

  /** Pseudonym of a patient id. */
  public String patient(String sourcePatientId) {
    return of("patient", sourcePatientId);
  }

  /** Pseudonym of a study (scoped by its patient, so equal study ids of two patients differ). */
  public String study(String sourcePatientId, String sourceStudyId) {
    return of("study", sourcePatientId + "\u0000" + sourceStudyId);
  }

  /** Pseudonym of any other identifying value, namespaced by {@code kind}. */
  public String of(String kind, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("cannot pseudonymise an empty " + kind + " id");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      byte[] h = mac.doFinal((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "Pseudonymizer(HMAC-SHA256, key hidden)";
  }
}
