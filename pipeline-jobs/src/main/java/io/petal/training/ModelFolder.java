package io.petal.training;

import io.petal.io.HadoopFiles;
import io.petal.models.AutoencoderModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A model's folder {@code W/models/<name>/} on any Hadoop filesystem:
 * <pre>
 * model.zip                   the latest (after the last epoch: the final) model
 * model-card.json             {@link ModelCard}
 * checkpoints/epoch-0001.zip  one checkpoint per finished epoch
 * </pre>
 * Every file is written under a temporary name and renamed into place, so a run killed mid-write
 * leaves the previous checkpoint intact.
 */
public final class ModelFolder {
  public static final String MODEL = "model.zip";
  public static final String CARD = "model-card.json";
  private static final Pattern CHECKPOINT = Pattern.compile("epoch-(\\d+)\\.zip");

  private final String root;
  private final Configuration conf;

  public ModelFolder(String root, Configuration conf) {
    this.root = root;
    this.conf = conf;
  }

  public String root() {
    return root;
  }

  /** Path of the latest model. */
  public String model() {
    return HadoopFiles.join(root, MODEL);
  }

  /** Checkpoint file name of {@code epoch}, relative to the folder. */
  public static String checkpointName(int epoch) {
    return String.format(Locale.ROOT, "checkpoints/epoch-%04d.zip", epoch);
  }

  /** The highest epoch with a checkpoint, or 0 when there is none. */
  public int lastCheckpointEpoch() throws IOException {
    Path dir = new Path(HadoopFiles.join(root, "checkpoints"));
    FileSystem fs = dir.getFileSystem(conf);
    if (!fs.exists(dir)) {
      return 0;
    }
    int last = 0;
    for (FileStatus f : fs.listStatus(dir)) {
      Matcher m = CHECKPOINT.matcher(f.getPath().getName());
      if (m.matches()) {
        last = Math.max(last, Integer.parseInt(m.group(1)));
      }
    }
    return last;
  }

  /** True when the folder holds a model, a card or a checkpoint. */
  public boolean exists() throws IOException {
    Path p = new Path(root);
    return p.getFileSystem(conf).exists(p);
  }

  /** Writes the checkpoint of {@code epoch} and makes it the latest model. */
  public void writeCheckpoint(int epoch, AutoencoderModel model) throws IOException {
    HadoopFiles.writeAtomically(HadoopFiles.join(root, checkpointName(epoch)), conf, model::save);
    HadoopFiles.writeAtomically(model(), conf, model::save);
  }

  /** Reads the checkpoint of {@code epoch}. */
  public AutoencoderModel readCheckpoint(int epoch) throws IOException {
    return read(HadoopFiles.join(root, checkpointName(epoch)));
  }

  /** Reads the latest model. */
  public AutoencoderModel readModel() throws IOException {
    return read(model());
  }

  private AutoencoderModel read(String path) throws IOException {
    try (InputStream in = HadoopFiles.open(path, conf)) {
      return AutoencoderModel.load(in);
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read the model " + path + ": " + e.getMessage(), e);
    }
  }

  public void writeCard(ModelCard card) throws IOException {
    HadoopFiles.writeText(HadoopFiles.join(root, CARD), conf, card.toJson());
  }

  /** The card, or null when there is none. */
  public ModelCard readCard() throws IOException {
    Path p = new Path(HadoopFiles.join(root, CARD));
    if (!p.getFileSystem(conf).exists(p)) {
      return null;
    }
    try (InputStream in = HadoopFiles.open(p.toString(), conf)) {
      return ModelCard.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), p.toString());
    }
  }

  /** Deletes the folder (for an explicit overwrite). */
  public void delete() throws IOException {
    Path p = new Path(root);
    p.getFileSystem(conf).delete(p, true);
  }
}
