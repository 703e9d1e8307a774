package org.lotkeeper.core.plugins;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

import org.lotkeeper.api.StockView;

/**
 * Runs calls into types' code on worker threads under a {@link TypeCallPolicy}: each call gets
 * the time limit, and each type at most the policy's number of calls at once. The calling thread
 * waits for the call and meanwhile runs the stock reads the type makes (see
 * {@link StockChannel}). When the time limit passes, the call is cancelled by interrupting its
 * thread and the caller gets a {@link TypeCallException} at once.
 * <p>
 * NOTE: Java cannot stop a thread that ignores interrupts. A timed-out call of such a type keeps
 * its worker thread until the type returns, and counts against the type's cap until then; at the
 * cap, further calls of that type are refused without taking a thread. So stuck calls hold at
 * most {@code maxCallsPerType} threads per type, the executor's own bound caps all of them, and
 * other types keep working. The stuck threads never reach the database: their stock view is
 * closed when the call ends.
 */
public final class TypeCalls {

    /** Code that calls a type, given the stock view to pass it. */
    @FunctionalInterface
    public interface Call<T> {
        T run(StockView stock) throws Exception;
    }

    private final TypeCallPolicy policy;
    private final Executor executor;
    private final Map<String, Counters> counters = new ConcurrentHashMap<>();

    public TypeCalls(TypeCallPolicy policy, Executor executor) {
        this.policy = policy;
        this.executor = executor;
    }

    public TypeCallPolicy policy() {
        return policy;
    }

    /**
     * Runs {@code call} on a worker thread within the time limit.
     *
     * @param stock the view the call may read; its reads run on this thread
     * @return what the call returned
     * @throws ExecutionException with what the call threw as its cause
     * @throws TypeCallException  when the call timed out, or was refused
     */
    public <T> T call(String typeId, StockView stock, Call<T> call) throws ExecutionException {
        Counters type = counters.computeIfAbsent(typeId, id -> new Counters());
        if (!type.tryStart(policy.maxCallsPerType())) {
            type.refused();
            throw new TypeCallException(TypeCallException.Reason.TYPE_AT_CAP, "Adjustment type '" + typeId
                    + "' already has " + policy.maxCallsPerType() + " calls running (the most one type may have,"
                    + " counting calls that timed out and have not returned yet). Nothing was posted; try again later.");
        }
        StockChannel channel = new StockChannel();
        StockView view = stock == null ? null : channel.proxy(stock);
        FutureTask<T> task = new FutureTask<>(() -> call.run(view));
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    type.end();
                    channel.wake();
                }
            });
        } catch (RejectedExecutionException e) {
            type.end();
            channel.close();
            throw new TypeCallException(TypeCallException.Reason.NO_THREAD, "Every thread for adjustment-type calls"
                    + " is busy, so adjustment type '" + typeId + "' was not called. Nothing was posted; try again later.");
        }
        long deadline = System.nanoTime() + policy.timeLimit().toNanos();
        try {
            if (!channel.serve(task, deadline) && task.cancel(true)) {
                type.timedOut();
                throw new TypeCallException(TypeCallException.Reason.TIMED_OUT, "Adjustment type '" + typeId
                        + "' did not answer within the time limit of " + TypeCallPolicy.seconds(policy.timeLimit())
                        + "; the call was cancelled and nothing was posted.");
            }
            return task.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new TypeCallException(TypeCallException.Reason.INTERRUPTED, "The request was interrupted while"
                    + " adjustment type '" + typeId + "' ran; the call was cancelled and nothing was posted.");
        } finally {
            channel.close();
        }
    }

    /** Counts a failed call of the type, with what went wrong. */
    public void recordFailure(String typeId, String message, Instant at) {
        counters.computeIfAbsent(typeId, id -> new Counters()).failed(message, at);
    }

    /** Returns how the type's calls have gone so far. */
    public TypeCallStats stats(String typeId) {
        Counters type = counters.get(typeId);
        return type == null ? TypeCallStats.NONE : type.snapshot();
    }

    /** One type's counters. */
    private static final class Counters {
        private int inFlight;
        private long timedOut;
        private long failed;
        private long refused;
        private String lastFailure;
        private Instant lastFailureAt;

        synchronized boolean tryStart(int max) {
            if (inFlight >= max) {
                return false;
            }
            inFlight++;
            return true;
        }

        synchronized void end() {
            inFlight--;
        }

        synchronized void timedOut() {
            timedOut++;
        }

        synchronized void refused() {
            refused++;
        }

        synchronized void failed(String message, Instant at) {
            failed++;
            lastFailure = message;
            lastFailureAt = at;
        }

        synchronized TypeCallStats snapshot() {
            return new TypeCallStats(inFlight, timedOut, failed, refused, lastFailure, lastFailureAt);
        }
    }
}
