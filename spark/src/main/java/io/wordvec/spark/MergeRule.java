package io.wordvec.spark;

import java.util.Locale;

/**
 * How the driver merges the K partitions' changes to a row at every sync ({@code --merge}). With
 * one partition both rules apply its changes as they are.
 */
public enum MergeRule {

  /**
   * The adaptive sum ({@link AdaptiveSum}): changes that point different ways add up, changes that
   * repeat one another count once. The default.
   */
  ADASUM("adasum"),

  /**
   * The mean of the changes weighted by each partition's update count ({@link WeightedAverage}):
   * stable, but frequent rows train at about alpha / K.
   */
  MEAN("mean");

  /** The ids as a message lists them. */
  public static final String ID_LIST = "adasum or mean";

  /** The rule of a run that does not say. */
  public static final MergeRule DEFAULT = ADASUM;

  private final String id;

  MergeRule(String id) {
    this.id = id;
  }

  /** The name used in options and requests: {@code adasum}, {@code mean}. */
  public String id() {
    return id;
  }

  /**
   * The rule named {@code id}, in any case.
   *
   * @throws IllegalArgumentException for an unknown id, naming the known ones
   */
  public static MergeRule of(String id) {
    String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    for (MergeRule rule : values()) {
      if (rule.id.equals(wanted)) {
        return rule;
      }
    }
    throw new IllegalArgumentException("--merge must be " + ID_LIST + ", was '" + id + "'");
  }

  /**
   * A merge of this rule over slices of at most {@code sliceRows} rows of {@code dim} floats, with
   * the default output gain ({@link AdaptiveSum#DEFAULT_OUTPUT_GAIN}).
   */
  RowMerge newMerge(int sliceRows, int dim) {
    return newMerge(sliceRows, dim, AdaptiveSum.DEFAULT_OUTPUT_GAIN);
  }

  /**
   * A merge of this rule over slices of at most {@code sliceRows} rows of {@code dim} floats;
   * {@code outputGain} applies to {@link #ADASUM} ({@link AdaptiveSum}).
   */
  RowMerge newMerge(int sliceRows, int dim, float outputGain) {
    return switch (this) {
      case ADASUM -> new AdaptiveSum(sliceRows, dim, outputGain);
      case MEAN -> new WeightedAverage(sliceRows, dim);
    };
  }
}
