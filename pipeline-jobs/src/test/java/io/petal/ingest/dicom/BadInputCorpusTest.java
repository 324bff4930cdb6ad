package io.petal.ingest.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Volume;
import io.petal.ingest.IngestJob;
import io.petal.io.nifti.NiftiDataType;
import io.petal.io.nifti.NiftiReader;
import io.petal.io.nifti.NiftiWriter;
import io.petal.privacy.Pseudonymizer;
import io.petal.schema.QuarantineTable;
import io.petal.testing.SharedData;
import io.petal.testing.TestSpark;
import io.petal.warehouse.Warehouse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad night: one manifest with two good studies (NIfTI and DICOM) and twelve broken ones of
 * different kinds. Every good study lands; every broken one is quarantined with a reason that
 * names what is wrong; the job itself succeeds.
 */
class BadInputCorpusTest {
  @TempDir Path dir;
  private final Pseudonymizer keys = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));
  private static final VendorPetSeries.Identity WHO = VendorPetSeriesTest.WHO;

  /** One manifest row: pet/suv, ct, seg paths (null when absent) and the words its reason must hold. */
  private record Case(String suv, String pet, String ct, String seg, String... reasonWords) {}

  @Test
  void everyBrokenStudyIsQuarantinedWithItsReasonAndTheGoodOnesLand() throws Exception {
    Path nifti = SharedData.data("ibsi-sts/nifti/STS_001");
    String goodSuv = nifti.resolve("PET_image.nii.gz").toString();
    String goodCt = nifti.resolve("CT_image.nii.gz").toString();
    String goodSeg = nifti.resolve("PET_mask.nii.gz").toString();
    Path dicomPet = IbsiSeries.dicomSeries("PET");
    Path dicomCt = IbsiSeries.dicomSeries("CT");

    Map<String, Case> cases = new LinkedHashMap<>();
    cases.put("GOOD_NIFTI", new Case(goodSuv, null, goodCt, goodSeg));
    cases.put("GOOD_DICOM", new Case(null, dicomPet.toString(), dicomCt.toString(), null));
    cases.put("TRUNCATED_GZIP", new Case(truncatedCopy(Path.of(goodSuv), "SUV.nii.gz"), null, goodCt, null,
        "SUV.nii.gz", "truncated"));
    cases.put("TRUNCATED_DICOM", new Case(null, truncatedDicomSeries().toString(), dicomCt.toString(), null,
        "000010.dcm"));
    cases.put("MISSING_WEIGHT", new Case(null, vendorPet("no-weight", "-ea", "(0010,1030)").toString(),
        dicomCt.toString(), null, "PatientWeight"));
    cases.put("MISSING_DOSE", new Case(null, vendorPet("no-dose", "-ea", "(0054,0016)[0].(0018,1074)").toString(),
        dicomCt.toString(), null, "RadionuclideTotalDose"));
    cases.put("UNKNOWN_UNITS", new Case(null, vendorPet("propcps", "-m", "(0054,1001)=PROPCPS").toString(),
        dicomCt.toString(), null, "PROPCPS"));
    cases.put("NAN_VOXELS", new Case(withNaN(Path.of(goodSuv)), null, goodCt, null, "NaN"));
    cases.put("ZERO_SPACING", new Case(zeroSpacing(Path.of(goodSuv)), null, goodCt, null, "spacing"));
    cases.put("OTHER_FRAME", new Case(null, dicomPet.toString(), otherFrameCt().toString(), null,
        "frames of reference"));
    cases.put("MASK_SHAPE", new Case(goodSuv, null, goodCt,
        SharedData.data("ibsi-sts/nifti/STS_002/PET_mask.nii.gz").toString(), "mismatched mask"));
    Path empty = Files.createDirectories(dir.resolve("empty-ct"));
    cases.put("EMPTY_FOLDER", new Case(goodSuv, null, empty.toString(), null, "empty folder"));
    cases.put("DUPLICATE_SLICES", new Case(null, duplicateSliceSeries().toString(), dicomCt.toString(), null,
        "duplicate"));
    cases.put("MISSING_FILE", new Case(dir.resolve("nowhere/SUV.nii.gz").toString(), null, goodCt, null,
        "not found"));

    Path manifest = dir.resolve("night/manifest.csv");
    Files.createDirectories(manifest.getParent());
    List<String> lines = new ArrayList<>(List.of("patient_id,study_id,suv,pet,ct,seg"));
    Map<String, String> rowOf = new HashMap<>();
    for (Map.Entry<String, Case> e : cases.entrySet()) {
      Case c = e.getValue();
      lines.add(String.join(",", e.getKey(), "S1", blank(c.suv()), blank(c.pet()), blank(c.ct()), blank(c.seg())));
      rowOf.put("manifest.csv row " + (lines.size() - 1), e.getKey());
    }
    Files.write(manifest, lines);
    Warehouse w = new Warehouse(dir.resolve("wh").toUri().toString());

    IngestJob.Summary s = IngestJob.run(TestSpark.session(), new IngestJob.Options(w, manifest.toString(), null, null), keys);

    assertEquals(new IngestJob.Summary("night", 2, 0, cases.size() - 2), s);
    Row[] quarantine = (Row[]) TestSpark.session().read().parquet(w.table(QuarantineTable.NAME)).collect();
    assertEquals(cases.size() - 2, quarantine.length);
    for (Row q : quarantine) {
      String id = rowOf.get(q.<String>getAs(QuarantineTable.SOURCE));
      String reason = q.getAs(QuarantineTable.REASON);
      for (String word : cases.get(id).reasonWords()) {
        assertTrue(reason.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)),
            id + ": reason should mention '" + word + "': " + reason);
      }
      assertEquals("ingest", q.getAs(QuarantineTable.STAGE));
    }
  }

  private static String blank(String s) {
    return s == null ? "" : s;
  }

  private String truncatedCopy(Path file, String name) throws IOException {
    byte[] b = Files.readAllBytes(file);
    Path out = Files.createDirectories(dir.resolve("trunc")).resolve(name);
    Files.write(out, Arrays.copyOf(b, b.length / 2));
    return out.toString();
  }

  private Path truncatedDicomSeries() throws IOException {
    Path out = copySeries(IbsiSeries.dicomSeries("PET"), "trunc-dicom");
    Path victim = out.resolve("000010.dcm");
    byte[] b = Files.readAllBytes(victim);
    Files.write(victim, Arrays.copyOf(b, b.length - 3000));
    return out;
  }

  private Path duplicateSliceSeries() throws IOException {
    Path out = copySeries(IbsiSeries.dicomSeries("PET"), "dup-dicom");
    Files.copy(out.resolve("000020.dcm"), out.resolve("000020-copy.dcm"));
    return out;
  }

  /** A BQML/START copy of the PET series with one more dcmodify edit that breaks an SUV rule. */
  private Path vendorPet(String name, String... breakIt) throws IOException, InterruptedException {
    Path out = dir.resolve(name);
    VendorPetSeries.write(VendorPetSeries.dicomFiles(IbsiSeries.dicomSeries("PET")),
        SharedData.data("suv-headers/SIEMENS-instances.json"), "SIEMENS", VendorPetSeriesTest.SIEMENS_FACTOR, WHO,
        out, breakIt);
    return out;
  }

  private Path otherFrameCt() throws IOException, InterruptedException {
    Path out = copySeries(IbsiSeries.dicomSeries("CT"), "other-frame-ct");
    VendorPetSeries.dcmodify(List.of("-nb", "-m", "(0020,0052)=1.2.826.0.1.3680043.2.1125.999.1"),
        VendorPetSeries.dicomFiles(out));
    return out;
  }

  private String withNaN(Path suv) throws IOException {
    Volume v = NiftiReader.read(suv).volume();
    float[] d = v.data().clone();
    d[100] = Float.NaN;
    d[2000] = Float.POSITIVE_INFINITY;
    Path out = Files.createDirectories(dir.resolve("nan")).resolve("SUV.nii.gz");
    NiftiWriter.write(new Volume(v.grid(), d), out, NiftiDataType.FLOAT32);
    return out.toString();
  }

  /** The PET with its slice spacing set to 0 in pixdim and the sform (an uncompressed .nii). */
  private String zeroSpacing(Path suv) throws IOException {
    Path out = Files.createDirectories(dir.resolve("zero")).resolve("SUV.nii");
    NiftiWriter.write(NiftiReader.read(suv).volume(), out, NiftiDataType.FLOAT32);
    byte[] b = Files.readAllBytes(out);
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    buf.putFloat(76 + 4 * 3, 0f);                         // pixdim[3]
    for (int row = 0; row < 3; row++) {
      buf.putFloat(280 + 16 * row + 4 * 2, 0f);           // srow_x/y/z, third column
    }
    Files.write(out, b);
    return out.toString();
  }

  private Path copySeries(Path series, String name) throws IOException {
    Path out = Files.createDirectories(dir.resolve(name));
    for (Path f : VendorPetSeries.dicomFiles(series)) {
      Files.copy(f, out.resolve(f.getFileName()));
    }
    return out;
  }
}
