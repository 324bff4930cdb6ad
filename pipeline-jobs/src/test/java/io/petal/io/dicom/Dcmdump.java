package io.petal.io.dicom;

import io.petal.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs dcmtk's {@code dcmdump +L -Un} (long values in full, UIDs as numbers) and parses its
 * indented listing into a tree: file meta elements, dataset elements, and for each sequence its
 * items. Lines look like {@code (0028,1053) DS [0.0000735]   #  16, 1 RescaleSlope}.
 */
final class Dcmdump {
  private static final Pattern LINE =
      Pattern.compile("^( *)\\(([0-9a-f]{4}),([0-9a-f]{4})\\) (\\S\\S) (.*?) +# +(u/l|\\d+), *(\\d+) (.+)$");

  /** One printed element: tag, VR, the printed value, the stated length, and sequence items. */
  record Element(int tag, String vr, String value, long length, List<List<Element>> items) {
    /** The value without dcmdump's brackets; "" for "(no value available)". */
    String text() {
      if (value.startsWith("[") && value.endsWith("]")) {
        return value.substring(1, value.length() - 1);
      }
      return value.equals("(no value available)") ? "" : value;
    }

    boolean isSequence() {
      return vr.equals("SQ");
    }
  }

  /** The parsed dump of one file. */
  record Dump(List<Element> meta, List<Element> dataset) {}

  private record Line(int indent, Element element) {}

  private Dcmdump() {}

  /** Dumps {@code file}; skips (or fails under CI) when dcmdump is not installed. */
  static Dump dump(Path file) throws IOException, InterruptedException {
    SharedData.requireTool("dcmdump");
    Process p = new ProcessBuilder("dcmdump", "+L", "-Un", file.toString())
        .redirectErrorStream(true).start();
    // Text values are printed in the file's own bytes; ISO-8859-1 keeps every byte as one char.
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("dcmdump failed on " + file + ":\n" + out);
    }
    return parse(out, file.toString());
  }

  static Dump parse(String output, String what) {
    List<Line> meta = new ArrayList<>();
    List<Line> dataset = new ArrayList<>();
    List<Line> current = dataset;
    for (String raw : output.split("\n")) {
      String line = raw.stripTrailing();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        if (line.startsWith("# Dicom-Meta-Information-Header")) {
          current = meta;
        } else if (line.startsWith("# Dicom-Data-Set")) {
          current = dataset;
        }
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalStateException("unparsed dcmdump line for " + what + ": "
            + line.substring(0, Math.min(200, line.length())));
      }
      int tag = Integer.parseUnsignedInt(m.group(2) + m.group(3), 16);
      if (tag == DicomTags.ITEM_DELIMITATION || tag == DicomTags.SEQUENCE_DELIMITATION) {
        continue;
      }
      long length = m.group(6).equals("u/l") ? -1 : Long.parseLong(m.group(6));
      current.add(new Line(m.group(1).length(),
          new Element(tag, m.group(4), m.group(5), length, new ArrayList<>())));
    }
    return new Dump(tree(meta, new int[] {0}, 0), tree(dataset, new int[] {0}, 0));
  }

  /** Elements at {@code indent} from {@code at[0]} on; items are 2 deeper, their content 4. */
  private static List<Element> tree(List<Line> lines, int[] at, int indent) {
    List<Element> out = new ArrayList<>();
    while (at[0] < lines.size() && lines.get(at[0]).indent() == indent) {
      Element e = lines.get(at[0]++).element();
      if (e.tag() == DicomTags.ITEM) {
        throw new IllegalStateException("item outside a sequence at line " + at[0]);
      }
      while (at[0] < lines.size() && lines.get(at[0]).indent() == indent + 2
          && lines.get(at[0]).element().tag() == DicomTags.ITEM) {
        at[0]++;
        e.items().add(tree(lines, at, indent + 4));
      }
      out.add(e);
    }
    return out;
  }
}
