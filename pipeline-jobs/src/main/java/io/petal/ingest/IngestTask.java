package io.petal.ingest;

import io.petal.errors.CauseChain;
import io.petal.privacy.Pseudonymizer;
import io.petal.spark.SerializableHadoopConf;
import java.io.Serializable;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of one ingest task: one study in, one {@link IngestOutcome} out, never an exception.
 * Reads the study's files once, skips it when its content hash equals the one already ingested
 * (or already quarantined), loads and checks it, writes its slices file atomically, and returns
 * its studies row. Any failure becomes a quarantine outcome whose reason names the file and the
 * problem. Logs carry pseudonyms and source references only. Safe to share between concurrent
 * tasks (one instance serves every task of an executor).
 */
public final class IngestTask implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(IngestTask.class);
  /**
   * Each executor thread's voxel arrays, reused by its next study; at most 1/16 of the heap per
   * thread is kept between studies.
   */
  private static final ThreadLocal<VoxelArrayPool> VOXEL_ARRAYS =
      ThreadLocal.withInitial(() -> new VoxelArrayPool(Runtime.getRuntime().maxMemory() / 16));

  private final String slicesTable;
  private final Pseudonymizer pseudonyms;
  private final SerializableHadoopConf conf;
  /** study_key → content hash of what is already in the studies or quarantine table. */
  private final Map<String, String> known;

  public IngestTask(String slicesTable, Pseudonymizer pseudonyms, SerializableHadoopConf conf, Map<String, String> known) {
    this.slicesTable = slicesTable;
    this.pseudonyms = pseudonyms;
    this.conf = conf;
    this.known = Map.copyOf(known);
  }

  public IngestOutcome ingest(StudySource src) {
    String studyKey = pseudonyms.study(src.patientId(), src.studyId());
    String hash = null;
    try {
      StudyFiles files = StudyFiles.read(src.allPaths(), conf.get());
      hash = files.contentHash();
      if (hash.equals(known.get(studyKey))) {
        return IngestOutcome.unchanged(src, studyKey, hash);
      }
      return load(src, studyKey, files);
    } catch (StudyRejectedException e) {
      return quarantine(src, studyKey, hash, e.getMessage());
    } catch (OutOfMemoryError e) {
      // not the study's fault: no content hash, so the next run tries it again instead of
      // taking it for known
      return quarantine(src, studyKey, null, "out of memory (" + e.getMessage() + ") while loading the study: give "
          + "the executors more memory; it is tried again on the next run");
    } catch (Exception e) {
      return quarantine(src, studyKey, hash, CauseChain.describe(e));
    }
  }

  /** Loads, checks and writes a study whose content changed; its voxel arrays go back to the thread's pool after. */
  private IngestOutcome load(StudySource src, String studyKey, StudyFiles files) throws Exception {
    long t0 = System.nanoTime();
    VoxelArrayPool arrays = VOXEL_ARRAYS.get();
    try {
      LoadedStudy study = new StudyLoader(new FormatChannelReader(arrays)).load(src, files);
      String patientKey = pseudonyms.patient(src.patientId());
      SliceCutter slices = new SliceCutter(study);
      SlicesFileWriter.write(SlicesFileWriter.pathOf(slicesTable, src.cohort(), studyKey), patientKey, studyKey,
          src.kind(), src.split(), slices, conf.get());
      IngestOutcome.StudyFacts facts = StudyFactsBuilder.of(src, patientKey, study, slices);
      LOG.info("ingest: study {} ({}) {} slices in {} ms", studyKey, src.sourceRef(), facts.slices(),
          (System.nanoTime() - t0) / 1_000_000);
      return IngestOutcome.ingested(src, studyKey, files.contentHash(), facts);
    } finally {
      arrays.reclaimAll(); // the study's volumes are written (or abandoned): nothing refers to them now
    }
  }

  private static IngestOutcome quarantine(StudySource src, String studyKey, String hash, String reason) {
    LOG.warn("ingest: study {} ({}) quarantined: {}", studyKey, src.sourceRef(), reason);
    return IngestOutcome.quarantined(src, studyKey, hash, reason);
  }
}
