package io.petal.ingest;

import io.petal.io.CsvParser;
import io.petal.schema.StudyKind;
import io.petal.schema.StudyManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a study manifest (CSV with a header line, or Parquet; one row per study, see
 * {@link StudyManifest}) into {@link StudySource}s. Paths are relative to the manifest's folder.
 *
 * <p>Column rules, by the row's {@code kind} ({@code pet-ct} when empty; an unknown kind refuses
 * the row): for PET/CT, {@code suv} is PET already in SUV (NIfTI or a DICOM folder with Units
 * GML), {@code pet} is PET to normalise from DICOM headers (a DICOM folder), {@code ct} a NIfTI
 * file or a DICOM folder; for {@code brain-mri}, {@code t1}, {@code t1ce}, {@code t2} and
 * {@code flair}, all four required (NIfTI files or DICOM series); for {@code spect-bone},
 * {@code nm}, a DICOM NM file or folder of planar views. {@code seg} and {@code seg_<source>} are
 * label maps (NIfTI) or RTSTRUCT/SEG files; for planar studies NIfTI label maps on the planar grid.
 * Identifying columns are dropped; the other columns become study metadata. A row without a
 * patient or study id, or without an image, is refused with the row number.
 */
public final class ManifestReader {
  private ManifestReader() {}

  /** Reads {@code manifest}; {@code cohort} names the cohort (default: the manifest's folder name). */
  public static DiscoveredStudies read(SparkSession spark, String manifest, String cohort) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path mf = new Path(manifest);
    if (!mf.getFileSystem(conf).exists(mf)) {
      throw new java.io.FileNotFoundException("manifest not found: " + manifest + " (--manifest)");
    }
    String cohortName = cohort != null ? cohort : mf.getParent().getName();
    Table table = manifest.toLowerCase(Locale.ROOT).endsWith(".parquet") ? parquet(spark, manifest) : csv(mf, conf);
    List<String> cols = table.columns().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
    if (!cols.contains(StudyManifest.PATIENT_ID) || !cols.contains(StudyManifest.STUDY_ID)) {
      throw new IllegalArgumentException("manifest " + mf.getName() + " needs the columns patient_id and study_id; it has "
          + cols);
    }
    List<StudySource> studies = new ArrayList<>();
    List<IngestOutcome> refused = new ArrayList<>();
    for (int r = 0; r < table.rows().size(); r++) {
      List<String> row = table.rows().get(r);
      Map<String, String> values = new LinkedHashMap<>();
      for (int c = 0; c < cols.size(); c++) {
        String s = c < row.size() && row.get(c) != null ? row.get(c).strip() : null;
        values.put(cols.get(c), s == null || s.isEmpty() ? null : s);
      }
      String ref = mf.getName() + " row " + (r + 1);
      try {
        studies.add(toSource(values, ref, cohortName, mf.getParent(), conf));
      } catch (StudyRejectedException e) {
        refused.add(new IngestOutcome(IngestOutcome.Status.QUARANTINED, cohortName, ref, null, null, null,
            e.getMessage()));
      }
    }
    return new DiscoveredStudies(cohortName, studies, refused);
  }

  /** A manifest's column names and its rows' values as text (null for a missing value), in file order. */
  private record Table(List<String> columns, List<List<String>> rows) {}

  /**
   * A CSV manifest, parsed on the driver: a manifest is small, and reading it through Spark SQL
   * would cost a few seconds of query planning and code generation per run. A header field left
   * empty is named {@code _c<index>}, as Spark names it.
   */
  private static Table csv(Path mf, Configuration conf) throws IOException {
    String text;
    try (InputStream in = mf.getFileSystem(conf).open(mf)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<List<String>> records = CsvParser.parse(text, mf.getName());
    if (records.isEmpty()) {
      throw new IllegalArgumentException("manifest " + mf.getName() + " is empty: it needs a header line with "
          + "the columns patient_id and study_id");
    }
    List<String> header = new ArrayList<>(records.get(0));
    for (int c = 0; c < header.size(); c++) {
      if (header.get(c).isBlank()) {
        header.set(c, "_c" + c);
      }
    }
    return new Table(header, records.subList(1, records.size()));
  }

  private static Table parquet(SparkSession spark, String manifest) {
    Dataset<Row> df = spark.read().parquet(manifest);
    List<List<String>> rows = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      List<String> values = new ArrayList<>(r.size());
      for (int c = 0; c < r.size(); c++) {
        values.add(r.isNullAt(c) ? null : r.get(c).toString());
      }
      rows.add(values);
    }
    return new Table(Arrays.asList(df.columns()), rows);
  }

  private static StudySource toSource(Map<String, String> v, String ref, String cohort, Path base, Configuration conf)
      throws StudyRejectedException, IOException {
    String patient = v.get(StudyManifest.PATIENT_ID);
    String study = v.get(StudyManifest.STUDY_ID);
    if (patient == null || study == null) {
      throw new StudyRejectedException(ref + ": patient_id and study_id must not be empty");
    }
    StudyKind kind = kind(v.get(StudyManifest.KIND), ref);
    List<ChannelSource> channels = switch (kind) {
      case PET_CT -> petCtChannels(v, base, conf, ref);
      case BRAIN_MRI -> brainMriChannels(v, base, conf, ref);
      case SPECT_BONE -> planarChannels(v, base, conf, ref);
    };
    List<LabelSource> labels = new ArrayList<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : v.entrySet()) {
      String col = e.getKey();
      if (StudyManifest.isLabelColumn(col)) {
        if (e.getValue() != null) {
          LabelSource l = label(col, e.getValue(), base, conf, ref);
          if (kind.planar() && l.format() != ChannelSource.Format.NIFTI) {
            throw new StudyRejectedException(ref + ": label " + col + " of a " + kind + " study must be a NIfTI label "
                + "map on the study's planar grid (one slice per view), not " + e.getValue());
          }
          labels.add(l);
        }
      } else if (!isKnownColumn(col) && !StudyManifest.isIdentifying(col) && e.getValue() != null) {
        metadata.put(col, e.getValue());
      }
    }
    return new StudySource(cohort, ref, patient, study, kind.id(), channels, labels,
        v.get(StudyManifest.DIAGNOSIS), v.get(StudyManifest.SPLIT), v.get(StudyManifest.REPORT), metadata);
  }

  /** The study kind of the {@code kind} column; PET/CT when empty. */
  private static StudyKind kind(String value, String ref) throws StudyRejectedException {
    if (value == null) {
      return StudyKind.PET_CT;
    }
    try {
      return StudyKind.of(value);
    } catch (IllegalArgumentException e) {
      throw new StudyRejectedException(ref + ": " + e.getMessage());
    }
  }

  /** PET (column suv, else pet) and CT; at least one of them. */
  private static List<ChannelSource> petCtChannels(Map<String, String> v, Path base, Configuration conf, String ref)
      throws IOException, StudyRejectedException {
    List<ChannelSource> channels = new ArrayList<>();
    if (v.get(StudyManifest.SUV) != null) {
      channels.add(channel("PET", "SUV", v.get(StudyManifest.SUV), ChannelSource.Role.PET_SUV, base, conf, ref));
    } else if (v.get(StudyManifest.PET) != null) {
      channels.add(channel("PET", "SUV", v.get(StudyManifest.PET), ChannelSource.Role.PET_RAW, base, conf, ref));
    }
    if (v.get(StudyManifest.CT) != null) {
      channels.add(channel("CT", "HU", v.get(StudyManifest.CT), ChannelSource.Role.CT, base, conf, ref));
    }
    if (channels.isEmpty()) {
      throw new StudyRejectedException(ref + ": no image (set the suv or pet column, and ct)");
    }
    return channels;
  }

  /** The four contrasts, each required: columns t1, t1ce, t2, flair (NIfTI files or DICOM MR series). */
  private static List<ChannelSource> brainMriChannels(Map<String, String> v, Path base, Configuration conf,
      String ref) throws IOException, StudyRejectedException {
    StudyKind kind = StudyKind.BRAIN_MRI;
    List<String> missing = kind.channels().stream().filter(c -> v.get(c) == null).toList();
    if (!missing.isEmpty()) {
      throw new StudyRejectedException(ref + ": a " + kind + " study needs the columns " + kind.channels()
          + "; empty or absent: " + missing);
    }
    List<ChannelSource> channels = new ArrayList<>();
    for (int c = 0; c < kind.channels().size(); c++) {
      String name = kind.channels().get(c);
      channels.add(channel(name, kind.units().get(c), v.get(name), ChannelSource.Role.OTHER, base, conf, ref));
    }
    return channels;
  }

  /** The planar views of column nm: a DICOM NM file or a folder of them. */
  private static List<ChannelSource> planarChannels(Map<String, String> v, Path base, Configuration conf, String ref)
      throws IOException, StudyRejectedException {
    StudyKind kind = StudyKind.SPECT_BONE;
    String nm = v.get(StudyManifest.NM);
    if (nm == null) {
      throw new StudyRejectedException(ref + ": a " + kind + " study needs the column " + StudyManifest.NM
          + " (a DICOM NM file or folder)");
    }
    Located l = locate(nm, StudyManifest.NM, base, conf, ref);
    if (l.nifti()) {
      throw new StudyRejectedException(ref + ": column " + StudyManifest.NM + " must name DICOM NM files, not " + nm);
    }
    return List.of(new ChannelSource(kind.channels().get(0), kind.units().get(0), ChannelSource.Format.DICOM_PLANAR,
        l.paths(), ChannelSource.Role.OTHER));
  }

  private static boolean isKnownColumn(String c) {
    return List.of(StudyManifest.PATIENT_ID, StudyManifest.STUDY_ID, StudyManifest.PET, StudyManifest.SUV,
        StudyManifest.CT, StudyManifest.T1, StudyManifest.T1CE, StudyManifest.T2, StudyManifest.FLAIR, StudyManifest.NM,
        StudyManifest.DIAGNOSIS, StudyManifest.SPLIT, StudyManifest.REPORT, StudyManifest.KIND).contains(c);
  }

  private static ChannelSource channel(String name, String unit, String rel, ChannelSource.Role role, Path base,
      Configuration conf, String ref) throws IOException, StudyRejectedException {
    Located l = locate(rel, name, base, conf, ref);
    return new ChannelSource(name, unit, l.nifti() ? ChannelSource.Format.NIFTI : ChannelSource.Format.DICOM_SERIES,
        l.paths(), role);
  }

  private static LabelSource label(String col, String rel, Path base, Configuration conf, String ref)
      throws IOException, StudyRejectedException {
    Located l = locate(rel, "label " + col, base, conf, ref);
    return new LabelSource(col, l.nifti() ? ChannelSource.Format.NIFTI : ChannelSource.Format.DICOM_RTSTRUCT,
        l.paths());
  }

  /** A manifest path resolved: one NIfTI file, or the files of a DICOM file or folder. */
  private record Located(boolean nifti, List<String> paths) {}

  private static Located locate(String rel, String what, Path base, Configuration conf, String ref)
      throws IOException, StudyRejectedException {
    String p = SourcePaths.resolve(base, rel, conf);
    if (SourcePaths.isNifti(p)) {
      return new Located(true, List.of(p));
    }
    List<String> files = SourcePaths.filesUnder(p, conf);
    if (files.isEmpty()) {
      throw new StudyRejectedException(ref + ": " + what + " path " + rel + " is missing or an empty folder");
    }
    return new Located(false, files);
  }
}
