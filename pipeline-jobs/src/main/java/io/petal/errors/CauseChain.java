package io.petal.errors;

/** One line for a failure a person reads: the messages of its cause chain, without repeats. */
public final class CauseChain {
  private CauseChain() {}

  /** {@code "outer: inner: root"}; a cause without a message shows its class name. */
  public static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
      if (sb.indexOf(m) < 0) {
        sb.append(sb.length() == 0 ? "" : ": ").append(m);
      }
    }
    return sb.toString();
  }
}
