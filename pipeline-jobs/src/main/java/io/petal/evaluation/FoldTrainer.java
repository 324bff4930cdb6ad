package io.petal.evaluation;

import io.petal.warehouse.Warehouse;
import org.apache.spark.sql.SparkSession;

/**
 * What cross-validation needs from the training jobs, one fold at a time: train the autoencoder on
 * the fold's training patients' normal studies and the segmentation on their annotated studies,
 * then score (anomaly maps) and predict (masks) the fold's test patients, under model names of
 * the fold's own (e.g. {@code autoencoder-fold2}, {@code segmentation-fold2}) so folds never
 * overwrite each other. {@code petal evaluate --folds K} runs one per fold ({@link CrossValidation}).
 */
public interface FoldTrainer {
  /**
   * Trains on {@code fold.trainPatients()} and writes anomaly maps and masks of the studies of
   * {@code fold.testPatients()}.
   *
   * @return the names under which the fold's anomaly maps and masks were written
   */
  FoldModels trainAndPredict(SparkSession spark, Warehouse w, Fold fold) throws Exception;
}
