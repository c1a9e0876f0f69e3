package io.wordvec.cli;

import io.wordvec.vectors.AnalogyMethod;
import java.util.Locale;

/** Option parsing shared by the commands. */
final class CliSupport {

  private CliSupport() {}

  /** {@code cosadd} or {@code cosmul}, in any case. */
  static AnalogyMethod method(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "cosadd", "3cosadd" -> AnalogyMethod.COSADD;
      case "cosmul", "3cosmul" -> AnalogyMethod.COSMUL;
      default ->
          throw new IllegalArgumentException("unknown method '" + name + "': use cosadd or cosmul");
    };
  }

  /** A JSON string literal. */
  static String json(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** A JSON number, or null for NaN and infinities (JSON has no such numbers). */
  static String json(double d) {
    return Double.isFinite(d) ? Double.toString(d) : "null";
  }
}
