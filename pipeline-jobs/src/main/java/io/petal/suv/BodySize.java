package io.petal.suv;

/**
 * Body-size formulas for SUL and SUVbsa.
 *
 * <ul>
 *   <li>Lean body mass, Janmahasatian et al., Clin Pharmacokinet 2005;44:1051: male {@code
 *       9270·W/(6680 + 216·BMI)}, female {@code 9270·W/(8780 + 244·BMI)}, W in kg, BMI = W/H² in
 *       kg/m², result in kg (preferred over the James formula, which fails at high BMI).
 *   <li>Body surface area, Du Bois &amp; Du Bois, Arch Intern Med 1916;17:863: {@code
 *       0.007184·W^0.425·H^0.725} with W in kg and H in cm, result in m².
 * </ul>
 */
public final class BodySize {
  private BodySize() {}

  /**
   * Lean body mass in kg (Janmahasatian).
   *
   * @param sex "M" or "F" (PatientSex)
   * @param weightKg body weight in kg, positive
   * @param heightM height in m, positive
   * @throws IllegalArgumentException for another sex or non-positive sizes
   */
  public static double leanBodyMassKg(String sex, double weightKg, double heightM) {
    requirePositive(weightKg, heightM);
    double bmi = weightKg / (heightM * heightM);
    return switch (sex) {
      case "M" -> 9270 * weightKg / (6680 + 216 * bmi);
      case "F" -> 9270 * weightKg / (8780 + 244 * bmi);
      default ->
          throw new IllegalArgumentException(
              "lean body mass needs PatientSex M or F, got '" + sex + "'");
    };
  }

  /** Body surface area in m² (Du Bois), from weight in kg and height in m. */
  public static double bodySurfaceAreaM2(double weightKg, double heightM) {
    requirePositive(weightKg, heightM);
    return 0.007184 * Math.pow(weightKg, 0.425) * Math.pow(heightM * 100, 0.725);
  }

  private static void requirePositive(double weightKg, double heightM) {
    if (!(weightKg > 0) || !(heightM > 0)) {
      throw new IllegalArgumentException(
          "weight " + weightKg + " kg and height " + heightM + " m must be positive");
    }
  }
}
