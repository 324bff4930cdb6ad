package io.petal.ingest.dicom;

import io.petal.ingest.ChannelReader;
import io.petal.ingest.ChannelSource;
import io.petal.ingest.LoadedStudy;
import io.petal.ingest.StudyFiles;
import io.petal.ingest.StudyRejectedException;
import io.petal.io.dicom.DicomFile;
import io.petal.io.dicom.DicomFormatException;
import io.petal.io.dicom.DicomReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a {@link ChannelSource.Format#DICOM_SERIES} channel from its files' bytes: the files must
 * be one image series of the modality the channel's role expects (PT for PET, CT for CT, any for
 * OTHER); they are assembled by position ({@link DicomSeriesAssembler}) and, for PET, normalised to
 * SUVbw from their headers ({@link PetSuvNormaliser}; Units GML gives factor 1).
 */
public final class DicomSeriesReader {
  /** {@link ChannelReader.Loaded#sourceFormat()} of DICOM channels. */
  public static final String SOURCE_FORMAT = "dicom";

  private DicomSeriesReader() {}

  /**
   * The channel's volume on its own grid, in SUV (PET), HU (CT) or the rescaled stored unit
   * (OTHER), with its FrameOfReferenceUID.
   *
   * @throws StudyRejectedException naming the file and the reason: a file that is not DICOM, several
   *     series, a wrong modality, an irregular stack, or a PET header that does not define SUV
   */
  public static ChannelReader.Loaded read(ChannelSource channel, StudyFiles files) throws StudyRejectedException {
    List<DicomFile> dicom = new ArrayList<>();
    List<DicomInstanceHeader> headers = new ArrayList<>();
    for (String path : channel.paths()) {
      try {
        DicomFile f = DicomReader.read(files.get(path), SlicePlanes.fileName(path));
        dicom.add(f);
        headers.add(DicomInstanceHeader.of(path, f.dataset()));
      } catch (DicomFormatException e) {
        throw new StudyRejectedException(e.getMessage(), e);
      }
    }
    requireOneSeries(headers);
    requireModality(channel.role(), headers.get(0));
    DicomSeries series = DicomSeriesAssembler.assemble(dicom);
    LoadedStudy.SuvNormalisation suv = channel.definesGrid() ? PetSuvNormaliser.normalise(series, dicom) : null;
    return new ChannelReader.Loaded(series.volume(), suv, series.frameOfReferenceUid(), SOURCE_FORMAT);
  }

  private static void requireOneSeries(List<DicomInstanceHeader> headers) throws StudyRejectedException {
    List<DicomSeriesGroup> groups = DicomSeriesGroup.of(headers);
    if (groups.size() > 1) {
      throw new StudyRejectedException("the files are " + groups.size() + " series, a channel needs exactly one: "
          + groups.stream().map(DicomSeriesGroup::toString).collect(Collectors.joining(", ")));
    }
    DicomInstanceHeader notImage = headers.stream().filter(h -> !h.image()).findFirst().orElse(null);
    if (notImage != null) {
      throw new StudyRejectedException(notImage.fileName() + " is a " + notImage.modality()
          + " object without Rows/Columns, not an image");
    }
  }

  private static void requireModality(ChannelSource.Role role, DicomInstanceHeader h) throws StudyRejectedException {
    String expected = switch (role) {
      case PET_RAW, PET_SUV -> "PT";
      case CT -> "CT";
      case OTHER -> null;
    };
    if (expected != null && !expected.equals(h.modality())) {
      throw new StudyRejectedException("a " + role + " channel needs a " + expected + " series, but "
          + h.fileName() + " has Modality '" + h.modality() + "'");
    }
  }
}
