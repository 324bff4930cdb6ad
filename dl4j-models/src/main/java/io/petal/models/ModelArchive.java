package io.petal.models;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The zip format of Petal's networks ({@link TrainableModel}s: the autoencoder, the segmentation
 * U-Net).
 *
 * <ul>
 *   <li>{@code model.properties}: {@code kind}, which network the zip holds (e.g.
 *       {@code autoencoder}); zips written before this entry existed lack it and are read as any
 *       kind.</li>
 *   <li>{@code config.properties}: the model's {@link TrainableModel#configProperties()}.</li>
 *   <li>{@code parameters.f32}: all parameters, float32 little-endian, in {@code layout.tsv} order.</li>
 *   <li>{@code layout.tsv}: one line per parameter: name, offset, shape (comma-separated).</li>
 *   <li>{@code optimizer.f32}: Adam's m then v vectors, float32 little-endian.</li>
 *   <li>{@code optimizer.properties}: {@code iteration}.</li>
 *   <li>any further entries of {@link TrainableModel#archiveEntries()} (e.g. a text vocabulary).</li>
 * </ul>
 * Reading checks that the layout matches what this build's network declares for the stored
 * configuration.
 */
public final class ModelArchive {
  static final String MODEL = "model.properties";
  static final String CONFIG = "config.properties";
  static final String PARAMETERS = "parameters.f32";
  static final String LAYOUT = "layout.tsv";
  static final String OPTIMIZER = "optimizer.f32";
  static final String OPTIMIZER_PROPERTIES = "optimizer.properties";
  private static final Set<String> RESERVED = Set.of(MODEL, CONFIG, PARAMETERS, LAYOUT, OPTIMIZER, OPTIMIZER_PROPERTIES);

  /** Makes a fresh model from a zip's stored configuration and its further entries (name → bytes). */
  @FunctionalInterface
  public interface Factory<M extends TrainableModel> {
    M create(Properties config, Map<String, byte[]> entries) throws IOException;
  }

  private ModelArchive() {}

  /**
   * Writes {@code model} as a zip; does not close {@code out}.
   *
   * @param kind which network this is, checked by {@link #read}
   */
  public static void write(TrainableModel model, String kind, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    Properties modelProperties = new Properties();
    modelProperties.setProperty("kind", kind);
    put(zip, MODEL, bytes(modelProperties, "Petal model"));
    put(zip, CONFIG, bytes(model.configProperties(), "Petal " + kind + " configuration"));
    put(zip, LAYOUT, layout(model).getBytes(StandardCharsets.UTF_8));
    put(zip, PARAMETERS, toBytes(model.getParams()));
    put(zip, OPTIMIZER, toBytes(model.getOptimizerState()));
    Properties opt = new Properties();
    opt.setProperty("iteration", Integer.toString(model.iteration()));
    put(zip, OPTIMIZER_PROPERTIES, bytes(opt, "optimizer"));
    for (Map.Entry<String, byte[]> e : model.archiveEntries().entrySet()) {
      if (RESERVED.contains(e.getKey())) {
        throw new IllegalArgumentException("model entry " + e.getKey() + " would overwrite a model zip entry");
      }
      put(zip, e.getKey(), e.getValue());
    }
    zip.finish();
  }

  /**
   * Reads a zip written by {@link #write}: makes a fresh model from the stored configuration with
   * {@code create}, checks that its parameter layout is the stored one, then loads the parameters
   * and the optimizer state.
   *
   * @param kind the kind of network expected; a zip of another kind is refused
   * @param create a fresh model for stored configuration properties
   */
  public static <M extends TrainableModel> M read(InputStream in, String kind, Function<Properties, M> create)
      throws IOException {
    return read(in, kind, (config, entries) -> create.apply(config));
  }

  /**
   * As {@link #read(InputStream, String, Function)}, for a model that also keeps further entries
   * ({@link TrainableModel#archiveEntries()}): {@code create} gets them (every entry that is not
   * one of this format's own).
   */
  public static <M extends TrainableModel> M read(InputStream in, String kind, Factory<M> create) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    ZipInputStream zip = new ZipInputStream(in);
    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
      entries.put(e.getName(), zip.readAllBytes());
    }
    if (entries.containsKey(MODEL)) {
      String stored = properties(entries, MODEL).getProperty("kind");
      if (!kind.equals(stored)) {
        throw new IOException("model zip holds a '" + stored + "' model, expected '" + kind + "'");
      }
    }
    Map<String, byte[]> further = new HashMap<>(entries);
    further.keySet().removeAll(RESERVED);
    M model = create.create(properties(entries, CONFIG), further);
    String expected = layout(model);
    String stored = new String(require(entries, LAYOUT), StandardCharsets.UTF_8);
    if (!expected.equals(stored)) {
      throw new IOException("model zip: parameter layout differs from what this build creates for the stored"
          + " configuration (written by another version?)");
    }
    model.setParams(toFloats(require(entries, PARAMETERS), PARAMETERS));
    int iteration = ConfigProperties.getInt(properties(entries, OPTIMIZER_PROPERTIES), "iteration");
    model.setOptimizerState(toFloats(require(entries, OPTIMIZER), OPTIMIZER), iteration);
    return model;
  }

  private static String layout(TrainableModel model) {
    StringBuilder sb = new StringBuilder();
    long offset = 0;
    List<String> names = model.parameterNames();
    for (String name : names) {
      long[] shape = model.parameterShape(name);
      long length = 1;
      StringBuilder dims = new StringBuilder();
      for (long d : shape) {
        length *= d;
        dims.append(dims.length() == 0 ? "" : ",").append(d);
      }
      sb.append(name).append('\t').append(offset).append('\t').append(dims).append('\n');
      offset += length;
    }
    return sb.toString();
  }

  private static byte[] bytes(Properties p, String comment) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.store(out, comment);
    return out.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  private static byte[] require(Map<String, byte[]> entries, String name) throws IOException {
    byte[] bytes = entries.get(name);
    if (bytes == null) {
      throw new IOException("model zip lacks entry " + name + " (entries: " + entries.keySet() + ")");
    }
    return bytes;
  }

  private static Properties properties(Map<String, byte[]> entries, String name) throws IOException {
    Properties p = new Properties();
    p.load(new ByteArrayInputStream(require(entries, name)));
    return p;
  }

  private static byte[] toBytes(float[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer.array();
  }

  private static float[] toFloats(byte[] bytes, String name) throws IOException {
    if (bytes.length % Float.BYTES != 0) {
      throw new IOException("model zip entry " + name + " has " + bytes.length + " bytes, not a whole number of float32");
    }
    float[] values = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }
}
