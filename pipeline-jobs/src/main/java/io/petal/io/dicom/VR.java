package io.petal.io.dicom;

/**
 * DICOM value representations (PS3.5 section 6.2) with what the parser and the value decoders need
 * to know about each: the size of the explicit-VR length field, whether the value is text (and
 * whether that text follows SpecificCharacterSet) and the size of one binary value.
 */
public enum VR {
  AE(Kind.ASCII_TEXT, 0, false),
  AS(Kind.ASCII_TEXT, 0, false),
  AT(Kind.TAG, 4, false),
  CS(Kind.ASCII_TEXT, 0, false),
  DA(Kind.ASCII_TEXT, 0, false),
  DS(Kind.ASCII_TEXT, 0, false),
  DT(Kind.ASCII_TEXT, 0, false),
  FL(Kind.FLOAT, 4, false),
  FD(Kind.FLOAT, 8, false),
  IS(Kind.ASCII_TEXT, 0, false),
  LO(Kind.CHARSET_TEXT, 0, false),
  LT(Kind.CHARSET_TEXT, 0, false),
  OB(Kind.BYTES, 1, true),
  OD(Kind.FLOAT, 8, true),
  OF(Kind.FLOAT, 4, true),
  OL(Kind.UNSIGNED, 4, true),
  OV(Kind.UNSIGNED, 8, true),
  OW(Kind.UNSIGNED, 2, true),
  PN(Kind.CHARSET_TEXT, 0, false),
  SH(Kind.CHARSET_TEXT, 0, false),
  SL(Kind.SIGNED, 4, false),
  SQ(Kind.SEQUENCE, 0, true),
  SS(Kind.SIGNED, 2, false),
  ST(Kind.CHARSET_TEXT, 0, false),
  SV(Kind.SIGNED, 8, true),
  TM(Kind.ASCII_TEXT, 0, false),
  UC(Kind.CHARSET_TEXT, 0, true),
  UI(Kind.ASCII_TEXT, 0, false),
  UL(Kind.UNSIGNED, 4, false),
  UN(Kind.BYTES, 1, true),
  UR(Kind.ASCII_TEXT, 0, true),
  US(Kind.UNSIGNED, 2, false),
  UT(Kind.CHARSET_TEXT, 0, true),
  UV(Kind.UNSIGNED, 8, true);

  /** How a value of this VR is encoded. */
  public enum Kind {
    /** Text in the default repertoire (digits, codes, UIDs, dates). */
    ASCII_TEXT,
    /** Text whose bytes follow SpecificCharacterSet (0008,0005). */
    CHARSET_TEXT,
    /** Binary signed integers. */
    SIGNED,
    /** Binary unsigned integers. */
    UNSIGNED,
    /** Binary IEEE floats. */
    FLOAT,
    /** Attribute tags (two unsigned 16-bit words). */
    TAG,
    /** Opaque bytes. */
    BYTES,
    /** A sequence of items. */
    SEQUENCE
  }

  private static final VR[] BY_CODE = new VR[26 * 26];

  static {
    for (VR vr : values()) {
      BY_CODE[index(vr.name().charAt(0), vr.name().charAt(1))] = vr;
    }
  }

  private final Kind kind;
  private final int binarySize;
  private final boolean longLength;

  VR(Kind kind, int binarySize, boolean longLength) {
    this.kind = kind;
    this.binarySize = binarySize;
    this.longLength = longLength;
  }

  /** How values of this VR are encoded. */
  public Kind kind() {
    return kind;
  }

  /** True for text VRs (both repertoires). */
  public boolean isText() {
    return kind == Kind.ASCII_TEXT || kind == Kind.CHARSET_TEXT;
  }

  /** True for binary numeric VRs (integers and floats, including OW/OL/OV/OF/OD). */
  public boolean isBinaryNumber() {
    return kind == Kind.SIGNED || kind == Kind.UNSIGNED || kind == Kind.FLOAT;
  }

  /** Bytes per value for binary VRs; 0 for text and sequences. */
  public int binarySize() {
    return binarySize;
  }

  /**
   * True when explicit-VR encoding uses 2 reserved bytes and a 4-byte length (OB, OD, OF, OL, OV,
   * OW, SQ, SV, UC, UN, UR, UT, UV); false for the 2-byte length form.
   */
  public boolean hasLongLength() {
    return longLength;
  }

  /** The VR whose two-letter code is {@code c0 c1} (ASCII bytes), or null if none. */
  public static VR forCode(int c0, int c1) {
    if (c0 < 'A' || c0 > 'Z' || c1 < 'A' || c1 > 'Z') {
      return null;
    }
    return BY_CODE[index(c0, c1)];
  }

  private static int index(int c0, int c1) {
    return (c0 - 'A') * 26 + (c1 - 'A');
  }
}
