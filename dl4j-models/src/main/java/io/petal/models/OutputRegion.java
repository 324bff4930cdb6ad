package io.petal.models;

import java.io.Serializable;
import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * One output of a segmentation network: a region defined by the label values (0..255) it covers,
 * e.g. {@code lesion} = every label above 0, or brain tumour regions derived from BraTS values
 * (whole tumour = 1, 2, 4). Regions may nest (multi-label), so each has its own sigmoid.
 *
 * @param name the region's name in tables and reports ({@code lesion}, {@code WT}, …)
 * @param values the label values inside the region (a non-empty subset of 1..255)
 * @param paintValue the label value written where this region is predicted when a predicted label
 *     map is rebuilt from the regions ({@link ModelChannels#paint}); one of {@code values}
 */
public record OutputRegion(String name, BitSet values, int paintValue) implements Serializable {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  public OutputRegion {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("region name '" + name + "' must be letters, digits, '_', '.' or '-'");
    }
    values = (BitSet) values.clone();
    if (values.isEmpty() || values.get(0) || values.length() > 256) {
      throw new IllegalArgumentException("region " + name + ": label values must be a non-empty subset of 1..255, got "
          + values);
    }
    if (!values.get(paintValue)) {
      throw new IllegalArgumentException("region " + name + ": paint value " + paintValue + " is not one of its values "
          + values);
    }
  }

  /** The region of the given label values, painted with the first of them. */
  public static OutputRegion of(String name, int... labelValues) {
    BitSet b = new BitSet(256);
    for (int v : labelValues) {
      if (v < 1 || v > 255) {
        throw new IllegalArgumentException("region " + name + ": label value " + v + " is not in 1..255");
      }
      b.set(v);
    }
    return new OutputRegion(name, b, labelValues.length == 0 ? 1 : labelValues[0]);
  }

  /** The region of every label above 0, painted with 1 (a binary lesion mask). */
  public static OutputRegion anyLabel(String name) {
    BitSet b = new BitSet(256);
    b.set(1, 256);
    return new OutputRegion(name, b, 1);
  }

  /** The label values (a copy). */
  @Override
  public BitSet values() {
    return (BitSet) values.clone();
  }

  /** Whether a voxel of label {@code value} (an unsigned byte, 0..255) lies in the region. */
  public boolean contains(int value) {
    return value > 0 && values.get(value);
  }

  /** The values as text, ranges joined: {@code 1-255}, {@code 1,2,4}. */
  public String valuesText() {
    StringBuilder sb = new StringBuilder();
    for (int v = values.nextSetBit(0); v >= 0; v = values.nextSetBit(v + 1)) {
      int end = values.nextClearBit(v) - 1;
      sb.append(sb.length() == 0 ? "" : ",").append(v).append(end > v + 1 ? "-" + end : "");
      if (end == v + 1) {
        sb.append(',').append(end);
      }
      v = end;
    }
    return sb.toString();
  }

  /** The inverse of {@link #valuesText()}. */
  public static BitSet parseValues(String text) {
    BitSet b = new BitSet(256);
    for (String part : text.split(",")) {
      String[] range = part.strip().split("-");
      try {
        int from = Integer.parseInt(range[0].strip());
        int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
        if (range.length > 2 || from < 1 || to > 255 || to < from) {
          throw new IllegalArgumentException("label values '" + text + "': '" + part + "' is not a range within 1..255");
        }
        b.set(from, to + 1);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("label values '" + text + "': '" + part + "' is not a number or range", e);
      }
    }
    return b;
  }

  @Override
  public String toString() {
    return name + "{" + valuesText() + "}";
  }
}
