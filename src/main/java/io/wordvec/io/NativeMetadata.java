package io.wordvec.io;

import io.wordvec.train.CorpusStats;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingInfo;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata section of a native model file: string entries {@code createdAt}, {@code config.*},
 * {@code corpus.*} and {@code evaluation.*}. Settings and corpus statistics are stored by record
 * component name, so a file stays readable when {@link TrainingConfig} gains a component: a missing
 * one takes its {@link TrainingConfig#defaults()} value.
 */
final class NativeMetadata {

  /**
   * What a corpus statistic missing from a file reads as: files written before a statistic existed
   * (truncatedTokens) did not count it.
   */
  private static final CorpusStats CORPUS_DEFAULTS = new CorpusStats("unknown", 0, 0, 0, 0, 0);

  private NativeMetadata() {}

  /** The section for a trained model's provenance, or an empty one ({@code info} null). */
  static byte[] encode(TrainingInfo info) {
    Map<String, String> meta = new LinkedHashMap<>();
    if (info != null) {
      meta.put("createdAt", info.createdAt().toString());
      putComponents(meta, "config.", info.config());
      if (info.corpus() != null) {
        putComponents(meta, "corpus.", info.corpus());
      }
      info.evaluation().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> meta.put("evaluation." + e.getKey(), Double.toString(e.getValue())));
    }
    return encodeEntries(meta);
  }

  private static void putComponents(Map<String, String> meta, String prefix, Record record) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      try {
        Object value = c.getAccessor().invoke(record);
        if (value != null) {
          meta.put(prefix + c.getName(), value.toString());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + prefix + c.getName(), e);
      }
    }
  }

  private static byte[] encodeEntries(Map<String, String> meta) {
    int size = 4;
    byte[][] parts = new byte[meta.size() * 2][];
    int i = 0;
    for (Map.Entry<String, String> e : meta.entrySet()) {
      parts[i++] = e.getKey().getBytes(StandardCharsets.UTF_8);
      parts[i++] = e.getValue().getBytes(StandardCharsets.UTF_8);
    }
    for (byte[] p : parts) {
      size += 4 + p.length;
    }
    ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(meta.size());
    for (byte[] p : parts) {
      buf.putInt(p.length).put(p);
    }
    return buf.array();
  }

  static Map<String, String> decode(Path file, byte[] raw) throws InvalidModelFileException {
    ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    Map<String, String> meta = new LinkedHashMap<>();
    try {
      int entries = buf.getInt();
      for (int i = 0; i < entries; i++) {
        String key = readString(buf);
        meta.put(key, readString(buf));
      }
    } catch (RuntimeException e) {
      throw new InvalidModelFileException(file, "corrupt metadata section", e);
    }
    return meta;
  }

  private static String readString(ByteBuffer buf) {
    int len = buf.getInt();
    byte[] bytes = new byte[len];
    buf.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static TrainingInfo toInfo(Path file, Map<String, String> meta) throws InvalidModelFileException {
    TrainingConfig config =
        readRecord(file, meta, "config.", TrainingConfig.class, TrainingConfig.defaults());
    CorpusStats corpus =
        meta.keySet().stream().anyMatch(k -> k.startsWith("corpus."))
            ? readRecord(file, meta, "corpus.", CorpusStats.class, CORPUS_DEFAULTS)
            : null;
    Instant createdAt;
    try {
      createdAt = Instant.parse(meta.getOrDefault("createdAt", ""));
    } catch (DateTimeParseException e) {
      throw new InvalidModelFileException(
          file, "bad or missing createdAt '" + meta.get("createdAt") + "'", e);
    }
    Map<String, Double> evaluation = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : meta.entrySet()) {
      if (e.getKey().startsWith("evaluation.")) {
        try {
          evaluation.put(
              e.getKey().substring("evaluation.".length()), Double.parseDouble(e.getValue()));
        } catch (NumberFormatException ex) {
          throw new InvalidModelFileException(
              file, "evaluation score " + e.getKey() + " is not a number: '" + e.getValue() + "'");
        }
      }
    }
    return new TrainingInfo(config, corpus, createdAt, evaluation);
  }

  /**
   * Rebuilds a record from {@code prefix + component name} entries; a missing component takes its
   * value in {@code defaults} (or fails when there are none).
   */
  private static <R extends Record> R readRecord(
      Path file, Map<String, String> meta, String prefix, Class<R> type, R defaults)
      throws InvalidModelFileException {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      String raw = meta.get(prefix + c.getName());
      try {
        if (raw == null) {
          if (defaults == null) {
            throw new InvalidModelFileException(file, "missing " + prefix + c.getName());
          }
          values[i] = c.getAccessor().invoke(defaults);
        } else {
          values[i] = parse(c.getType(), raw);
        }
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new InvalidModelFileException(
            file, "bad value '" + raw + "' for " + prefix + c.getName(), e);
      }
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new InvalidModelFileException(
          file, "invalid " + prefix + "* values: " + cause.getMessage(), cause);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object parse(Class<?> type, String raw) {
    if (type == int.class || type == Integer.class) {
      return Integer.parseInt(raw);
    } else if (type == long.class || type == Long.class) {
      return Long.parseLong(raw);
    } else if (type == double.class || type == Double.class) {
      return Double.parseDouble(raw);
    } else if (type == float.class || type == Float.class) {
      return Float.parseFloat(raw);
    } else if (type == boolean.class || type == Boolean.class) {
      return Boolean.parseBoolean(raw);
    } else if (type == String.class) {
      return raw;
    } else if (type.isEnum()) {
      return Enum.valueOf((Class<? extends Enum>) type, raw);
    }
    throw new IllegalArgumentException("unsupported component type " + type.getName());
  }
}
