package io.petal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.privacy.Pseudonymizer;
import io.petal.schema.Columns;
import io.petal.schema.QuarantineTable;
import io.petal.schema.SlicesTable;
import io.petal.schema.StudiesTable;
import io.petal.schema.TensorCodec;
import io.petal.testing.SharedData;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest of the real IBSI NIfTI studies plus a broken one, re-run, and repair. */
class IngestJobTest {
  @TempDir Path dir;
  private final SparkSession spark = TestSpark.session();
  private final Pseudonymizer keys = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));

  @Test
  void ibsiStudiesLandBrokenOneIsQuarantinedRerunAddsNothing() throws IOException {
    Path nifti = SharedData.data("ibsi-sts/nifti");
    Path broken = dir.resolve("broken");
    Files.createDirectories(broken);
    byte[] pet = Files.readAllBytes(nifti.resolve("STS_002/PET_image.nii.gz"));
    Files.write(broken.resolve("SUV.nii.gz"), Arrays.copyOf(pet, pet.length / 2)); // truncated gzip
    Path manifest = dir.resolve("cohort/manifest.csv");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, String.join("\n",
        "patient_id,study_id,suv,ct,seg,diagnosis,split,patient_name,site",
        row(nifti, "STS_001") + ",SARCOMA,train,Doe^Jane,thigh",
        row(nifti, "STS_002") + ",SARCOMA,test,Roe^John,arm",
        "BROKEN_9,S1," + broken.resolve("SUV.nii.gz") + "," + nifti.resolve("STS_002/CT_image.nii.gz") + ",,NEGATIVE,train,X^Y,leg",
        ""));
    Warehouse w = new Warehouse(dir.resolve("wh").toUri().toString());
    IngestJob.Options opts = new IngestJob.Options(w, manifest.toString(), null, null);

    IngestJob.Summary first = IngestJob.run(spark, opts, keys);
    assertEquals(new IngestJob.Summary("cohort", 2, 0, 1), first);
    assertFalse(spark.conf().contains("spark.sql.codegen.factoryMode"),
        "the commit writes its few rows without code generation, and leaves the session's setting as it was");

    Row sts1 = IngestedTables.read(spark, w, StudiesTable.INSTANCE)
        .filter(functions.col(Columns.STUDY_KEY).equalTo(keys.study("STS_001", "S1"))).first();
    assertEquals(41, sts1.<Integer>getAs(StudiesTable.NX));
    assertEquals(43, sts1.<Integer>getAs(StudiesTable.NY));
    assertEquals(59, sts1.<Integer>getAs(StudiesTable.NZ));
    assertEquals(3.27, sts1.<Double>getAs(StudiesTable.SPACING_Z_MM), 1e-3);
    assertEquals(5095L, sts1.<Long>getAs(StudiesTable.LESION_VOXELS));
    assertEquals(1.0, sts1.<Double>getAs(StudiesTable.SUV_FACTOR));
    assertEquals(List.of("PET", "CT"), sts1.getList(sts1.fieldIndex(StudiesTable.CHANNELS)));
    assertEquals("thigh", sts1.getJavaMap(sts1.fieldIndex(StudiesTable.METADATA)).get("site"));
    assertFalse(sts1.getJavaMap(sts1.fieldIndex(StudiesTable.METADATA)).containsKey("patient_name"));

    // slices: every slice present, CT on the PET grid, SUVmax 7.9 inside the GTV
    List<Row> slices = IngestedTables.slices(spark, w)
        .filter(functions.col(Columns.STUDY_KEY).equalTo(keys.study("STS_001", "S1"))).collectAsList();
    assertEquals(59, slices.size());
    int lesionVoxels = 0;
    float lesionMax = 0;
    float ctMin = Float.MAX_VALUE;
    for (Row s : slices) {
      lesionVoxels += s.<Integer>getAs(SlicesTable.LESION_VOXELS);
      if (!s.isNullAt(s.fieldIndex(SlicesTable.LESION_CHANNEL0_MAX))) {
        lesionMax = Math.max(lesionMax, s.<Float>getAs(SlicesTable.LESION_CHANNEL0_MAX));
      }
      float[] ct = TensorCodec.decodeFloatPlane(s.getAs(SlicesTable.IMAGE), 1, 41 * 43);
      for (float f : ct) {
        ctMin = Math.min(ctMin, f);
      }
    }
    assertEquals(5095, lesionVoxels);
    assertEquals(7.9, lesionMax, 0.05);
    assertTrue(ctMin >= -1024, "CT resampled in HU, min " + ctMin);

    Row q = IngestedTables.read(spark, w, QuarantineTable.INSTANCE).first();
    assertEquals("manifest.csv row 3", q.getAs(QuarantineTable.SOURCE));
    String reason = q.getAs(QuarantineTable.REASON);
    assertTrue(reason.contains("SUV.nii.gz") && reason.toLowerCase().contains("truncated"), reason);

    OutputPrivacy.assertNotInOutputs(dir.resolve("wh"),
        List.of("STS_001", "STS_002", "BROKEN_9", "Doe^Jane", "Roe^John"));

    // a second identical run adds nothing
    IngestJob.Summary second = IngestJob.run(spark, opts, keys);
    assertEquals(new IngestJob.Summary("cohort", 0, 3, 0), second);
    assertEquals(2, IngestedTables.read(spark, w, StudiesTable.INSTANCE).count());
    long slicesInStudies = IngestedTables.read(spark, w, StudiesTable.INSTANCE)
        .agg(functions.sum(StudiesTable.NZ)).first().getLong(0);
    assertEquals(59 + 48, slicesInStudies); // STS_001 and STS_002 PET slice counts
    assertEquals(slicesInStudies, IngestedTables.slices(spark, w).count());
    assertEquals(1, IngestedTables.read(spark, w, QuarantineTable.INSTANCE).count());

    // repairing the broken study ingests it and clears its quarantine row
    Files.write(broken.resolve("SUV.nii.gz"), pet);
    IngestJob.Summary third = IngestJob.run(spark, opts, keys);
    assertEquals(new IngestJob.Summary("cohort", 1, 2, 0), third);
    assertEquals(3, IngestedTables.read(spark, w, StudiesTable.INSTANCE).count());
    assertEquals(0, IngestedTables.read(spark, w, QuarantineTable.INSTANCE).count());
  }

  @Test
  void aRunKilledBeforeItsCommitIsSimplyRunAgain() throws IOException {
    Path nifti = SharedData.data("ibsi-sts/nifti");
    Path manifest = dir.resolve("c2/manifest.csv");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, "patient_id,study_id,suv,ct,seg\n" + row(nifti, "STS_001") + "\n" + row(nifti, "STS_002") + "\n");
    Warehouse w = new Warehouse(dir.resolve("wh2").toUri().toString());
    IngestJob.Options opts = new IngestJob.Options(w, manifest.toString(), null, null);
    IngestJob.run(spark, opts, keys);
    long slices = IngestedTables.slices(spark, w).count();

    // The driver died after the tasks wrote their slices files but before the studies commit:
    // the slices files are there, the studies rows are not, and a stale temporary file lies beside them.
    Path studiesPartition = dir.resolve("wh2/tables/studies/cohort=c2");
    try (Stream<Path> files = Files.walk(studiesPartition)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
    Path slicesPartition = dir.resolve("wh2/tables/slices/cohort=c2");
    Files.writeString(slicesPartition.resolve(".x.parquet.tmp-dead"), "half a file");
    assertEquals(0, IngestedTables.slices(spark, w).count(), "uncommitted slices must be invisible");

    assertEquals(new IngestJob.Summary("c2", 2, 0, 0), IngestJob.run(spark, opts, keys));
    assertEquals(2, IngestedTables.read(spark, w, StudiesTable.INSTANCE).count());
    assertEquals(slices, IngestedTables.slices(spark, w).count());
    assertEquals(slices, spark.read().parquet(dir.resolve("wh2/tables/slices").toString()).count(),
        "no duplicate slice rows in the files themselves");
  }

  @Test
  void aStudyThatRanOutOfMemoryIsTriedAgainNextRun() throws IOException {
    Path nifti = SharedData.data("ibsi-sts/nifti");
    // a NIfTI header that claims 1500 x 1500 x 900 voxels: a float32 volume of 8.1 GB, more than
    // the test JVM's heap; the payload does not matter, the voxel array is allocated first
    byte[] header = Arrays.copyOf(new java.util.zip.GZIPInputStream(
        Files.newInputStream(nifti.resolve("STS_001/PET_image.nii.gz"))).readNBytes(352), 352 + 64);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.putShort(42, (short) 1500).putShort(44, (short) 1500).putShort(46, (short) 900);
    Path huge = dir.resolve("huge/SUV.nii");
    Files.createDirectories(huge.getParent());
    Files.write(huge, header);
    Path manifest = dir.resolve("c3/manifest.csv");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, "patient_id,study_id,suv,ct,seg\n" + row(nifti, "STS_001") + "\n"
        + "HUGE_1,S1," + huge + "," + nifti.resolve("STS_001/CT_image.nii.gz") + ",\n");
    Warehouse w = new Warehouse(dir.resolve("wh3").toUri().toString());
    IngestJob.Options opts = new IngestJob.Options(w, manifest.toString(), null, null);

    assertEquals(new IngestJob.Summary("c3", 1, 0, 1), IngestJob.run(spark, opts, keys));
    Row q = IngestedTables.read(spark, w, QuarantineTable.INSTANCE).first();
    String reason = q.getAs(QuarantineTable.REASON);
    assertTrue(reason.startsWith("out of memory") && reason.contains("tried again"), reason);
    assertTrue(q.isNullAt(q.fieldIndex(QuarantineTable.CONTENT_HASH)), "no content hash: the study is not known");

    // the next run tries it again (quarantined again, not skipped as unchanged); the good study is unchanged
    assertEquals(new IngestJob.Summary("c3", 0, 1, 1), IngestJob.run(spark, opts, keys));
    assertEquals(1, IngestedTables.read(spark, w, QuarantineTable.INSTANCE).count());
  }

  private static String row(Path nifti, String id) {
    Path d = nifti.resolve(id);
    return id + ",S1," + d.resolve("PET_image.nii.gz") + "," + d.resolve("CT_image.nii.gz") + "," + d.resolve("PET_mask.nii.gz");
  }
}
