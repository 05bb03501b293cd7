package dev.asanaconnector.sandbox;

/**
 * Asana's rich text on input: {@code html_notes} and {@code html_text} must be one {@code <body>}
 * element; the plain {@code notes} / {@code text} are the same text with the tags stripped and the
 * entities decoded.
 */
final class HtmlText {
  private HtmlText() {}

  /** Checks the value is wrapped in {@code <body>...</body>} (400 naming the field otherwise) and returns it. */
  static String check(String field, String html) {
    String t = html.strip();
    if (!t.startsWith("<body>") || !t.endsWith("</body>")) {
      throw ApiError.badRequest(field + ": XML is invalid: the value must be wrapped in <body> and </body>");
    }
    return t;
  }

  /** The text of an HTML fragment: tags dropped ({@code <br>} and block ends as new lines), entities decoded. */
  static String plain(String html) {
    StringBuilder out = new StringBuilder(html.length());
    int i = 0;
    int n = html.length();
    while (i < n) {
      char c = html.charAt(i);
      if (c == '<') {
        int end = html.indexOf('>', i);
        if (end < 0) {
          break;
        }
        String tag = html.substring(i + 1, end).trim().toLowerCase(java.util.Locale.ROOT);
        if (tag.startsWith("br") || tag.equals("/li") || tag.equals("/p") || tag.equals("/h1") || tag.equals("/h2")) {
          out.append('\n');
        }
        i = end + 1;
      } else if (c == '&') {
        int end = html.indexOf(';', i);
        String entity = end < 0 ? "" : html.substring(i + 1, end);
        String decoded = switch (entity) {
          case "lt" -> "<";
          case "gt" -> ">";
          case "amp" -> "&";
          case "quot" -> "\"";
          case "apos", "#39" -> "'";
          default -> null;
        };
        if (decoded == null) {
          out.append(c);
          i++;
        } else {
          out.append(decoded);
          i = end + 1;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString().strip();
  }
}
