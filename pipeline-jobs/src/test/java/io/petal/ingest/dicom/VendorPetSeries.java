package io.petal.ingest.dicom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.petal.io.dicom.DicomObject;
import io.petal.io.dicom.DicomReader;
import io.petal.io.dicom.DicomTags;
import io.petal.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test fixtures made with dcmtk's {@code dcmodify}: copies of a real PET series (the IBSI series,
 * Units GML) turned into a vendor-style series carrying the header values of a
 * {@code suv-headers/*.json} file — series-level values on every slice, the file's instances'
 * timing values cycled over the slices, Philips private attributes with their creator — with each
 * slice's RescaleSlope and RescaleIntercept divided by the SUV factor those headers are known to
 * give. A correct SUV normalisation of the copy therefore reproduces the original SUV values.
 */
final class VendorPetSeries {
  /** Private creator of the Philips PET attributes (7053,xx00) and (7053,xx09). */
  static final String PHILIPS_CREATOR = "Philips PET Private Group";
  private static final String RADIOPHARMACEUTICAL = "RadiopharmaceuticalInformationSequence[0].";
  private static final List<String> SERIES_LEVEL = List.of("Units", "DecayCorrection", "PatientWeight",
      "PatientSex", "SeriesDate", "SeriesTime");
  private static final List<String> RADIOPHARMACEUTICAL_LEVEL = List.of("RadiopharmaceuticalStartTime",
      "RadiopharmaceuticalStartDateTime", "RadionuclideTotalDose", "RadionuclideHalfLife");
  private static final List<String> INSTANCE_LEVEL = List.of("AcquisitionDate", "AcquisitionTime",
      "FrameReferenceTime", "ActualFrameDuration");

  /** PatientName, PatientID and PatientBirthDate written into the copies. */
  record Identity(String name, String id, String birthDate) {
    List<String> dcmodifyOptions() {
      return List.of("-i", "PatientName=" + name, "-i", "PatientID=" + id, "-i", "PatientBirthDate=" + birthDate);
    }
  }

  private VendorPetSeries() {}

  /**
   * Writes the vendor-style copy of each of {@code originals} (one PET series) into {@code target}.
   *
   * @param headers        a suv-headers JSON file (list of instance keyword maps)
   * @param manufacturer   Manufacturer to state
   * @param expectedFactor the SUVbw factor (g/Bq) the headers give
   * @param extraOptions   further dcmodify options applied to every copy (e.g. to break a rule)
   * @return the copies, in the order of {@code originals}
   */
  static List<Path> write(List<Path> originals, Path headers, String manufacturer, double expectedFactor, Identity who,
      Path target, String... extraOptions) throws IOException, InterruptedException {
    SharedData.requireTool("dcmodify");
    JsonNode instances = new ObjectMapper().readTree(headers.toFile());
    JsonNode first = instances.get(0);
    List<String> common = new ArrayList<>(List.of("-nb", "-imt", "-i", "Manufacturer=" + manufacturer));
    for (String k : SERIES_LEVEL) {
      add(common, k, first.get(k));
    }
    for (String k : RADIOPHARMACEUTICAL_LEVEL) {
      add(common, RADIOPHARMACEUTICAL + k, first.get(k));
      common.addAll(List.of("-e", k)); // the standard place is the sequence item, not the top level
    }
    common.addAll(List.of("-i", "CorrectedImage=" + String.join("\\", texts(first.get("CorrectedImage")))));
    JsonNode philips = first.path("PhilipsPETPrivateGroup");
    if (philips.has("SUVScaleFactor") || philips.has("ActivityConcentrationScaleFactor")) {
      common.addAll(List.of("-i", "(7053,0010)=" + PHILIPS_CREATOR));
      addPrivate(common, "(7053,1000)", philips.get("SUVScaleFactor"));
      addPrivate(common, "(7053,1009)", philips.get("ActivityConcentrationScaleFactor"));
    }
    common.addAll(who.dcmodifyOptions());
    common.addAll(List.of(extraOptions));

    Files.createDirectories(target);
    List<Path> out = new ArrayList<>();
    for (int n = 0; n < originals.size(); n++) {
      Path copy = Files.copy(originals.get(n), target.resolve(originals.get(n).getFileName()));
      DicomObject ds = DicomReader.readHeader(copy).dataset();
      List<String> options = new ArrayList<>(common);
      JsonNode instance = instances.get(n % instances.size());
      for (String k : INSTANCE_LEVEL) {
        add(options, k, instance.get(k));
      }
      options.addAll(List.of("-i", "RescaleSlope=" + ds(ds.getDouble(DicomTags.RESCALE_SLOPE, 1) / expectedFactor),
          "-i", "RescaleIntercept=" + ds(ds.getDouble(DicomTags.RESCALE_INTERCEPT, 0) / expectedFactor)));
      dcmodify(options, List.of(copy));
      out.add(copy);
    }
    return out;
  }

  /** Copies every {@code .dcm} file of {@code source} into {@code target} with {@code who}'s identity. */
  static List<Path> copyWithIdentity(Path source, Identity who, Path target) throws IOException, InterruptedException {
    return copyWithIdentity(dicomFiles(source), who, target);
  }

  /** Copies {@code originals} into {@code target} with {@code who}'s identity. */
  static List<Path> copyWithIdentity(List<Path> originals, Identity who, Path target)
      throws IOException, InterruptedException {
    SharedData.requireTool("dcmodify");
    Files.createDirectories(target);
    List<Path> copies = new ArrayList<>();
    for (Path f : originals) {
      copies.add(Files.copy(f, target.resolve(f.getFileName())));
    }
    List<String> options = new ArrayList<>(List.of("-nb"));
    options.addAll(who.dcmodifyOptions());
    dcmodify(options, copies);
    return copies;
  }

  /** The {@code .dcm} files of a folder, sorted by name. */
  static List<Path> dicomFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".dcm")).sorted().toList();
    }
  }

  private static void add(List<String> options, String keyword, JsonNode value) {
    if (value != null && !value.isNull() && !value.asText().isBlank()) {
      options.addAll(List.of("-i", keyword + "=" + value.asText().strip()));
    }
  }

  /** A private value of unknown VR: dcmodify takes it as backslash-separated hex bytes (even length). */
  private static void addPrivate(List<String> options, String tag, JsonNode value) {
    if (value == null || value.isNull()) {
      return;
    }
    String text = value.asText().strip();
    byte[] bytes = (text.length() % 2 == 0 ? text : text + " ").getBytes(StandardCharsets.US_ASCII);
    List<String> hex = new ArrayList<>();
    for (byte b : bytes) {
      hex.add(HexFormat.of().toHexDigits(b));
    }
    options.addAll(List.of("-i", tag + "=" + String.join("\\", hex)));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText().strip()));
    return out;
  }

  /** A DS value (at most 16 characters) with 10 significant digits. */
  private static String ds(double v) {
    return String.format(Locale.ROOT, "%.9E", v);
  }

  /** Runs {@code dcmodify options... files...}; fails with its output when it fails. */
  static void dcmodify(List<String> options, List<Path> files) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("dcmodify");
    command.addAll(options);
    files.forEach(f -> command.add(f.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + log);
    }
  }
}
