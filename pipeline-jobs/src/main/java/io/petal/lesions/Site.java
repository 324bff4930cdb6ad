package io.petal.lesions;

import java.io.Serializable;

/**
 * A lesion's anatomical site and how it was found ({@code site} and {@code site_method} columns).
 *
 * @param name the site: a {@link BodyRegion} value ({@code thorax}, …) or the manifest's own text
 * @param method {@code metadata:<column>} or {@code body-region:lungs}
 */
public record Site(String name, String method) implements Serializable {
  /** Method of sites placed by {@link BodyRegion} relative to the lungs. */
  public static final String BODY_REGION_METHOD = "body-region:lungs";

  public static Site of(BodyRegion region) {
    return new Site(region.columnValue(), BODY_REGION_METHOD);
  }

  public static Site fromMetadata(String column, String value) {
    return new Site(value.trim(), "metadata:" + column);
  }
}
