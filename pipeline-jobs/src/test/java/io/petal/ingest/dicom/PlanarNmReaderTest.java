package io.petal.ingest.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.ingest.ChannelReader;
import io.petal.ingest.ChannelSource;
import io.petal.ingest.StudyFiles;
import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomDatasetWriter;
import io.petal.io.dicom.DicomTags;
import io.petal.io.dicom.VR;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planar NM views from one file per view: views found from SeriesDescription words or a
 * ViewCodeSequence, anterior first, the posterior mirrored; and each kind of bad input rejected
 * with the file named.
 */
class PlanarNmReaderTest {
  @TempDir Path dir;

  /** A 3 × 2 single-frame NM image with pixels 1..6 (x fastest) and {@code spacing} mm pixels. */
  private static DicomDatasetWriter view(String description, double... spacing) {
    DicomDatasetWriter ds = new DicomDatasetWriter()
        .text(DicomTags.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.20")
        .text(DicomTags.SOP_INSTANCE_UID, VR.UI, "2.25." + Math.abs(description.hashCode()))
        .text(DicomTags.MODALITY, VR.CS, "NM")
        .text(DicomTags.SERIES_DESCRIPTION, VR.LO, description)
        .us(DicomTags.SAMPLES_PER_PIXEL, 1)
        .text(DicomTags.PHOTOMETRIC_INTERPRETATION, VR.CS, "MONOCHROME2")
        .us(DicomTags.ROWS, 2)
        .us(DicomTags.COLUMNS, 3)
        .us(DicomTags.BITS_ALLOCATED, 16).us(DicomTags.BITS_STORED, 16).us(DicomTags.HIGH_BIT, 15)
        .us(DicomTags.PIXEL_REPRESENTATION, 0)
        .bytes(DicomTags.PIXEL_DATA, VR.OW, DicomDatasetWriter.words(1, 2, 3, 4, 5, 6));
    return spacing.length == 0 ? ds : ds.ds(DicomTags.PIXEL_SPACING, spacing);
  }

  private ChannelReader.Loaded read(DicomDatasetWriter... files) throws IOException, StudyRejectedException {
    List<String> paths = new ArrayList<>();
    for (int f = 0; f < files.length; f++) {
      Path p = dir.resolve("view" + f + ".dcm");
      Files.write(p, files[f].toPart10("2.25.9"));
      paths.add(p.toString());
    }
    ChannelSource c = new ChannelSource("counts", "counts", ChannelSource.Format.DICOM_PLANAR, paths,
        ChannelSource.Role.OTHER);
    return PlanarNmReader.read(c, StudyFiles.read(paths, new Configuration()));
  }

  private String rejection(DicomDatasetWriter... files) {
    return assertThrows(StudyRejectedException.class, () -> read(files)).getMessage();
  }

  @Test
  void viewsComeAnteriorFirstWithThePosteriorMirrored() throws Exception {
    ChannelReader.Loaded l = read(view("WB POST", 5, 4), view("WB ANT", 5, 4));
    assertEquals(List.of("anterior", "posterior"), l.views());
    assertEquals(List.of(3, 2, 2), List.of(l.volume().grid().nx(), l.volume().grid().ny(), l.volume().grid().nz()));
    assertEquals(4, l.volume().grid().spacing(0), 1e-9, "column spacing is PixelSpacing's second value");
    assertEquals(5, l.volume().grid().spacing(1), 1e-9, "row spacing is PixelSpacing's first value");
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, l.volume().slice(0));
    assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, l.volume().slice(1));
    assertEquals(null, l.suv());
  }

  @Test
  void aViewCodeSequenceNamesTheViewOfASingleFrame() throws Exception {
    DicomDatasetWriter coded = view("WB", 4, 4).sequence(DicomTags.VIEW_CODE_SEQUENCE, new DicomDatasetWriter()
        .text(DicomTags.CODE_VALUE, VR.SH, "399001007").text(DicomTags.CODING_SCHEME_DESIGNATOR, VR.SH, "SCT")
        .text(DicomTags.CODE_MEANING, VR.LO, "posterior projection"));
    assertEquals(List.of("posterior"), read(coded).views());
  }

  @Test
  void badInputIsRejectedNamingTheFile() {
    assertTrue(rejection(view("WB BONE", 4, 4)).startsWith("view0.dcm names no view"));
    assertTrue(rejection(view("ANT/POST", 4, 4)).contains("names no view"), "both words name no single view");
    assertEquals("two anterior views: view0.dcm and view1.dcm", rejection(view("ANT", 4, 4), view("ANTERIOR", 4, 4)));
    assertTrue(rejection(view("ANT")).startsWith("view0.dcm has no valid PixelSpacing"));
    assertTrue(rejection(view("ANT", 4, 4), view("POST", 4, 4.5)).startsWith("the views differ in size"));
    assertTrue(rejection(view("ANT", 4, 4).text(DicomTags.MODALITY, VR.CS, "CT"))
        .startsWith("view0.dcm has Modality 'CT'"));
    DicomDatasetWriter lateral = view("WB", 4, 4).sequence(DicomTags.VIEW_CODE_SEQUENCE, new DicomDatasetWriter()
        .text(DicomTags.CODE_MEANING, VR.LO, "left lateral projection"));
    assertTrue(rejection(lateral).contains("neither an anterior nor a posterior view"));
    DicomDatasetWriter twoFrames = view("WB ANT", 4, 4).is(DicomTags.NUMBER_OF_FRAMES, 2)
        .bytes(DicomTags.PIXEL_DATA, VR.OW, DicomDatasetWriter.words(1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6));
    assertTrue(rejection(twoFrames).startsWith("view0.dcm frame 1 of 2 names no view"),
        "a multi-frame file needs DetectorVector views, whatever its description says");
  }
}
