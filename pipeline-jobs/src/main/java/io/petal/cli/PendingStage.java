package io.petal.cli;

/** What a subcommand whose stage is not built yet says, and its exit code. */
final class PendingStage {
  /** Exit code of a stage that is not built yet. */
  static final int EXIT_NOT_BUILT = 3;

  private PendingStage() {}

  static int report(String command, String whatItWillDo) {
    System.err.println("petal " + command + ": this stage is not built yet. When built, it will "
        + whatItWillDo + ".");
    return EXIT_NOT_BUILT;
  }
}
