package io.petal.translate;

import io.petal.models.InputNormalisation;
import io.petal.models.seg.SegmentationModel;
import io.petal.models.translate.EncoderTransfer;
import io.petal.models.translate.TranslationModel;
import io.petal.training.ModelCard;
import io.petal.training.ModelFolder;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;

/**
 * {@code petal segment train --init-from <translator>}: starts a fresh segmentation model's
 * branch from a pretrained translator's encoder ({@link EncoderTransfer}), after checking that the
 * translator saw its channels as the segmentation will - on a grid of the same pixel spacing and
 * with the same input normalisation (both recorded in its model card).
 */
public final class PretrainedEncoders {
  private PretrainedEncoders() {}

  /**
   * @param pixelMm the segmentation's network pixel spacing, mm
   * @return the initialised branch's parameter prefix (e.g. {@code CT/})
   * @throws IllegalStateException when the translator is missing, unfinished or was trained on
   *     another grid or normalisation
   * @throws IllegalArgumentException when no branch of the model reads the translator's source
   *     group, or the encoders' shapes differ
   */
  public static String initialise(SparkSession spark, Warehouse w, String translator, SegmentationModel segmentation,
      double pixelMm) throws IOException {
    ModelFolder<TranslationModel> folder = TranslationTrainer.folder(spark, w, translator);
    ModelCard card = folder.readCard();
    if (card == null) {
      throw new IllegalStateException("no translator '" + translator + "' under " + w + ": run petal pretrain --model "
          + translator + " first");
    }
    Map<String, String> hyper = card.hyperParameters();
    double trainedMm = Double.parseDouble(hyper.getOrDefault(TranslationTrainer.CARD_PIXEL_MM, "NaN"));
    if (Math.abs(trainedMm - pixelMm) > 1e-9) {
      throw new IllegalStateException("translator '" + translator + "' was trained on " + trainedMm + " mm pixels (autoencoder "
          + hyper.get(TranslationTrainer.CARD_AUTOENCODER) + "), the segmentation uses " + pixelMm
          + " mm: pretrain with the segmentation's --autoencoder");
    }
    Properties normalisation = new Properties();
    segmentation.config().normalisation().writeTo(normalisation, TranslationTrainer.CARD_NORMALISATION);
    for (String key : normalisation.stringPropertyNames()) {
      if (!normalisation.getProperty(key).equals(hyper.get(key))) {
        throw new IllegalStateException("translator '" + translator + "' was trained with " + key + " = " + hyper.get(key)
            + ", the segmentation uses " + normalisation.getProperty(key) + ": pretrain with the segmentation's"
            + " --autoencoder");
      }
    }
    return EncoderTransfer.initialise(segmentation, folder.readModel(), translator);
  }
}
