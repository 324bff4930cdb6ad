package io.petal.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code petal --version}: the build's version from the jar manifest. */
final class PetalVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = PetalVersion.class.getPackage().getImplementationVersion();
    return new String[] {"petal " + (v == null ? "(development build)" : v)};
  }
}
