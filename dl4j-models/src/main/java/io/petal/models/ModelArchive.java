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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The autoencoder's zip format.
 *
 * <ul>
 *   <li>{@code config.properties}: {@link AutoencoderConfig#toProperties()}.</li>
 *   <li>{@code parameters.f32}: all parameters, float32 little-endian, in {@code layout.tsv} order.</li>
 *   <li>{@code layout.tsv}: one line per parameter: name, offset, shape (comma-separated).</li>
 *   <li>{@code optimizer.f32}: Adam's m then v vectors, float32 little-endian.</li>
 *   <li>{@code optimizer.properties}: {@code iteration}.</li>
 * </ul>
 * Reading checks that the layout matches what this build's network declares for the stored
 * configuration.
 */
final class ModelArchive {
  static final String CONFIG = "config.properties";
  static final String PARAMETERS = "parameters.f32";
  static final String LAYOUT = "layout.tsv";
  static final String OPTIMIZER = "optimizer.f32";
  static final String OPTIMIZER_PROPERTIES = "optimizer.properties";

  private ModelArchive() {}

  static void write(AutoencoderModel model, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    ByteArrayOutputStream props = new ByteArrayOutputStream();
    model.config().toProperties().store(props, "Petal dual-branch autoencoder");
    put(zip, CONFIG, props.toByteArray());
    put(zip, LAYOUT, layout(model).getBytes(StandardCharsets.UTF_8));
    put(zip, PARAMETERS, toBytes(model.getParams()));
    put(zip, OPTIMIZER, toBytes(model.getOptimizerState()));
    Properties opt = new Properties();
    opt.setProperty("iteration", Integer.toString(model.iteration()));
    ByteArrayOutputStream optBytes = new ByteArrayOutputStream();
    opt.store(optBytes, "optimizer");
    put(zip, OPTIMIZER_PROPERTIES, optBytes.toByteArray());
    zip.finish();
  }

  static AutoencoderModel read(InputStream in) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    ZipInputStream zip = new ZipInputStream(in);
    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
      entries.put(e.getName(), zip.readAllBytes());
    }
    AutoencoderConfig config = AutoencoderConfig.fromProperties(properties(entries, CONFIG));
    AutoencoderModel model = AutoencoderModel.fromArchive(config);
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

  private static String layout(AutoencoderModel model) {
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
