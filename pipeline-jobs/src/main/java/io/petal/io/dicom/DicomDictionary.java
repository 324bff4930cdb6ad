package io.petal.io.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The small data dictionary used for implicit VR datasets: tag to VR and keyword, loaded once from
 * the class-path resource {@code dictionary.txt} beside this class.
 *
 * <p>Rules beyond the table: group length elements (gggg,0000) are UL; private creator elements
 * (odd group, element 0010-00FF) are LO; every other unknown tag, private tags included, is UN.
 */
public final class DicomDictionary {
  private static final String RESOURCE = "dictionary.txt";
  private static final DicomDictionary STANDARD = load();

  private final Map<Integer, VR> vrs;
  private final Map<Integer, String> keywords;
  private final Map<Integer, Boolean> signedByPixelRepresentation;

  private DicomDictionary(
      Map<Integer, VR> vrs, Map<Integer, String> keywords, Map<Integer, Boolean> signedByPr) {
    this.vrs = vrs;
    this.keywords = keywords;
    this.signedByPixelRepresentation = signedByPr;
  }

  /** The dictionary shipped with the reader. */
  public static DicomDictionary standard() {
    return STANDARD;
  }

  /**
   * The VR of {@code tag} for implicit VR parsing; UN when unknown. For tags whose VR is "US or
   * SS" this returns US; see {@link #isSignedWithPixelRepresentation}.
   */
  public VR vr(int tag) {
    VR vr = vrs.get(tag);
    if (vr != null) {
      return vr;
    }
    int element = tag & 0xFFFF;
    if (element == 0) {
      return VR.UL;
    }
    if (isPrivateCreator(tag)) {
      return VR.LO;
    }
    return VR.UN;
  }

  /** True when the standard VR of {@code tag} is "US or SS", decided by PixelRepresentation. */
  public boolean isSignedWithPixelRepresentation(int tag) {
    return signedByPixelRepresentation.containsKey(tag);
  }

  /** True when the dictionary knows {@code tag}. */
  public boolean contains(int tag) {
    return vrs.containsKey(tag);
  }

  /** The keyword of {@code tag} (e.g. "RescaleSlope"), or null when unknown. */
  public String keyword(int tag) {
    return keywords.get(tag);
  }

  /** "(0028,1053) RescaleSlope", or the bare "(gggg,eeee)" for tags without a keyword. */
  public String describe(int tag) {
    String keyword = keywords.get(tag);
    String text = DicomTags.format(tag);
    return keyword == null ? text : text + " " + keyword;
  }

  /** True for private creator elements: odd group, element 0x0010 to 0x00FF. */
  static boolean isPrivateCreator(int tag) {
    int element = tag & 0xFFFF;
    return isPrivateGroup(tag) && element >= 0x0010 && element <= 0x00FF;
  }

  /** True for tags in an odd (private) group. */
  static boolean isPrivateGroup(int tag) {
    return ((tag >>> 16) & 1) == 1;
  }

  private static DicomDictionary load() {
    Map<Integer, VR> vrs = new HashMap<>();
    Map<Integer, String> keywords = new HashMap<>();
    Map<Integer, Boolean> signedByPr = new HashMap<>();
    try (InputStream in = DicomDictionary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("DICOM dictionary resource " + RESOURCE + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 3 || parts[0].length() != 9 || parts[0].charAt(4) != ',') {
          throw new IllegalStateException("bad line in DICOM dictionary: " + line);
        }
        int tag = Integer.parseUnsignedInt(parts[0].replace(",", ""), 16);
        if (parts[1].equals("xs")) {
          vrs.put(tag, VR.US);
          signedByPr.put(tag, Boolean.TRUE);
        } else {
          vrs.put(tag, VR.valueOf(parts[1]));
        }
        keywords.put(tag, parts[2]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read DICOM dictionary " + RESOURCE, e);
    }
    return new DicomDictionary(Map.copyOf(vrs), Map.copyOf(keywords), Map.copyOf(signedByPr));
  }
}
