package org.lotkeeper.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path directory;

    @Test
    void comparisonPutsDatabasesSideBySide() throws IOException {
        Report derby = new Report();
        derby.add("1 one poster", "jdbc", latencies(2_000_000, 4_000_000));
        derby.add("3 only on derby", "jdbc", latencies(1_000_000));
        derby.addValue("6 resident memory MiB", "lotkeeper", 512);
        Report postgres = new Report();
        postgres.add("1 one poster", "jdbc", latencies(3_000_000));
        postgres.addValue("6 resident memory MiB", "lotkeeper", 500.5);
        Map<String, Report> reports = new LinkedHashMap<>();
        reports.put("derby", derby);
        reports.put("postgresql", postgres);

        Report.writeComparison(directory, "test", reports);

        List<String> rows = Files.readAllLines(directory.resolve("test-comparison.csv"));
        assertEquals("workload,system,derby_throughput_per_s,derby_p50_ms,derby_p99_ms,derby_errors,derby_value,"
                + "postgresql_throughput_per_s,postgresql_p50_ms,postgresql_p99_ms,postgresql_errors,postgresql_value",
                rows.get(0));
        assertEquals("1 one poster,jdbc,2.0000,2.0000,4.0000,0,,1.0000,3.0000,3.0000,0,", rows.get(1));
        assertEquals("3 only on derby,jdbc,1.0000,1.0000,1.0000,0,,,,,,", rows.get(2));
        assertEquals("6 resident memory MiB,lotkeeper,,,,0,512.0,,,,0,500.5", rows.get(3));
        assertEquals(4, rows.size());
    }

    /** Returns latencies of the given durations that took one second of wall time together. */
    private static Latencies latencies(long... nanos) {
        Latencies latencies = new Latencies();
        for (long value : nanos) {
            latencies.add(value);
        }
        latencies.setWallNanos(1_000_000_000L);
        return latencies;
    }
}
