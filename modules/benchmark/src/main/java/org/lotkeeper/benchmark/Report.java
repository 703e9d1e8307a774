package org.lotkeeper.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the figures of one run and writes them as CSV files: the measurements, the targets
 * with their ratios, and the environment the run had.
 */
final class Report {

    /** One measured workload on one system. */
    record Measurement(String workload, String system, int operations, int errors, int conflicts, int deadlocks,
                       double wallSeconds, double throughput, double p50Millis, double p99Millis) {
    }

    /** A target: the measured ratio, its limit and whether the limit is met. */
    record Target(String name, double ratio, String limit, boolean met, String basis) {
    }

    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    Measurement add(String workload, String system, Latencies latencies) {
        return add(workload, system, latencies, 0, 0, 0);
    }

    Measurement add(String workload, String system, Latencies latencies, int errors, int conflicts, int deadlocks) {
        Measurement measurement = new Measurement(workload, system, latencies.count(), errors, conflicts, deadlocks,
                latencies.wallSeconds(), latencies.throughput(), latencies.percentileMillis(0.50),
                latencies.percentileMillis(0.99));
        measurements.add(measurement);
        System.out.printf(Locale.ROOT, "%-34s %-22s n=%-6d errors=%-4d %9.1f/s  p50 %9.3f ms  p99 %9.3f ms%n",
                workload, system, measurement.operations(), errors, measurement.throughput(), measurement.p50Millis(),
                measurement.p99Millis());
        return measurement;
    }

    /** Records a single value, such as a start-up time, as a measurement of one operation. */
    void addValue(String workload, String system, double seconds) {
        measurements.add(new Measurement(workload, system, 1, 0, 0, 0, seconds, Double.NaN, seconds * 1000,
                seconds * 1000));
        System.out.printf(Locale.ROOT, "%-34s %-22s %.3f%n", workload, system, seconds);
    }

    void target(String name, double ratio, double limit, boolean atLeast, String basis) {
        boolean met = atLeast ? ratio >= limit : ratio <= limit;
        String limitText = (atLeast ? ">= " : "<= ") + format(limit);
        targets.add(new Target(name, ratio, limitText, met, basis));
        System.out.printf(Locale.ROOT, "TARGET %-44s %8s %-8s %s (%s)%n", name, format(ratio), limitText,
                met ? "met" : "MISSED", basis);
    }

    /** Records a ratio that has no target, for information. */
    void ratio(String name, double ratio, String basis) {
        targets.add(new Target(name, ratio, "none", true, basis));
        System.out.printf(Locale.ROOT, "RATIO  %-44s %8s (%s)%n", name, format(ratio), basis);
    }

    List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    void environment(String key, String value) {
        environment.put(key, value);
    }

    void write(Path directory, String prefix) throws IOException {
        Files.createDirectories(directory);
        List<String> rows = new ArrayList<>();
        rows.add("workload,system,operations,errors,conflicts,deadlocks,wall_s,throughput_per_s,p50_ms,p99_ms");
        for (Measurement m : measurements) {
            rows.add(String.join(",", csv(m.workload()), csv(m.system()), Integer.toString(m.operations()),
                    Integer.toString(m.errors()), Integer.toString(m.conflicts()), Integer.toString(m.deadlocks()),
                    format(m.wallSeconds()), format(m.throughput()), format(m.p50Millis()), format(m.p99Millis())));
        }
        Files.write(directory.resolve(prefix + "-measurements.csv"), rows);

        rows.clear();
        rows.add("target,ratio,limit,met,basis");
        for (Target t : targets) {
            String met = t.limit().equals("none") ? "" : Boolean.toString(t.met());
            rows.add(String.join(",", csv(t.name()), format(t.ratio()), csv(t.limit()), met,
                    csv(t.basis())));
        }
        Files.write(directory.resolve(prefix + "-targets.csv"), rows);

        rows.clear();
        rows.add("key,value");
        environment.forEach((key, value) -> rows.add(csv(key) + "," + csv(value)));
        Files.write(directory.resolve(prefix + "-environment.csv"), rows);
        System.out.println("Results written to " + directory.resolve(prefix + "-*.csv"));
    }

    /**
     * Writes {@code LABEL-comparison.csv}: one row per workload and system measured on the first
     * database, with its throughput, p50, p99 and errors on every database side by side. A
     * single value such as a start-up time or a memory size goes to the {@code value} column.
     */
    static void writeComparison(Path directory, String label, Map<String, Report> byDatabase) throws IOException {
        List<String> header = new ArrayList<>(List.of("workload", "system"));
        for (String database : byDatabase.keySet()) {
            for (String column : List.of("throughput_per_s", "p50_ms", "p99_ms", "errors", "value")) {
                header.add(database + "_" + column);
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add(String.join(",", header));
        Report first = byDatabase.values().iterator().next();
        for (Measurement row : first.measurements) {
            List<String> cells = new ArrayList<>(List.of(csv(row.workload()), csv(row.system())));
            for (Report report : byDatabase.values()) {
                Measurement same = report.measurements.stream()
                        .filter(m -> m.workload().equals(row.workload()) && m.system().equals(row.system()))
                        .findFirst().orElse(null);
                if (same == null) {
                    cells.addAll(List.of("", "", "", "", ""));
                } else if (Double.isNaN(same.throughput())) {
                    // Recorded with addValue, which keeps the value in wallSeconds.
                    cells.addAll(List.of("", "", "", Integer.toString(same.errors()), format(same.wallSeconds())));
                } else {
                    cells.addAll(List.of(format(same.throughput()), format(same.p50Millis()), format(same.p99Millis()),
                            Integer.toString(same.errors()), ""));
                }
            }
            rows.add(String.join(",", cells));
        }
        Path file = directory.resolve(label + "-comparison.csv");
        Files.write(file, rows);
        System.out.println("Comparison written to " + file);
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.4f", value);
    }

    private static String csv(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
