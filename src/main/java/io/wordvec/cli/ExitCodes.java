package io.wordvec.cli;

/** Exit codes of the command line. */
public final class ExitCodes {

  /** The command did what was asked. */
  public static final int OK = 0;

  /** The command failed while running (I/O error, corrupt file, training error). */
  public static final int FAILED = 1;

  /** The arguments were wrong (picocli's own code for usage errors). */
  public static final int USAGE = 2;

  /** The run was cancelled (e.g. Ctrl-C during training); nothing was written. */
  public static final int CANCELLED = 130;

  private ExitCodes() {}
}
