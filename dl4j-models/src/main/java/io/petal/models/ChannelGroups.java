package io.petal.models;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A partition of a study's channels into named groups, e.g. brain MRI {@code [t1, t1ce]} and
 * {@code [t2, flair]}, or PET/CT {@code [PET]} and {@code [CT]}: the branches of a fusion network,
 * or the source and target of a translation.
 *
 * <p>Text form: channels separated by {@code ,}, groups by {@code ;} (e.g. {@code t1,t1ce;t2,flair});
 * the empty text is no groups. A group's name is its channels joined by {@code +}.
 *
 * @param groups the groups in order, each a non-empty list of distinct channel names; no channel
 *     in two groups
 */
public record ChannelGroups(List<List<String>> groups) {
  /** No groups (a network over all channels at once). */
  public static final ChannelGroups NONE = new ChannelGroups(List.of());

  public ChannelGroups {
    List<List<String>> copy = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (List<String> group : groups) {
      if (group.isEmpty()) {
        throw new IllegalArgumentException("channel groups " + groups + ": a group is empty");
      }
      for (String channel : group) {
        if (channel.isBlank() || channel.contains(",") || channel.contains(";") || channel.contains("+")) {
          throw new IllegalArgumentException("channel groups " + groups + ": bad channel name '" + channel + "'");
        }
        if (!seen.add(channel)) {
          throw new IllegalArgumentException("channel groups " + groups + ": channel " + channel + " is listed twice");
        }
      }
      copy.add(List.copyOf(group));
    }
    groups = List.copyOf(copy);
  }

  /** Parses the text form ({@code t1,t1ce;t2,flair}); blanks around names are ignored. */
  public static ChannelGroups parse(String text) {
    List<List<String>> groups = new ArrayList<>();
    if (!text.isBlank()) {
      for (String group : text.split(";", -1)) {
        groups.add(parseChannels(group));
      }
    }
    return new ChannelGroups(groups);
  }

  /** One group's text form ({@code t1,t1ce}) as channel names; fails on an empty list. */
  public static List<String> parseChannels(String text) {
    List<String> channels = new ArrayList<>();
    for (String name : text.split(",", -1)) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("channel list '" + text + "' has an empty name");
      }
      channels.add(name.trim());
    }
    return List.copyOf(channels);
  }

  /** The text form, inverse of {@link #parse}. */
  public String format() {
    List<String> parts = new ArrayList<>();
    for (List<String> group : groups) {
      parts.add(String.join(",", group));
    }
    return String.join(";", parts);
  }

  /** Whether there are no groups. */
  public boolean isEmpty() {
    return groups.isEmpty();
  }

  /** A group's name: its channels joined by {@code +}, e.g. {@code t1+t1ce}. */
  public static String name(List<String> group) {
    return String.join("+", group);
  }

  /**
   * Checks that the groups cover {@code channels} exactly (every channel in one group, no unknown
   * name); fails naming the first channel that is missing or unknown.
   */
  public void requireCover(List<String> channels) {
    Set<String> grouped = new HashSet<>();
    groups.forEach(grouped::addAll);
    for (String c : grouped) {
      if (!channels.contains(c)) {
        throw new IllegalArgumentException("channel group member " + c + " is not a channel of the study (channels: "
            + channels + ")");
      }
    }
    for (String c : channels) {
      if (!grouped.contains(c)) {
        throw new IllegalArgumentException("channel " + c + " is in no group of " + format());
      }
    }
  }

  @Override
  public String toString() {
    return format();
  }
}
