package io.petal.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The model card written beside a trained model ({@code W/models/<name>/model-card.json}): what
 * the model was trained on and how, per-epoch loss and throughput, and the code that trained it.
 * Holds no patient identity: only counts and cohort names.
 *
 * @param name model name (folder under {@code W/models})
 * @param architecture network family, e.g. {@code branched-masked-autoencoder}
 * @param status {@code training} while epochs remain, {@code complete} after the last
 * @param codeVersion {@link io.petal.BuildInfo#describe()} of the last run that trained it
 * @param data the training data and its selection rule
 * @param hyperParameters the network's configuration plus the training loop's settings
 * @param validationRule how validation patients were chosen (null when none)
 * @param epochs one entry per finished epoch
 * @param wallSeconds wall time of all runs so far, s
 * @param sparkMaster the Spark master of the last run
 */
public record ModelCard(String name, String architecture, String status, String codeVersion, String updatedAt,
    TrainingDataCard data, Map<String, String> hyperParameters, String validationRule, List<EpochRecord> epochs,
    double wallSeconds, String sparkMaster) {

  /**
   * @param cohorts cohorts the studies came from
   * @param split the split used ({@code train}, or {@code all} when the cohort has none)
   * @param selectionRule the resolved {@link NormalSliceRule}
   * @param selectionRuleText the rule in words
   * @param studies studies contributing slices
   * @param patients distinct patients among them
   * @param slices training slices (centre slices) per epoch
   */
  public record TrainingDataCard(List<String> cohorts, String split, String selectionRule, String selectionRuleText,
      int studies, int patients, long slices) {}

  /**
   * @param epoch 1-based epoch number
   * @param loss mean training loss over the epoch's steps (normalised units)
   * @param lossTerms mean of each term of the loss (e.g. pet and ct, or dice and bce)
   * @param slices slices trained on in the epoch
   * @param seconds wall time of the epoch, s
   * @param slicesPerSecond slices / seconds
   * @param computeSeconds sum over rounds of the slowest worker's time in training steps, s; the
   *     rest of {@code seconds} is Spark's scheduling, broadcasting and averaging
   * @param validation figures on held-out patients after the epoch (empty when none)
   * @param checkpoint checkpoint file name, relative to the model folder
   */
  public record EpochRecord(int epoch, double loss, Map<String, Double> lossTerms, long slices, double seconds,
      double slicesPerSecond, double computeSeconds, Map<String, Double> validation, String checkpoint) {}

  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** Pretty-printed JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the model card of " + name, e);
    }
  }

  /** Parses a card written by {@link #toJson()}. */
  public static ModelCard fromJson(String json, String source) {
    try {
      return JSON.readValue(json, ModelCard.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("model card " + source + " is not readable: " + e.getMessage(), e);
    }
  }
}
