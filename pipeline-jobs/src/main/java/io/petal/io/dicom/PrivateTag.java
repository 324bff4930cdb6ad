package io.petal.io.dicom;

/**
 * A private attribute, named as the standard requires: its odd {@code group}, the private
 * {@code creator} that reserves a block of elements, and the {@code offset} (0x00-0xFF) inside
 * that block. The element number in a file is {@code block << 8 | offset}, where the block is the
 * element number (0x10-0xFF) of the creator element (gggg,00bb) whose value is {@code creator}.
 *
 * <p>{@code vr} is the VR to decode the value with when the file does not say (implicit VR).
 */
public record PrivateTag(int group, String creator, int offset, VR vr, String keyword) {

  public PrivateTag {
    if ((group & 1) == 0 || group < 0x0009 || group > 0xFFFF) {
      throw new IllegalArgumentException("private groups are odd, 0009-FFFF: " + group);
    }
    if (offset < 0 || offset > 0xFF) {
      throw new IllegalArgumentException("private element offset must be 00-FF: " + offset);
    }
    if (creator == null || creator.isBlank() || vr == null) {
      throw new IllegalArgumentException("a private tag needs a creator and a VR");
    }
  }

  /** The tag this attribute has when its creator holds block {@code block} (0x10-0xFF). */
  public int tagInBlock(int block) {
    return group << 16 | block << 8 | offset;
  }

  /** The tag in the conventional first block 0x10, e.g. (7053,1000). */
  public int conventionalTag() {
    return tagInBlock(0x10);
  }

  @Override
  public String toString() {
    return String.format("(%04x,\"%s\",%02x) %s", group, creator, offset, keyword);
  }
}
