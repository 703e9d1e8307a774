package org.lotkeeper.benchmark;

import java.util.Arrays;

/** Latencies of one measured workload, recorded by one or more threads, and the wall time it took. */
final class Latencies {

    private long[] nanos = new long[1_024];
    private int count;
    private long wallNanos;

    synchronized void add(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
    }

    void setWallNanos(long wallNanos) {
        this.wallNanos = wallNanos;
    }

    synchronized int count() {
        return count;
    }

    double wallSeconds() {
        return wallNanos / 1e9;
    }

    /** Operations per second of wall time. */
    double throughput() {
        return wallNanos == 0 ? 0 : count() / wallSeconds();
    }

    /** Returns the latency at quantile {@code q} (0 to 1) in milliseconds, by the nearest-rank method. */
    synchronized double percentileMillis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
