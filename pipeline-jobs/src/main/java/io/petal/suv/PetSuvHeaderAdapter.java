package io.petal.suv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Builds a {@link PetSuvHeader} from the instances of one PET series given as maps from DICOM
 * keyword to value (the layout of the {@code suv-headers} JSON files and of keyword-based DICOM
 * readers).
 *
 * <p>Accepted values: strings for DA/TM/DT/CS attributes; numbers or numeric strings (DS/IS, spaces
 * ignored) for numeric ones; a list of strings or one backslash-separated string for {@code
 * CorrectedImage}. Empty strings count as absent. The radiopharmaceutical attributes may be given
 * flat or inside the first item of {@code RadiopharmaceuticalInformationSequence}. Private
 * attributes have no keyword; they are read from:
 *
 * <ul>
 *   <li>Philips (7053,1000) / (7053,1009): {@code PhilipsPETPrivateGroup.SUVScaleFactor} / {@code
 *       .ActivityConcentrationScaleFactor}, or the flat keys {@code 70531000} / {@code 70531009};
 *   <li>GE (0009,100D): {@code GEPrivatePostInjectionDateTime} or the flat key {@code 0009100D}.
 * </ul>
 *
 * Series-level attributes must have the same value in every instance, otherwise the maps are not
 * one series and a {@link SuvException} names the attribute and the differing values.
 */
public final class PetSuvHeaderAdapter {
  /** Key of the nested Philips private group (calculate-suv convention). */
  public static final String PHILIPS_GROUP = "PhilipsPETPrivateGroup";

  /** Flat key of Philips private (7053,1000), the SUV scale factor. */
  public static final String PHILIPS_SUV_SCALE_FACTOR_TAG = "70531000";

  /** Flat key of Philips private (7053,1009), the activity-concentration scale factor. */
  public static final String PHILIPS_ACTIVITY_CONCENTRATION_TAG = "70531009";

  /** Key of GE private (0009,100D), the post-injection date-time (calculate-suv convention). */
  public static final String GE_POST_INJECTION = "GEPrivatePostInjectionDateTime";

  /** Flat key of GE private (0009,100D). */
  public static final String GE_POST_INJECTION_TAG = "0009100D";

  private static final String RADIOPHARMACEUTICAL_SEQUENCE =
      "RadiopharmaceuticalInformationSequence";

  private PetSuvHeaderAdapter() {}

  /**
   * The header of one series.
   *
   * @param keywordToValue one map per instance, keyed by DICOM keyword
   * @throws SuvException when the list is empty, a value has the wrong type, or a series-level
   *     value differs between instances
   */
  public static PetSuvHeader fromInstances(List<Map<String, Object>> keywordToValue) {
    if (keywordToValue == null || keywordToValue.isEmpty()) {
      throw new SuvException("SOPInstanceUID", "no PET instances given for the series");
    }
    List<Map<String, Object>> inst = new ArrayList<>();
    for (Map<String, Object> m : keywordToValue) {
      inst.add(withRadiopharmaceuticalItem(m));
    }
    PetSuvHeader.Builder b =
        PetSuvHeader.builder()
            .manufacturer(series(inst, "Manufacturer", PetSuvHeaderAdapter::text))
            .units(series(inst, "Units", PetSuvHeaderAdapter::text))
            .decayCorrection(series(inst, "DecayCorrection", PetSuvHeaderAdapter::text))
            .correctedImage(series(inst, "CorrectedImage", PetSuvHeaderAdapter::texts))
            .patientWeightKg(series(inst, "PatientWeight", PetSuvHeaderAdapter::number))
            .patientSizeM(series(inst, "PatientSize", PetSuvHeaderAdapter::number))
            .patientSex(series(inst, "PatientSex", PetSuvHeaderAdapter::text))
            .series(
                series(inst, "SeriesDate", PetSuvHeaderAdapter::text),
                series(inst, "SeriesTime", PetSuvHeaderAdapter::text))
            .radiopharmaceuticalStartTime(
                series(inst, "RadiopharmaceuticalStartTime", PetSuvHeaderAdapter::text))
            .radiopharmaceuticalStartDateTime(
                series(inst, "RadiopharmaceuticalStartDateTime", PetSuvHeaderAdapter::text))
            .radionuclideTotalDoseBq(
                series(inst, "RadionuclideTotalDose", PetSuvHeaderAdapter::number))
            .radionuclideHalfLifeS(
                series(inst, "RadionuclideHalfLife", PetSuvHeaderAdapter::number))
            .philipsSuvScaleFactor(
                series(
                    inst,
                    "(7053,1000) Philips SUV scale factor",
                    m -> philips(m, "SUVScaleFactor", PHILIPS_SUV_SCALE_FACTOR_TAG),
                    PetSuvHeaderAdapter::number))
            .philipsActivityConcentrationScaleFactor(
                series(
                    inst,
                    "(7053,1009) Philips activity concentration scale factor",
                    m ->
                        philips(
                            m,
                            "ActivityConcentrationScaleFactor",
                            PHILIPS_ACTIVITY_CONCENTRATION_TAG),
                    PetSuvHeaderAdapter::number))
            .gePostInjectionDateTime(
                series(
                    inst,
                    "(0009,100D) GE post-injection date-time",
                    m ->
                        m.get(GE_POST_INJECTION) != null
                            ? m.get(GE_POST_INJECTION)
                            : m.get(GE_POST_INJECTION_TAG),
                    PetSuvHeaderAdapter::text));
    for (Map<String, Object> m : inst) {
      b.addInstance(
          new PetInstanceTiming(
              text("AcquisitionDate", m.get("AcquisitionDate")),
              text("AcquisitionTime", m.get("AcquisitionTime")),
              number("FrameReferenceTime", m.get("FrameReferenceTime")),
              number("ActualFrameDuration", m.get("ActualFrameDuration"))));
    }
    return b.build();
  }

  /** The instance map with the first radiopharmaceutical item's attributes added (flat wins). */
  private static Map<String, Object> withRadiopharmaceuticalItem(Map<String, Object> instance) {
    Object seq = instance.get(RADIOPHARMACEUTICAL_SEQUENCE);
    if (!(seq instanceof List<?> items) || items.isEmpty()) {
      return instance;
    }
    if (!(items.get(0) instanceof Map<?, ?> item)) {
      throw new SuvException(
          RADIOPHARMACEUTICAL_SEQUENCE,
          RADIOPHARMACEUTICAL_SEQUENCE + " item is not a keyword map");
    }
    Map<String, Object> merged = new HashMap<>();
    item.forEach((k, v) -> merged.put(String.valueOf(k), v));
    instance.forEach(
        (k, v) -> {
          if (v != null) {
            merged.put(k, v);
          }
        });
    return merged;
  }

  private static Object philips(Map<String, Object> m, String member, String flatTag) {
    if (m.get(PHILIPS_GROUP) instanceof Map<?, ?> group && group.get(member) != null) {
      return group.get(member);
    }
    return m.get(flatTag);
  }

  private static <T> T series(
      List<Map<String, Object>> inst, String keyword, BiFunction<String, Object, T> convert) {
    return series(inst, keyword, m -> m.get(keyword), convert);
  }

  /** The value every instance agrees on, or a SuvException naming the first disagreement. */
  private static <T> T series(
      List<Map<String, Object>> inst,
      String name,
      Function<Map<String, Object>, Object> lookup,
      BiFunction<String, Object, T> convert) {
    T first = convert.apply(name, lookup.apply(inst.get(0)));
    for (int i = 1; i < inst.size(); i++) {
      T other = convert.apply(name, lookup.apply(inst.get(i)));
      if (!Objects.equals(first, other)) {
        throw new SuvException(
            name,
            name
                + " differs between instances of one series: instance 0 has "
                + describe(first)
                + ", instance "
                + i
                + " has "
                + describe(other));
      }
    }
    return first;
  }

  private static String describe(Object v) {
    return v == null ? "none" : "'" + v + "'";
  }

  /** A string value, trimmed; empty means absent. */
  static String text(String name, Object v) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof CharSequence)) {
      throw new SuvException(
          name, name + " must be a string, got " + v.getClass().getSimpleName() + " " + v);
    }
    String s = v.toString().trim();
    return s.isEmpty() ? null : s;
  }

  /** A multi-valued CS: a list of strings or one backslash-separated string. */
  static List<String> texts(String name, Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        String s = text(name, o);
        if (s != null) {
          out.add(s);
        }
      }
    } else {
      String s = text(name, v);
      if (s != null) {
        for (String part : s.split("\\\\")) {
          if (!part.isBlank()) {
            out.add(part.trim());
          }
        }
      }
    }
    return out;
  }

  /** A number, or a DS/IS string holding one; empty means absent. */
  static Double number(String name, Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    String s = text(name, v);
    if (s == null) {
      return null;
    }
    try {
      return Double.valueOf(s);
    } catch (NumberFormatException e) {
      throw new SuvException(name, name + " '" + s + "' is not a number");
    }
  }
}
