package dev.asanaconnector.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table scripts/bench prints: one row per scenario and contender. */
final class Report {
  /** One row; {@code ratio} is the figure divided by the raw floor's figure of the same scenario. */
  record Row(String scenario, String contender, String figure, String ratio, String target, String status,
      String notes) {
  }

  private final List<Row> rows = new ArrayList<>();

  synchronized void add(Row row) {
    rows.add(row);
  }

  synchronized List<Row> rows() {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort((a, b) -> a.scenario().compareTo(b.scenario()));
    return sorted;
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| Scenario | Contender | Median | ÷ raw (times: lower is better; MiB/s: higher is better) | Target "
        + "| Status | Notes |\n");
    out.append("| --- | --- | ---: | ---: | --- | --- | --- |\n");
    for (Row row : rows()) {
      out.append("| ").append(String.join(" | ", row.scenario(), row.contender(), row.figure(), row.ratio(),
          row.target(), row.status(), row.notes())).append(" |\n");
    }
    return out.toString();
  }

  static String ms(double millis) {
    if (millis >= 100) {
      return String.format(Locale.ROOT, "%,.0f ms", millis);
    }
    return String.format(Locale.ROOT, "%.1f ms", millis);
  }

  static String ratio(double value, double floor) {
    if (!(floor > 0) || Double.isNaN(value)) {
      return "—";
    }
    return String.format(Locale.ROOT, "%.2f×", value / floor);
  }

  static String mib(double bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1 << 20));
  }

  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
