package io.petal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.models.AutoencoderConfig;
import io.petal.privacy.Pseudonymizer;
import io.petal.segmentation.SegmentationTrainer;
import io.petal.synth.brain.BrainMriConfig;
import io.petal.tables.StudyImagesReader;
import io.petal.testing.TestSpark;
import io.petal.training.ModelCard;
import io.petal.translate.TranslationTrainer;
import io.petal.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petal run --pretrain} on a tiny brain MRI cohort: the translator T1 + T1ce → T2 + FLAIR on
 * every training study, then the fusion U-Net whose T1/T1ce branch starts from it, predicted and
 * evaluated per region like the plain U-Net.
 */
class PipelineRunPretrainTest {
  private static final SparkSession SPARK = TestSpark.session();
  @TempDir static Path dir;

  @Test
  void pretrainsTheTranslatorThenTrainsTheFusionUNetFromIt() throws Exception {
    Warehouse w = new Warehouse(dir.resolve("wh").toUri().toString());
    String out = dir.resolve("brain").toString();
    SynthJob.run(SPARK, new SynthJob.Options(out, 2, 4, 9, false, BrainMriConfig.small()));
    AutoencoderConfig ae = TinyPipeline.AUTOENCODER.toBuilder().size(32).build();
    PipelineRun.Summary s = PipelineRun.run(SPARK, new PipelineRun.Options(w, out + "/" + SynthJob.MANIFEST, "brain",
        TinyPipeline.EPOCHS, TinyPipeline.EPOCHS, ae, TinyPipeline.SEGMENTATION, io.petal.scoring.ScoringSettings.DEFAULT,
        1), new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8)));

    ModelCard translator = TranslationTrainer.folder(SPARK, w, PipelineRun.TRANSLATOR).readCard();
    assertEquals("t1,t1ce", translator.hyperParameters().get("sourceChannels"));
    assertEquals("t2,flair", translator.hyperParameters().get("targetChannels"));
    long trainStudies = StudyImagesReader.studies(SPARK, w, st -> "train".equals(st.split())).size();
    assertEquals(trainStudies, translator.data().studies(), "every training study, normal and abnormal alike");

    ModelCard segmentation = s.segmentation().get(0).card();
    assertEquals("t1,t1ce;t2,flair", segmentation.hyperParameters().get("channelGroups"));
    assertEquals("translator (encoder of branch t1+t1ce/)",
        segmentation.hyperParameters().get(SegmentationTrainer.CARD_INIT_FROM));
    assertTrue(s.predict().get(0).studies() > 0, s.predict().toString());
    assertTrue(s.evaluation() != null, "evaluated per region like the plain U-Net");
  }
}
