package io.petal.models;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * What a network's inputs and outputs are, for one kind of study: the ordered input channels with
 * their scaling, how the autoencoder groups them into branches, which branch is hidden above a
 * threshold (and whose residual is the anomaly map), which channel tells the body, and the output
 * regions of the segmentation derived from label values. Recorded in the model configurations
 * (and so in the model zip and card); the kinds' layouts are built by the pipeline
 * ({@code io.petal.training.KindChannels}), {@link #petCt()} is the default.
 *
 * <p><b>Arrays.</b> A model's callers pass one array per input channel, in {@link #inputs()}
 * order, each [batch, slices, size, size] in the channel's stack units ({@link ChannelScaling}).
 * Segmentation labels and probabilities are [batch, regions, size, size], regions in
 * {@link #regions()} order.
 *
 * @param kind the study kind the layout is for ({@code pet-ct}, {@code brain-mri}, …)
 * @param inputs the input channels, in tensor order
 * @param groups the autoencoder's branches: channel names per branch, every input in exactly one
 * @param maskedGroup index of the branch whose voxels above the threshold are hidden at scoring and
 *     whose positive residual is the anomaly map (its channels share one scaling, SUV or
 *     study-relative)
 * @param bodyChannel the channel that tells the body ({@link BodyRule})
 * @param defaultRelativeThreshold for a study-relative masked branch: the default threshold, in
 *     multiples of the study's robust scale, above which its voxels are hidden; 0 for an SUV branch
 *     (whose threshold comes from the scoring settings)
 * @param anomalyScale the anomaly value (masked unit) that maps to prior input 1.0 in the U-Net
 * @param anomalyClip anomaly values above this are clipped in the prior (masked unit)
 * @param regions the segmentation's outputs
 * @param planar whether the studies are planar views: each view a 2D sample, no neighbours
 * @param fitFieldOfView whether the network grid's pixel is fitted so that the whole field of view
 *     fits ({@link #networkPixelMm}); otherwise the configured pixel, centred (PET/CT)
 */
public record ModelChannels(String kind, List<InputChannel> inputs, List<List<String>> groups, int maskedGroup,
    String bodyChannel, double defaultRelativeThreshold, double anomalyScale, double anomalyClip,
    List<OutputRegion> regions, boolean planar, boolean fitFieldOfView) implements Serializable {

  /** One input channel: its name (as in {@code studies.channels}) and scaling. */
  public record InputChannel(String name, ChannelScaling scaling) implements Serializable {}

  public ModelChannels {
    inputs = List.copyOf(inputs);
    groups = groups.stream().map(List::copyOf).toList();
    regions = List.copyOf(regions);
    List<String> names = inputs.stream().map(InputChannel::name).toList();
    require(!inputs.isEmpty() && new HashSet<>(names).size() == names.size(), "input channels must be distinct and "
        + "at least one, got " + names);
    List<String> grouped = groups.stream().flatMap(List::stream).toList();
    require(grouped.size() == names.size() && new HashSet<>(grouped).equals(new HashSet<>(names))
        && groups.stream().noneMatch(List::isEmpty), "groups " + groups + " must hold every channel of " + names
        + " exactly once");
    require(maskedGroup >= 0 && maskedGroup < groups.size(), "masked group " + maskedGroup + " is not a group of "
        + groups);
    Set<ChannelScaling> masked = new HashSet<>();
    for (String n : groups.get(maskedGroup)) {
      masked.add(inputs.get(names.indexOf(n)).scaling());
    }
    require(masked.size() == 1 && !masked.contains(ChannelScaling.HU), "the masked group " + groups.get(maskedGroup)
        + " must be all SUV or all study-relative, got " + masked);
    require(names.contains(bodyChannel), "body channel " + bodyChannel + " is not an input of " + names);
    require(masked.contains(ChannelScaling.SUV) ? defaultRelativeThreshold == 0 : defaultRelativeThreshold > 0,
        "the default relative threshold must be > 0 for a study-relative masked group and 0 for SUV, got "
            + defaultRelativeThreshold);
    require(anomalyScale > 0 && anomalyClip > 0 && Double.isFinite(anomalyScale + anomalyClip),
        "anomaly scale and clip must be positive, got " + anomalyScale + " and " + anomalyClip);
    require(!regions.isEmpty() && regions.stream().map(OutputRegion::name).distinct().count() == regions.size(),
        "regions must be distinct and at least one, got " + regions);
    require(inputs.get(names.indexOf(bodyChannel)).scaling() != ChannelScaling.SUV, "the body cannot be told from "
        + bodyChannel + " in SUV: use a CT or a study-relative channel");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("model channels: " + message);
    }
  }

  /**
   * Whole-body PET/CT: PET in SUV and CT in HU, one branch each ({@code pet}, {@code ct}), PET
   * hidden above the SUV threshold, body from CT, one output region {@code lesion} (label > 0);
   * anomaly SUV 2.5 → prior 1, clipped at SUV 10; the configured pixel, centred.
   */
  public static ModelChannels petCt() {
    return new ModelChannels("pet-ct",
        List.of(new InputChannel("PET", ChannelScaling.SUV), new InputChannel("CT", ChannelScaling.HU)),
        List.of(List.of("PET"), List.of("CT")), 0, "CT", 0, 2.5, 10, List.of(OutputRegion.anyLabel("lesion")), false,
        false);
  }

  /** Number of input channels C. */
  public int count() {
    return inputs.size();
  }

  /** The input channels' names, in tensor order. */
  public List<String> names() {
    return inputs.stream().map(InputChannel::name).toList();
  }

  /** Index of the named input channel, or -1. */
  public int indexOf(String name) {
    return names().indexOf(name);
  }

  /** Scaling of input channel {@code c}. */
  public ChannelScaling scaling(int c) {
    return inputs.get(c).scaling();
  }

  /** Channel indices of branch {@code g}, in the group's order. */
  public int[] group(int g) {
    return groups.get(g).stream().mapToInt(this::indexOf).toArray();
  }

  /** The branch's name in layer names: its channels' names, lower case, joined by '_' ({@code pet}, {@code t2_flair}). */
  public String branchName(int g) {
    return String.join("_", groups.get(g)).toLowerCase(Locale.ROOT);
  }

  /** The scaling of the masked group's channels. */
  public ChannelScaling maskedScaling() {
    return scaling(group(maskedGroup)[0]);
  }

  /** The body test of this layout's stacks. */
  public BodyRule bodyRule(InputNormalisation normalisation) {
    int c = indexOf(bodyChannel);
    return new BodyRule(c, scaling(c), normalisation);
  }

  /** The region names, in output order. */
  public List<String> regionNames() {
    return regions.stream().map(OutputRegion::name).toList();
  }

  /**
   * The in-plane pixel spacing (mm) of the network grid for a study whose slices (or views) span
   * {@code widthMm} × {@code heightMm}: {@code configuredMm} unless {@link #fitFieldOfView()}, then
   * the larger side divided by {@code size}, so that the whole field of view fits (a whole-body
   * view is never cropped to its centre).
   */
  public double networkPixelMm(double configuredMm, int size, double widthMm, double heightMm) {
    return fitFieldOfView ? Math.max(widthMm, heightMm) / size : configuredMm;
  }

  /**
   * Writes the regions' 0/1 targets of {@code count} voxels of label values (0..255, as floats)
   * read from {@code labels[from ..]}: region r's plane goes to {@code out[outOffset + r·count ..]}.
   */
  public void regionTargets(float[] labels, int from, int count, float[] out, int outOffset) {
    for (int r = 0; r < regions.size(); r++) {
      OutputRegion region = regions.get(r);
      int base = outOffset + r * count;
      for (int v = 0; v < count; v++) {
        out[base + v] = region.contains((int) labels[from + v]) ? 1f : 0f;
      }
    }
  }

  /**
   * The label map rebuilt from region probabilities: regions at or above {@code threshold} paint
   * their {@link OutputRegion#paintValue()} in {@link #regions()} order, so a later (inner) region
   * overwrites an earlier (outer) one; 0 where no region is predicted. Deriving the regions from
   * the painted values gives nested regions (e.g. BraTS: enhancing ⊂ core ⊂ whole tumour).
   *
   * @param probabilities [regions, count] probabilities of one slice, from {@code offset}
   * @return [count] label values (0..255)
   */
  public byte[] paint(float[] probabilities, int offset, int count, float threshold) {
    byte[] out = new byte[count];
    for (int r = 0; r < regions.size(); r++) {
      byte value = (byte) regions.get(r).paintValue();
      int base = offset + r * count;
      for (int v = 0; v < count; v++) {
        if (probabilities[base + v] >= threshold) {
          out[v] = value;
        }
      }
    }
    return out;
  }

  /** Every component as properties {@code prefix + key}. */
  public void writeTo(Properties p, String prefix) {
    p.setProperty(prefix + "kind", kind);
    p.setProperty(prefix + "names", String.join(",", names()));
    p.setProperty(prefix + "scalings", String.join(",", inputs.stream().map(c -> c.scaling().name()).toList()));
    p.setProperty(prefix + "groups", String.join("|", groups.stream().map(g -> String.join(",", g)).toList()));
    p.setProperty(prefix + "maskedGroup", Integer.toString(maskedGroup));
    p.setProperty(prefix + "bodyChannel", bodyChannel);
    p.setProperty(prefix + "defaultRelativeThreshold", Double.toString(defaultRelativeThreshold));
    p.setProperty(prefix + "anomalyScale", Double.toString(anomalyScale));
    p.setProperty(prefix + "anomalyClip", Double.toString(anomalyClip));
    p.setProperty(prefix + "regions", String.join(",", regionNames()));
    for (OutputRegion r : regions) {
      p.setProperty(prefix + "region." + r.name() + ".values", r.valuesText());
      p.setProperty(prefix + "region." + r.name() + ".paint", Integer.toString(r.paintValue()));
    }
    p.setProperty(prefix + "planar", Boolean.toString(planar));
    p.setProperty(prefix + "fitFieldOfView", Boolean.toString(fitFieldOfView));
  }

  /** The inverse of {@link #writeTo}; fails naming the missing or malformed key. */
  public static ModelChannels readFrom(Properties p, String prefix) {
    String[] names = ConfigProperties.get(p, prefix + "names").split(",");
    String[] scalings = ConfigProperties.get(p, prefix + "scalings").split(",");
    if (names.length != scalings.length) {
      throw new IllegalArgumentException("model configuration keys '" + prefix + "names' and '" + prefix
          + "scalings' differ in length");
    }
    List<InputChannel> inputs = new ArrayList<>();
    for (int c = 0; c < names.length; c++) {
      try {
        inputs.add(new InputChannel(names[c].strip(), ChannelScaling.valueOf(scalings[c].strip())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("model configuration key '" + prefix + "scalings' holds an unknown scaling '"
            + scalings[c] + "'", e);
      }
    }
    List<List<String>> groups = new ArrayList<>();
    for (String g : ConfigProperties.get(p, prefix + "groups").split("\\|")) {
      groups.add(List.of(g.strip().split("\\s*,\\s*")));
    }
    List<OutputRegion> regions = new ArrayList<>();
    for (String r : ConfigProperties.get(p, prefix + "regions").split(",")) {
      String name = r.strip();
      regions.add(new OutputRegion(name, OutputRegion.parseValues(ConfigProperties.get(p, prefix + "region." + name
          + ".values")), ConfigProperties.getInt(p, prefix + "region." + name + ".paint")));
    }
    return new ModelChannels(ConfigProperties.get(p, prefix + "kind"), inputs, groups,
        ConfigProperties.getInt(p, prefix + "maskedGroup"), ConfigProperties.get(p, prefix + "bodyChannel"),
        ConfigProperties.getDouble(p, prefix + "defaultRelativeThreshold"),
        ConfigProperties.getDouble(p, prefix + "anomalyScale"), ConfigProperties.getDouble(p, prefix + "anomalyClip"),
        regions, ConfigProperties.getBoolean(p, prefix + "planar"),
        ConfigProperties.getBoolean(p, prefix + "fitFieldOfView"));
  }
}
