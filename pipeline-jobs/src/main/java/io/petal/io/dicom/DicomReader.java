package io.petal.io.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads DICOM files: Part 10 files (128-byte preamble, "DICM", file meta group 0002) in implicit
 * VR little endian, explicit VR little and big endian and deflated explicit VR little endian, and
 * the header of compressed (encapsulated) syntaxes; also raw datasets without Part 10 header that
 * start with a group 0002 or 0008 element (implicit or explicit VR little endian, detected).
 *
 * <p>The whole file is held in memory and parsed with absolute offsets; values are decoded only
 * when asked. The {@code readHeader} methods stop before the pixel data, for fast folder scans;
 * from a path or stream they read only the start of the file when the header fits in it.
 *
 * <p>Thread-safe: all methods are static and share no state.
 */
public final class DicomReader {
  private static final int PREAMBLE = 128;
  private static final byte[] MAGIC = "DICM".getBytes(StandardCharsets.US_ASCII);
  /** Bytes read first by the header-only stream reads; most image headers are far shorter. */
  static final int HEADER_PREFIX = 64 * 1024;

  private DicomReader() {}

  /** Reads {@code file} in full, pixel data included. */
  public static DicomFile read(Path file) throws IOException {
    return read(Files.readAllBytes(file), file.toString());
  }

  /**
   * Reads {@code file} up to (not including) its pixel data, reading only the first
   * {@value #HEADER_PREFIX} bytes when the header fits in them.
   */
  public static DicomFile readHeader(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return readHeader(in, file.toString());
    }
  }

  /** Reads a whole stream (e.g. from a Hadoop FileSystem); {@code source} names it in errors. */
  public static DicomFile read(InputStream in, String source) throws IOException {
    return read(in.readAllBytes(), source);
  }

  /**
   * Reads a stream up to (not including) the pixel data. The first {@value #HEADER_PREFIX} bytes
   * are parsed first; only when the pixel data element does not start within them (a long header,
   * a deflated file, a file without pixel data) is the rest of the stream read and the whole
   * parsed. The stream is not closed.
   */
  public static DicomFile readHeader(InputStream in, String source) throws IOException {
    byte[] head = in.readNBytes(HEADER_PREFIX);
    if (head.length == HEADER_PREFIX) {
      try {
        DicomFile prefix = parse(head, source, true);
        if (prefix.headerOnly()) {
          return prefix; // stopped at the pixel data: every element before it was complete
        }
      } catch (DicomFormatException headerLongerThanPrefix) {
        // decided below on the whole stream
      }
      byte[] rest = in.readAllBytes();
      byte[] all = Arrays.copyOf(head, head.length + rest.length);
      System.arraycopy(rest, 0, all, head.length, rest.length);
      head = all;
    }
    return parse(head, source, true);
  }

  /** Parses {@code bytes} in full; they are not copied, so do not change them afterwards. */
  public static DicomFile read(byte[] bytes, String source) throws DicomFormatException {
    return parse(bytes, source, false);
  }

  /** Parses {@code bytes} up to (not including) the pixel data. */
  public static DicomFile readHeader(byte[] bytes, String source) throws DicomFormatException {
    return parse(bytes, source, true);
  }

  private static DicomFile parse(byte[] bytes, String source, boolean headerOnly)
      throws DicomFormatException {
    DatasetParser parser = new DatasetParser(source, DicomDictionary.standard());
    parser.stopBeforePixelData(headerOnly);
    ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    DicomObject meta = new DicomObject(source, null);

    int datasetStart;
    TransferSyntax ts;
    if (hasPart10Prefix(bytes)) {
      datasetStart = parser.parseFileMeta(le, PREAMBLE + MAGIC.length, meta);
      ts = TransferSyntax.forUid(meta.getString(DicomTags.TRANSFER_SYNTAX_UID), source);
    } else if (startsWithGroup(bytes, 0x0002)) {
      datasetStart = parser.parseFileMeta(le, 0, meta);
      ts = TransferSyntax.forUid(meta.getString(DicomTags.TRANSFER_SYNTAX_UID), source);
    } else if (startsWithGroup(bytes, 0x0008)) {
      datasetStart = 0;
      ts = VR.forCode(bytes[4], bytes[5]) != null ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
          : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    } else {
      throw new DicomFormatException(source, "not a DICOM file: no \"DICM\" after a 128-byte"
          + " preamble, and no group 0002 or 0008 element at the start");
    }

    ByteBuffer data;
    int start;
    if (ts.isDeflated()) {
      data = ByteBuffer.wrap(inflate(bytes, datasetStart, source));
      start = 0;
    } else {
      data = ByteBuffer.wrap(bytes);
      start = datasetStart;
    }
    data.order(ts.byteOrder());
    DicomObject dataset = new DicomObject(source, null);
    parser.parseDataset(new DatasetParser.Encoding(data, ts.isExplicitVr()), start, dataset);
    return new DicomFile(source, ts, meta, dataset, parser.stoppedBeforePixelData());
  }

  private static boolean hasPart10Prefix(byte[] bytes) {
    if (bytes.length < PREAMBLE + MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[PREAMBLE + i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWithGroup(byte[] bytes, int group) {
    return bytes.length >= 8 && (bytes[0] & 0xFF) == group && bytes[1] == 0;
  }

  /** Inflates a raw-deflate (RFC 1951) stream; zlib-wrapped streams are accepted as well. */
  private static byte[] inflate(byte[] bytes, int start, String source)
      throws DicomFormatException {
    try {
      return inflate(bytes, start, true, source);
    } catch (DataFormatException raw) {
      try {
        return inflate(bytes, start, false, source);
      } catch (DataFormatException zlib) {
        throw new DicomFormatException(source, "deflated dataset is corrupt: " + raw.getMessage(),
            raw);
      }
    }
  }

  private static byte[] inflate(byte[] bytes, int start, boolean nowrap, String source)
      throws DataFormatException, DicomFormatException {
    Inflater inflater = new Inflater(nowrap);
    try {
      inflater.setInput(bytes, start, bytes.length - start);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, 4 * bytes.length));
      byte[] chunk = new byte[64 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DicomFormatException(source, "deflated dataset is truncated: the deflate"
              + " stream ends before its final block");
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }
}
