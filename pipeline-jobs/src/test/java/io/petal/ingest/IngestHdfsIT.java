package io.petal.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.privacy.Pseudonymizer;
import io.petal.schema.Columns;
import io.petal.schema.SlicesTable;
import io.petal.schema.StudiesTable;
import io.petal.testing.SharedData;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petal ingest} against a real HDFS: a two-datanode MiniDFSCluster holds the IBSI NIfTI
 * studies and a manifest with paths relative to its folder, and the warehouse. The shared Spark
 * session reaches the cluster through full {@code hdfs://host:port} URIs only; its Hadoop
 * configuration is not changed.
 */
@Tag("integration")
class IngestHdfsIT {
  private static final List<String> STUDIES = List.of("STS_001", "STS_002");

  @TempDir java.nio.file.Path dir;
  private final SparkSession spark = TestSpark.session();
  private final Pseudonymizer keys = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));
  private MiniDFSCluster cluster;
  private FileSystem hdfs;
  private String root;

  @BeforeEach
  void startCluster() throws IOException {
    Configuration conf = new Configuration();
    cluster = new MiniDFSCluster.Builder(conf, dir.resolve("dfs").toFile())
        .numDataNodes(2)
        .nameNodePort(0)
        .build();
    cluster.waitActive();
    hdfs = cluster.getFileSystem();
    root = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
  }

  @AfterEach
  void stopCluster() throws IOException {
    if (root != null) { // drop the client Spark's Hadoop configuration cached for this cluster
      FileSystem.get(URI.create(root), spark.sparkContext().hadoopConfiguration()).close();
    }
    if (cluster != null) {
      cluster.shutdown(true);
    }
  }

  @Test
  void ingestReadsInputsFromAndWritesTablesToHdfs() throws IOException {
    String manifest = copyStudiesWithRelativeManifest();
    Warehouse w = new Warehouse(root + "/warehouse");
    IngestJob.Options opts = new IngestJob.Options(w, manifest, null, null);

    assertEquals(new IngestJob.Summary("input", 2, 0, 0), IngestJob.run(spark, opts, keys));

    Row sts1 = IngestedTables.read(spark, w, StudiesTable.INSTANCE)
        .filter(functions.col(Columns.STUDY_KEY).equalTo(keys.study("STS_001", "S1"))).first();
    assertEquals(List.of(41, 43, 59), List.of(sts1.<Integer>getAs(StudiesTable.NX),
        sts1.<Integer>getAs(StudiesTable.NY), sts1.<Integer>getAs(StudiesTable.NZ)));
    assertEquals(5095L, sts1.<Long>getAs(StudiesTable.LESION_VOXELS));
    long sliceCount = 59 + 48; // STS_001 and STS_002 PET slices
    assertEquals(sliceCount, sumOfNz(w));
    assertEquals(sliceCount, IngestedTables.slices(spark, w).count());
    assertEquals(5095L, IngestedTables.slices(spark, w)
        .filter(functions.col(Columns.STUDY_KEY).equalTo(keys.study("STS_001", "S1")))
        .agg(functions.sum(SlicesTable.LESION_VOXELS)).first().getLong(0));

    Map<String, Long> slicesFiles = slicesFilesOnHdfs("input");
    assertEquals(STUDIES.stream().map(id -> keys.study(id, "S1") + ".parquet").sorted().toList(),
        List.copyOf(slicesFiles.keySet()));
    assertTrue(hdfs.exists(new Path("/warehouse/tables/studies/cohort=input")));
    assertNothingWrittenLocally();

    // a second identical run reads the hashes back from hdfs:// and rewrites nothing
    assertEquals(new IngestJob.Summary("input", 0, 2, 0), IngestJob.run(spark, opts, keys));
    assertEquals(2, IngestedTables.read(spark, w, StudiesTable.INSTANCE).count());
    assertEquals(sliceCount, IngestedTables.slices(spark, w).count());
    assertEquals(slicesFiles, slicesFilesOnHdfs("input"), "slices files rewritten by an unchanged run");
  }

  /**
   * Copies the IBSI studies to {@code /input/<id>/} on HDFS and writes {@code /input/manifest.csv}
   * naming them by paths relative to that folder; returns the manifest's full URI.
   */
  @Test
  void synthWritesItsCohortToHdfsAndIngestReadsItBack() throws IOException {
    String cohort = root + "/cohorts/synthetic";
    io.petal.jobs.SynthJob.run(spark, new io.petal.jobs.SynthJob.Options(cohort, 1, 1, 3, true,
        io.petal.synth.SynthConfig.small()));
    assertTrue(hdfs.exists(new Path("/cohorts/synthetic/manifest.csv")));
    assertTrue(hdfs.exists(new Path("/cohorts/synthetic/SYN0001/study-01/SUV.nii.gz")));
    assertTrue(hdfs.exists(new Path("/cohorts/synthetic/SYN0002/study-01/preview.png")));

    Warehouse w = new Warehouse(root + "/warehouse");
    IngestJob.Summary s = IngestJob.run(spark, new IngestJob.Options(w, cohort + "/manifest.csv", null, null), keys);
    assertEquals(new IngestJob.Summary("synthetic", 2, 0, 0), s);
    assertEquals(2, slicesFilesOnHdfs("synthetic").size());
  }

  private String copyStudiesWithRelativeManifest() throws IOException {
    java.nio.file.Path nifti = SharedData.data("ibsi-sts/nifti");
    List<String> lines = new ArrayList<>(List.of("patient_id,study_id,suv,ct,seg,diagnosis,split"));
    for (String id : STUDIES) {
      for (String f : List.of("PET_image.nii.gz", "CT_image.nii.gz", "PET_mask.nii.gz")) {
        hdfs.copyFromLocalFile(new Path(nifti.resolve(id).resolve(f).toUri()), new Path("/input/" + id + "/" + f));
      }
      lines.add(id + ",S1," + id + "/PET_image.nii.gz," + id + "/CT_image.nii.gz," + id + "/PET_mask.nii.gz,SARCOMA,"
          + (id.equals("STS_001") ? "train" : "test"));
    }
    try (FSDataOutputStream out = hdfs.create(new Path("/input/manifest.csv"))) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return root + "/input/manifest.csv";
  }

  private long sumOfNz(Warehouse w) {
    return IngestedTables.read(spark, w, StudiesTable.INSTANCE).agg(functions.sum(StudiesTable.NZ)).first().getLong(0);
  }

  /** Name → modification time of each slices file of the cohort, checked to be stored in HDFS blocks. */
  private Map<String, Long> slicesFilesOnHdfs(String cohort) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    for (FileStatus f : hdfs.listStatus(new Path("/warehouse/tables/slices/" + Columns.COHORT + "=" + cohort))) {
      assertTrue(f.isFile() && f.getLen() > 0, "slices entry " + f.getPath());
      assertTrue(hdfs.getFileBlockLocations(f, 0, f.getLen()).length > 0, "no HDFS block for " + f.getPath());
      files.put(f.getPath().getName(), f.getModificationTime());
    }
    return files;
  }

  /**
   * No table landed on the local disk: no warehouse folder beside the working directory or at the
   * filesystem root, and no Parquet file among the local files of this test (the datanodes' block
   * files live there under their own names).
   */
  private void assertNothingWrittenLocally() throws IOException {
    for (String p : List.of("warehouse", "/warehouse", "hdfs:", "input", "/input")) {
      assertFalse(Files.exists(java.nio.file.Path.of(p)), "local " + p + " exists");
    }
    try (Stream<java.nio.file.Path> s = Files.walk(dir)) {
      List<java.nio.file.Path> parquet = s.filter(f -> f.toString().endsWith(".parquet")
          || f.toString().contains(Columns.COHORT + "=")).toList();
      assertEquals(List.of(), parquet);
    }
  }
}
