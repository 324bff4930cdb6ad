package io.petal.lesions;

import io.petal.image.Volume;
import io.petal.tables.StudyImages;
import io.petal.tables.StudyImagesReader;
import io.petal.tables.StudyInfo;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.broadcast.Broadcast;

/**
 * Measures every mask of one study: each annotation source of {@code slices.labels}
 * ({@code truth:<source>}) and each model's predicted mask ({@code predicted:<model>}), on the
 * study's {@value #PET} channel (SUV) and, when present, its {@value #CT} channel (HU).
 */
public final class StudyLesionAnalyser implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Channel holding SUV. */
  public static final String PET = "PET";
  /** Channel holding CT in HU. */
  public static final String CT = "CT";

  private final Broadcast<Map<String, Site>> studySites;

  /**
   * @param studySites the studies' own sites ({@link SiteResolver#studySite}) by
   *     {@link StudyImagesReader#key}; studies without one are absent
   */
  public StudyLesionAnalyser(Broadcast<Map<String, Site>> studySites) {
    this.studySites = studySites;
  }

  /** True when the study can be measured (it has a PET channel). */
  public static boolean measurable(StudyInfo info) {
    return info.channelIndex(PET) >= 0;
  }

  public StudyLesions analyse(LesionInput input) {
    StudyImages images = input.images();
    StudyInfo info = images.info();
    float[] suv = images.channel(PET).data();
    float[] ct = info.channelIndex(CT) < 0 ? null : images.channel(CT).data();
    LesionMeasurer measurer = new LesionMeasurer(info.grid());
    SiteResolver sites = new SiteResolver(studySites.value().get(StudyImagesReader.key(info)),
        () -> ct == null ? Optional.empty() : LungFinder.find(new Volume(info.grid(), ct)));
    List<MeasuredMask> masks = new ArrayList<>();
    for (int s = 0; s < images.labelCount(); s++) {
      masks.add(measure(MaskSource.truth(info.labelSources().get(s)), images.label(s), suv, ct, measurer, sites));
    }
    for (Map.Entry<String, byte[]> e : input.predicted().entrySet()) {
      masks.add(measure(MaskSource.predicted(e.getKey()), e.getValue(), suv, ct, measurer, sites));
    }
    return new StudyLesions(info, masks);
  }

  private static MeasuredMask measure(MaskSource source, byte[] mask, float[] suv, float[] ct,
      LesionMeasurer measurer, SiteResolver sites) {
    List<LesionStatistics> lesions = measurer.measure(mask, suv, ct);
    List<Site> located = new ArrayList<>(lesions.size());
    for (LesionStatistics l : lesions) {
      located.add(sites.siteOf(source, l));
    }
    return new MeasuredMask(source, lesions, located);
  }
}
