package io.petal.lesions;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The site of each lesion of one study, where it can be known:
 * <ol>
 *   <li>for lesions of an annotation ({@code truth:…}), the study's own site from its manifest
 *       metadata, when the manifest has one of the columns {@link #METADATA_COLUMNS} (the first
 *       non-blank one; the annotation is taken to outline lesions of that site);</li>
 *   <li>otherwise the {@link BodyRegion} of the lesion's centroid relative to the lungs found on
 *       the study's CT ({@link LungFinder}, looked for once per study and only when needed);</li>
 *   <li>otherwise (no CT, or lungs not wholly in the scan) none: the columns stay null.</li>
 * </ol>
 */
public final class SiteResolver {
  /** Manifest (metadata) columns that give a study's lesion site, in order of preference. */
  public static final List<String> METADATA_COLUMNS = List.of("site", "lesion_site", "primary_site");

  private final Site studySite;
  private final Supplier<Optional<LungExtent>> lungs;
  private Optional<LungExtent> found;

  /**
   * @param studySite the study's own site ({@link #studySite}), or null
   * @param lungs finds the lungs (called at most once)
   */
  public SiteResolver(Site studySite, Supplier<Optional<LungExtent>> lungs) {
    this.studySite = studySite;
    this.lungs = lungs;
  }

  /** The site of {@code lesion} of {@code source}, or null when not determinable. */
  public Site siteOf(MaskSource source, LesionStatistics lesion) {
    if (source.kind() == MaskSource.Kind.TRUTH && studySite != null) {
      return studySite;
    }
    if (found == null) {
      found = lungs.get();
    }
    return found.map(l -> Site.of(BodyRegion.at(lesion.centroidMm()[2], l))).orElse(null);
  }

  /** The study's site from its metadata ({@code studies.metadata}, may be null), or null. */
  public static Site studySite(Map<String, String> metadata) {
    if (metadata == null) {
      return null;
    }
    for (String wanted : METADATA_COLUMNS) {
      for (Map.Entry<String, String> e : metadata.entrySet()) {
        if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted) && e.getValue() != null && !e.getValue().isBlank()) {
          return Site.fromMetadata(e.getKey(), e.getValue());
        }
      }
    }
    return null;
  }
}
