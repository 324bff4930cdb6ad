package io.petal.io.dicom;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * UIDs under the {@code 2.25} root (PS3.5 B.2: a UUID written as one decimal integer), derived
 * from a name, so generated files get the same UIDs on every run.
 */
public final class DicomUids {
  private DicomUids() {}

  /** The UID of the name-based (MD5, version 3) UUID of {@code name}: at most 44 characters. */
  public static String fromName(String name) {
    UUID u = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    BigInteger hi = new BigInteger(Long.toUnsignedString(u.getMostSignificantBits()));
    BigInteger lo = new BigInteger(Long.toUnsignedString(u.getLeastSignificantBits()));
    return "2.25." + hi.shiftLeft(64).or(lo);
  }
}
