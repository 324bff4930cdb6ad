package io.petal.suv;

import java.util.ArrayList;
import java.util.List;

/**
 * The header values of one PET series that SUV normalisation needs, independent of any DICOM
 * library. Strings are the raw DICOM values (DA, TM, DT, CS); numbers are in the DICOM units named
 * below; {@code null} means the attribute is absent. Values that may differ per instance
 * (acquisition times, frame times) are in {@link #instances}, one entry per instance.
 *
 * <p>Build with {@link #builder()} from a DICOM reader, or with {@link
 * PetSuvHeaderAdapter#fromInstances} from keyword-to-value maps.
 *
 * @param manufacturer Manufacturer (0008,0070)
 * @param units Units (0054,1001): BQML, CNTS, GML, ...
 * @param decayCorrection DecayCorrection (0054,1102): START, ADMIN, NONE
 * @param correctedImage CorrectedImage (0028,0051) values (ATTN, DECY, ...); never null
 * @param patientWeightKg PatientWeight (0010,1030) in kg
 * @param patientSizeM PatientSize (0010,1020) in m
 * @param patientSex PatientSex (0010,0040): M, F, O
 * @param seriesDate SeriesDate (0008,0021), DA
 * @param seriesTime SeriesTime (0008,0031), TM
 * @param radiopharmaceuticalStartTime RadiopharmaceuticalStartTime (0018,1072), TM
 * @param radiopharmaceuticalStartDateTime RadiopharmaceuticalStartDateTime (0018,1078), DT
 * @param radionuclideTotalDoseBq RadionuclideTotalDose (0018,1074) in Bq, at injection
 * @param radionuclideHalfLifeS RadionuclideHalfLife (0018,1075) in s
 * @param philipsSuvScaleFactor Philips private (7053,1000): SUVbw per (rescaled) stored value, g/mL
 *     per unit
 * @param philipsActivityConcentrationScaleFactor Philips private (7053,1009): Bq/mL per (rescaled)
 *     stored value
 * @param gePostInjectionDateTime GE private (0009,100D) post-injection (scan start) date-time, DT
 * @param instances per-instance timing, at least one
 */
public record PetSuvHeader(
    String manufacturer,
    String units,
    String decayCorrection,
    List<String> correctedImage,
    Double patientWeightKg,
    Double patientSizeM,
    String patientSex,
    String seriesDate,
    String seriesTime,
    String radiopharmaceuticalStartTime,
    String radiopharmaceuticalStartDateTime,
    Double radionuclideTotalDoseBq,
    Double radionuclideHalfLifeS,
    Double philipsSuvScaleFactor,
    Double philipsActivityConcentrationScaleFactor,
    String gePostInjectionDateTime,
    List<PetInstanceTiming> instances) {

  public PetSuvHeader {
    correctedImage = correctedImage == null ? List.of() : List.copyOf(correctedImage);
    instances = instances == null ? List.of() : List.copyOf(instances);
    if (instances.isEmpty()) {
      throw new SuvException("AcquisitionTime", "a PET series header needs at least one instance");
    }
  }

  /** A builder with every attribute absent. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this header's values, to derive a variant. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.manufacturer = manufacturer;
    b.units = units;
    b.decayCorrection = decayCorrection;
    b.correctedImage = new ArrayList<>(correctedImage);
    b.patientWeightKg = patientWeightKg;
    b.patientSizeM = patientSizeM;
    b.patientSex = patientSex;
    b.seriesDate = seriesDate;
    b.seriesTime = seriesTime;
    b.radiopharmaceuticalStartTime = radiopharmaceuticalStartTime;
    b.radiopharmaceuticalStartDateTime = radiopharmaceuticalStartDateTime;
    b.radionuclideTotalDoseBq = radionuclideTotalDoseBq;
    b.radionuclideHalfLifeS = radionuclideHalfLifeS;
    b.philipsSuvScaleFactor = philipsSuvScaleFactor;
    b.philipsActivityConcentrationScaleFactor = philipsActivityConcentrationScaleFactor;
    b.gePostInjectionDateTime = gePostInjectionDateTime;
    b.instances = new ArrayList<>(instances);
    return b;
  }

  /** Mutable builder; every setter takes the raw DICOM value (or {@code null} for absent). */
  public static final class Builder {
    private String manufacturer;
    private String units;
    private String decayCorrection;
    private List<String> correctedImage = new ArrayList<>();
    private Double patientWeightKg;
    private Double patientSizeM;
    private String patientSex;
    private String seriesDate;
    private String seriesTime;
    private String radiopharmaceuticalStartTime;
    private String radiopharmaceuticalStartDateTime;
    private Double radionuclideTotalDoseBq;
    private Double radionuclideHalfLifeS;
    private Double philipsSuvScaleFactor;
    private Double philipsActivityConcentrationScaleFactor;
    private String gePostInjectionDateTime;
    private List<PetInstanceTiming> instances = new ArrayList<>();

    private Builder() {}

    public Builder manufacturer(String v) {
      manufacturer = v;
      return this;
    }

    public Builder units(String v) {
      units = v;
      return this;
    }

    public Builder decayCorrection(String v) {
      decayCorrection = v;
      return this;
    }

    public Builder correctedImage(List<String> v) {
      correctedImage = v == null ? new ArrayList<>() : new ArrayList<>(v);
      return this;
    }

    /** PatientWeight in kg. */
    public Builder patientWeightKg(Double v) {
      patientWeightKg = v;
      return this;
    }

    /** PatientSize in m. */
    public Builder patientSizeM(Double v) {
      patientSizeM = v;
      return this;
    }

    public Builder patientSex(String v) {
      patientSex = v;
      return this;
    }

    /** SeriesDate (DA) and SeriesTime (TM). */
    public Builder series(String date, String time) {
      seriesDate = date;
      seriesTime = time;
      return this;
    }

    /** RadiopharmaceuticalStartTime (TM). */
    public Builder radiopharmaceuticalStartTime(String v) {
      radiopharmaceuticalStartTime = v;
      return this;
    }

    /** RadiopharmaceuticalStartDateTime (DT). */
    public Builder radiopharmaceuticalStartDateTime(String v) {
      radiopharmaceuticalStartDateTime = v;
      return this;
    }

    /** RadionuclideTotalDose in Bq. */
    public Builder radionuclideTotalDoseBq(Double v) {
      radionuclideTotalDoseBq = v;
      return this;
    }

    /** RadionuclideHalfLife in s. */
    public Builder radionuclideHalfLifeS(Double v) {
      radionuclideHalfLifeS = v;
      return this;
    }

    /** Philips private (7053,1000) SUV scale factor. */
    public Builder philipsSuvScaleFactor(Double v) {
      philipsSuvScaleFactor = v;
      return this;
    }

    /** Philips private (7053,1009) activity-concentration scale factor (Bq/mL per value). */
    public Builder philipsActivityConcentrationScaleFactor(Double v) {
      philipsActivityConcentrationScaleFactor = v;
      return this;
    }

    /** GE private (0009,100D) post-injection date-time (DT). */
    public Builder gePostInjectionDateTime(String v) {
      gePostInjectionDateTime = v;
      return this;
    }

    /** Replaces the per-instance timings. */
    public Builder instances(List<PetInstanceTiming> v) {
      instances = v == null ? new ArrayList<>() : new ArrayList<>(v);
      return this;
    }

    /** Appends one instance's timing. */
    public Builder addInstance(PetInstanceTiming v) {
      instances.add(v);
      return this;
    }

    public PetSuvHeader build() {
      return new PetSuvHeader(
          manufacturer,
          units,
          decayCorrection,
          correctedImage,
          patientWeightKg,
          patientSizeM,
          patientSex,
          seriesDate,
          seriesTime,
          radiopharmaceuticalStartTime,
          radiopharmaceuticalStartDateTime,
          radionuclideTotalDoseBq,
          radionuclideHalfLifeS,
          philipsSuvScaleFactor,
          philipsActivityConcentrationScaleFactor,
          gePostInjectionDateTime,
          instances);
    }
  }
}
