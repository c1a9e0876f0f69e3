package io.wordvec.vectors.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Chooses the kernels once per JVM: the incubating Vector API ({@link PanamaVectorOps}) when the
 * JVM was started with that module added, otherwise plain Java ({@link ScalarVectorOps}). The
 * system property {@code wordvec.simd.disabled=true} forces the plain ones. The choice is logged
 * once.
 *
 * <p>{@link PanamaVectorOps} is loaded reflectively, and only once the module is known to be
 * present, so the engine still runs (and this class still loads) when it is absent.
 */
public final class VectorOpsProvider {

  /** The JDK module the SIMD kernels need (the JVM must be started with it added). */
  public static final String SIMD_MODULE = PanamaVectorOps.MODULE;

  private static final Logger LOG = System.getLogger(VectorOpsProvider.class.getName());
  private static final VectorOps SCALAR = new ScalarVectorOps();
  private static final VectorOps ACTIVE = chooseImplementation();

  private VectorOpsProvider() {}

  private static VectorOps chooseImplementation() {
    if (Boolean.getBoolean("wordvec.simd.disabled")) {
      LOG.log(Level.INFO, "Vector math: scalar (SIMD disabled by wordvec.simd.disabled)");
      return SCALAR;
    }
    // MODULE is a compile-time constant: reading it does not load PanamaVectorOps.
    if (ModuleLayer.boot().findModule(PanamaVectorOps.MODULE).isEmpty()) {
      LOG.log(
          Level.WARNING,
          "Vector math: scalar. Start the JVM with --add-modules "
              + PanamaVectorOps.MODULE
              + " for SIMD.");
      return SCALAR;
    }
    try {
      VectorOps ops =
          (VectorOps)
              Class.forName(VectorOpsProvider.class.getPackageName() + ".PanamaVectorOps")
                  .getDeclaredConstructor()
                  .newInstance();
      LOG.log(Level.INFO, "Vector math: " + ops.name() + " (" + PanamaVectorOps.MODULE + ")");
      return ops;
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.log(Level.WARNING, "Vector math: scalar (Vector API unusable: " + e + ")");
      return SCALAR;
    }
  }

  /** The kernels in use: SIMD when available, else {@link #scalar()}. */
  public static VectorOps active() {
    return ACTIVE;
  }

  /** The plain-Java kernels, the fallback; tests compare the two. */
  public static VectorOps scalar() {
    return SCALAR;
  }
}
