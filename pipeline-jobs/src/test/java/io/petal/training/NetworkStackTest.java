package io.petal.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.petal.image.Affine;
import io.petal.image.ImageGrid;
import io.petal.models.StudyScale;
import io.petal.schema.StudyKind;
import io.petal.tables.StudyImages;
import io.petal.tables.StudyInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkStackTest {
  private static final ImageGrid GRID = new ImageGrid(16, 16, 3, Affine.axisAligned(2, 2, 2, 0, 0, 0));

  /**
   * A hand-made brain study: a 12 × 12 head of intensity 100 · (c + 1) in zero background (a
   * different gain per contrast); every channel arrives divided by its own study scale, so the head
   * reads 1.0 in all four whatever the gain, the background 0.
   */
  @Test
  void studyRelativeChannelsAreDividedByTheStudysOwnScale() {
    float[][] channels = new float[4][GRID.voxelCount()];
    for (int c = 0; c < 4; c++) {
      for (int k = 0; k < 3; k++) {
        for (int y = 2; y < 14; y++) {
          for (int x = 2; x < 14; x++) {
            channels[c][GRID.index(x, y, k)] = 100f * (c + 1);
          }
        }
      }
    }
    StudyImages study = StudyImages.of(info("brain-mri", StudyKind.BRAIN_MRI.channels()), channels, new byte[0][]);
    assertEquals(400, StudyScale.of(channels[3]), 0);
    NetworkStack stack = NetworkStack.of(study, 16, 1.0, KindChannels.of(StudyKind.BRAIN_MRI));
    assertEquals(2.0, stack.grid().spacing(0), 1e-9, "fitted to the 32 mm field of view");
    for (int c = 0; c < 4; c++) {
      assertEquals(1.0f, stack.channel(c)[GRID.index(8, 8, 1)], 1e-6f, "head, channel " + c);
      assertEquals(0f, stack.channel(c)[GRID.index(0, 0, 1)], 1e-6f, "background, channel " + c);
    }
  }

  @Test
  void anEmptyRelativeChannelIsRefusedNamingStudyAndChannel() {
    float[][] channels = new float[4][GRID.voxelCount()];
    channels[0][0] = 1;
    StudyImages study = StudyImages.of(info("brain-mri", StudyKind.BRAIN_MRI.channels()), channels, new byte[0][]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NetworkStack.of(study, 16, 1.0, KindChannels.of(StudyKind.BRAIN_MRI)));
    assertTrue(e.getMessage().contains("study s-1") && e.getMessage().contains("t1ce"), e.getMessage());
  }

  private static StudyInfo info(String kind, List<String> channels) {
    return new StudyInfo("c", "p-1", "s-1", kind, channels, channels.stream().map(n -> "a.u.").toList(), GRID, true,
        null, List.of());
  }
}
