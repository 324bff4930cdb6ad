package io.petal.models.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The terms ({@link ReportTokenizer}) a cohort's reports are described by, with their inverse
 * document frequencies, and the TF-IDF feature vector of a report.
 *
 * <p><b>Fitting</b> ({@link #fit}) on the training patients' reports only: a term is eligible when
 * it occurs in the reports of at least {@value #MIN_PATIENTS} distinct patients (so no term that
 * only one or two patients' reports carry, e.g. a name, enters the model file); of those the
 * {@code dimension} terms with the highest document frequency are kept (ties: term order). With N
 * non-blank reports and df(t) of them containing t, idf(t) = ln((1 + N) / (1 + df(t))) + 1.
 *
 * <p><b>Features</b> ({@link #features}): a vector of {@link #dimension()} floats; element i is
 * (1 + ln tf)·idf of term i (tf its count in the report; 0 when absent), the vector scaled to unit
 * L2 norm. Elements past {@link #terms()} (a cohort with fewer eligible terms than the dimension)
 * are always 0, as is the whole vector of a missing or blank report or of one with no known term.
 *
 * <p><b>Storage</b> ({@link #toBytes}/{@link #fromBytes}): UTF-8 text, a header line
 * {@code petal-report-vocabulary <version> <dimension> <reports>} then one line
 * {@code term <tab> idf} per term, in feature order.
 */
public final class ReportVocabulary {
  /** A term must occur in the reports of this many distinct patients to be kept. */
  public static final int MIN_PATIENTS = 3;
  static final String MAGIC = "petal-report-vocabulary";
  static final int FORMAT_VERSION = 1;

  private final int dimension;
  private final int reports;
  private final Map<String, Integer> index;
  private final float[] idf;

  private ReportVocabulary(int dimension, int reports, List<String> terms, float[] idf) {
    if (dimension < 1) {
      throw new IllegalArgumentException("vocabulary dimension must be >= 1, got " + dimension);
    }
    if (terms.size() > dimension || idf.length != terms.size()) {
      throw new IllegalArgumentException("vocabulary of " + terms.size() + " terms does not fit dimension " + dimension);
    }
    this.dimension = dimension;
    this.reports = reports;
    this.index = new LinkedHashMap<>();
    for (String t : terms) {
      if (index.put(t, index.size()) != null) {
        throw new IllegalArgumentException("vocabulary lists term #" + index.size() + " twice");
      }
    }
    this.idf = idf.clone();
  }

  /**
   * Fits a vocabulary on the reports of the training patients.
   *
   * @param reportsByPatient one collection per patient of that patient's reports (null or blank
   *     entries are allowed and ignored)
   * @param dimension D, the length of every feature vector and the most terms kept
   */
  public static ReportVocabulary fit(Collection<? extends Collection<String>> reportsByPatient, int dimension) {
    Map<String, Integer> documentFrequency = new HashMap<>();
    Map<String, Integer> patientFrequency = new HashMap<>();
    int reports = 0;
    for (Collection<String> patient : reportsByPatient) {
      Set<String> patientTerms = new HashSet<>();
      for (String report : patient) {
        Set<String> terms = ReportTokenizer.counts(report).keySet();
        if (terms.isEmpty()) {
          continue;
        }
        reports++;
        terms.forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
        patientTerms.addAll(terms);
      }
      patientTerms.forEach(t -> patientFrequency.merge(t, 1, Integer::sum));
    }
    List<String> kept = documentFrequency.keySet().stream()
        .filter(t -> patientFrequency.get(t) >= MIN_PATIENTS)
        .sorted((a, b) -> {
          int byFrequency = Integer.compare(documentFrequency.get(b), documentFrequency.get(a));
          return byFrequency != 0 ? byFrequency : a.compareTo(b);
        })
        .limit(dimension)
        .toList();
    float[] idf = new float[kept.size()];
    for (int i = 0; i < idf.length; i++) {
      idf[i] = (float) (Math.log((1.0 + reports) / (1.0 + documentFrequency.get(kept.get(i)))) + 1);
    }
    return new ReportVocabulary(dimension, reports, kept, idf);
  }

  /** D: the length of every feature vector. */
  public int dimension() {
    return dimension;
  }

  /** Number of terms kept (≤ D). */
  public int terms() {
    return index.size();
  }

  /** Whether {@code term} ({@link ReportTokenizer}'s form, e.g. {@code w:rib}) is kept. */
  boolean has(String term) {
    return index.containsKey(term);
  }

  /** Number of non-blank reports the vocabulary was fitted on. */
  public int reports() {
    return reports;
  }

  /** The TF-IDF vector of {@code report} (null or blank allowed): {@link #dimension()} floats, unit L2 norm or all 0. */
  public float[] features(String report) {
    float[] out = new float[dimension];
    features(report, out, 0);
    return out;
  }

  /** Writes {@link #features(String)} into {@code out[offset .. offset + D − 1]}. */
  public void features(String report, float[] out, int offset) {
    Arrays.fill(out, offset, offset + dimension, 0f);
    double norm2 = 0;
    for (Map.Entry<String, Integer> e : ReportTokenizer.counts(report).entrySet()) {
      Integer i = index.get(e.getKey());
      if (i != null) {
        double v = (1 + Math.log(e.getValue())) * idf[i];
        out[offset + i] = (float) v;
        norm2 += v * v;
      }
    }
    if (norm2 > 0) {
      float scale = (float) (1 / Math.sqrt(norm2));
      for (int i = 0; i < dimension; i++) {
        out[offset + i] *= scale;
      }
    }
  }

  /** The storage form (see the class comment). */
  public byte[] toBytes() {
    StringBuilder sb = new StringBuilder();
    sb.append(MAGIC).append(' ').append(FORMAT_VERSION).append(' ').append(dimension).append(' ').append(reports)
        .append('\n');
    int i = 0;
    for (String term : index.keySet()) {
      sb.append(term).append('\t').append(Float.toString(idf[i++])).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads {@link #toBytes()}'s form.
   *
   * @param source names the data in error messages (e.g. the model file)
   */
  public static ReportVocabulary fromBytes(byte[] bytes, String source) throws IOException {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    String[] header = lines[0].split(" ");
    if (header.length != 4 || !header[0].equals(MAGIC)) {
      throw new IOException(source + ": not a report vocabulary (header '" + abbreviate(lines[0]) + "')");
    }
    try {
      int version = Integer.parseInt(header[1]);
      if (version != FORMAT_VERSION) {
        throw new IOException(source + ": report vocabulary version " + version + " is not supported (this build reads "
            + FORMAT_VERSION + ")");
      }
      int dimension = Integer.parseInt(header[2]);
      int reports = Integer.parseInt(header[3]);
      List<String> terms = new ArrayList<>();
      List<Float> idf = new ArrayList<>();
      for (int n = 1; n < lines.length; n++) {
        if (lines[n].isEmpty()) {
          continue;
        }
        int tab = lines[n].indexOf('\t');
        if (tab <= 0) {
          throw new IOException(source + ": report vocabulary line " + (n + 1) + " is not 'term<TAB>idf'");
        }
        terms.add(lines[n].substring(0, tab));
        idf.add(Float.parseFloat(lines[n].substring(tab + 1)));
      }
      float[] weights = new float[idf.size()];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = idf.get(i);
      }
      return new ReportVocabulary(dimension, reports, terms, weights);
    } catch (IllegalArgumentException e) {
      throw new IOException(source + ": malformed report vocabulary: " + e.getMessage(), e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "report vocabulary: %d of %d terms, fitted on %d reports", terms(), dimension,
        reports);
  }
}
