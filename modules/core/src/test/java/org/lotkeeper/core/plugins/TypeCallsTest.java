package org.lotkeeper.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotkeeper.api.BomLine;
import org.lotkeeper.api.LotInfo;
import org.lotkeeper.api.ProductInfo;
import org.lotkeeper.api.StockView;

class TypeCallsTest {

    private static final Duration LIMIT = Duration.ofMillis(300);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicBoolean release = new AtomicBoolean();

    @AfterEach
    void stop() {
        release.set(true);
        executor.shutdownNow();
    }

    @Test
    void returnsTheResultAndRunsStockReadsOnTheCallingThread() throws Exception {
        RecordingStock stock = new RecordingStock();
        TypeCalls calls = new TypeCalls(new TypeCallPolicy(LIMIT, 2), executor);
        AtomicReference<Thread> worker = new AtomicReference<>();

        String result = calls.call("t", stock, view -> {
            worker.set(Thread.currentThread());
            return view.date() + " " + view.locationExists("L1");
        });

        assertEquals("2026-12-01 true", result);
        assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), stock.readers);
        assertNotSame(Thread.currentThread(), worker.get(), "the type ran on a worker thread");
        awaitInFlight(calls, "t", 0);
    }

    @Test
    void passesOnWhatTheCallThrew() {
        TypeCalls calls = new TypeCalls(new TypeCallPolicy(LIMIT, 2), executor);
        IllegalStateException thrown = new IllegalStateException("boom");
        ExecutionException e = assertThrows(ExecutionException.class, () -> calls.call("t", new RecordingStock(), view -> {
            throw thrown;
        }));
        assertSame(thrown, e.getCause());
        RecordingStock stock = new RecordingStock();
        stock.failure = new IllegalArgumentException("bad read");
        ExecutionException read = assertThrows(ExecutionException.class,
                () -> calls.call("t", stock, view -> view.locationExists("L1")));
        assertSame(stock.failure, read.getCause(), "a read's exception reaches the type unchanged");
    }

    @Test
    void cancelsASlowCallAtTheTimeLimit() throws Exception {
        TypeCalls calls = new TypeCalls(new TypeCallPolicy(LIMIT, 2), executor);
        CountDownLatch interrupted = new CountDownLatch(1);
        long start = System.nanoTime();

        TypeCallException e = assertThrows(TypeCallException.class, () -> calls.call("slow", new RecordingStock(), view -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ie) {
                interrupted.countDown();
                throw ie;
            }
            return "late";
        }));

        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 300 && millis < 2_000, "gave up after " + millis + " ms");
        assertEquals(TypeCallException.Reason.TIMED_OUT, e.reason());
        assertEquals("Adjustment type 'slow' did not answer within the time limit of 0.3 s; the call was cancelled"
                + " and nothing was posted.", e.getMessage());
        assertTrue(interrupted.await(2, TimeUnit.SECONDS), "the worker was interrupted");
        awaitInFlight(calls, "slow", 0);
        assertEquals(1, calls.stats("slow").timedOut());
    }

    @Test
    void capsCallsOfATypeThatIgnoresInterruptsAndLeavesOtherTypesAlone() throws Exception {
        TypeCalls calls = new TypeCalls(new TypeCallPolicy(LIMIT, 2), executor);
        TypeCalls.Call<String> loop = view -> {
            while (!release.get()) {
                Thread.onSpinWait();
            }
            return "released";
        };
        for (int i = 0; i < 2; i++) {
            assertEquals(TypeCallException.Reason.TIMED_OUT,
                    assertThrows(TypeCallException.class, () -> calls.call("loop", null, loop)).reason());
        }
        assertEquals(2, calls.stats("loop").inFlight(), "both stuck calls still hold their threads");

        TypeCallException refused = assertThrows(TypeCallException.class, () -> calls.call("loop", null, loop));
        assertEquals(TypeCallException.Reason.TYPE_AT_CAP, refused.reason());
        assertEquals("Adjustment type 'loop' already has 2 calls running (the most one type may have, counting calls"
                + " that timed out and have not returned yet). Nothing was posted; try again later.", refused.getMessage());
        assertEquals(1, calls.stats("loop").refused());
        assertEquals("fine", calls.call("other", null, view -> "fine"), "another type is still called");

        release.set(true);
        awaitInFlight(calls, "loop", 0);
        assertEquals("released", calls.call("loop", null, loop), "the type is called again once its calls ended");
    }

    @Test
    void theViewIsClosedWhenTheCallEnds() throws Exception {
        TypeCalls calls = new TypeCalls(new TypeCallPolicy(LIMIT, 2), executor);
        RecordingStock stock = new RecordingStock();
        AtomicReference<StockView> kept = new AtomicReference<>();
        calls.call("t", stock, view -> {
            kept.set(view);
            return null;
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kept.get().date());
        assertTrue(e.getMessage().startsWith("The stock view is valid only during the call"), e.getMessage());

        CountDownLatch timedOut = new CountDownLatch(1);
        AtomicReference<Throwable> lateRead = new AtomicReference<>();
        CountDownLatch read = new CountDownLatch(1);
        assertThrows(TypeCallException.class, () -> calls.call("t", stock, view -> {
            while (true) {
                try {
                    timedOut.await();
                    break;
                } catch (InterruptedException ignored) {
                    // this type ignores the cancellation
                }
            }
            try {
                view.date();
            } catch (RuntimeException ex) {
                lateRead.set(ex);
            }
            read.countDown();
            return null;
        }));
        // The type ignored the interrupt and reads after the time-out: the read fails, nothing reaches the stock.
        timedOut.countDown();
        assertTrue(read.await(2, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, lateRead.get());
        assertEquals(List.of(), stock.readers, "no read reached the stock");
    }

    @Test
    void refusesWhenNoThreadIsFree() {
        TypeCalls calls = new TypeCalls(new TypeCallPolicy(LIMIT, 2), command -> {
            throw new RejectedExecutionException("full");
        });
        TypeCallException e = assertThrows(TypeCallException.class, () -> calls.call("t", null, view -> "x"));
        assertEquals(TypeCallException.Reason.NO_THREAD, e.reason());
        assertEquals(0, calls.stats("t").inFlight());
    }

    @Test
    void recordsFailures() {
        TypeCalls calls = new TypeCalls(new TypeCallPolicy(LIMIT, 2), executor);
        assertEquals(TypeCallStats.NONE, calls.stats("t"));
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        calls.recordFailure("t", "went wrong", at);
        TypeCallStats stats = calls.stats("t");
        assertEquals(1, stats.failed());
        assertEquals("went wrong", stats.lastFailure());
        assertEquals(at, stats.lastFailureAt());
        assertFalse(stats.inFlight() > 0);
    }

    private static void awaitInFlight(TypeCalls calls, String type, int expected) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (calls.stats(type).inFlight() != expected && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(expected, calls.stats(type).inFlight());
    }

    /** Records the thread of every read. */
    private static final class RecordingStock implements StockView {
        final List<Thread> readers = new CopyOnWriteArrayList<>();
        RuntimeException failure;

        private void read() {
            readers.add(Thread.currentThread());
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public LocalDate date() {
            read();
            return LocalDate.of(2026, 12, 1);
        }

        @Override
        public Optional<ProductInfo> product(String sku) {
            read();
            return Optional.empty();
        }

        @Override
        public boolean locationExists(String code) {
            read();
            return true;
        }

        @Override
        public Optional<LotInfo> lot(long id) {
            read();
            return Optional.empty();
        }

        @Override
        public Optional<LotInfo> lot(String productSku, String code, String locationCode) {
            read();
            return Optional.empty();
        }

        @Override
        public List<LotInfo> lotsOf(String productSku) {
            read();
            return List.of();
        }

        @Override
        public List<BomLine> billOfMaterials(String assemblySku) {
            read();
            return List.of();
        }

        @Override
        public boolean serialUsed(String productSku, String serial) {
            read();
            return false;
        }
    }
}
