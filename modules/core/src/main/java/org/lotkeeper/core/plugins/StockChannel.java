package org.lotkeeper.core.plugins;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.lotkeeper.api.StockView;

/**
 * Lets a type running on a worker thread read stock through the calling thread. The stock view
 * reads with the caller's entity manager inside the caller's transaction, and an entity manager
 * belongs to one thread, so the worker's view is a proxy that hands each read to the caller and
 * waits for the result. The caller runs those reads while it waits for the type to finish.
 * Once the call has ended the proxy refuses every read, so a type that keeps the view (or is
 * still running after a time-out) never touches the database.
 */
final class StockChannel {

    private static final Runnable WAKE = () -> {
    };

    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private boolean closed;

    /** Returns a view for the worker thread whose reads {@link #serve} runs on the calling thread. */
    StockView proxy(StockView target) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "StockView of a type call";
                };
            }
            return read(target, method, args);
        };
        return (StockView) Proxy.newProxyInstance(StockView.class.getClassLoader(), new Class<?>[] {StockView.class},
                handler);
    }

    private Object read(StockView target, Method method, Object[] args) throws Throwable {
        FutureTask<Object> read = new FutureTask<>(() -> {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        });
        synchronized (this) {
            if (closed) {
                throw ended();
            }
            inbox.add(read);
        }
        try {
            return read.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (CancellationException e) {
            throw ended();
        } catch (InterruptedException e) {
            read.cancel(false);
            Thread.currentThread().interrupt();
            throw new CancellationException("The call was cancelled while it read stock.");
        }
    }

    private static IllegalStateException ended() {
        return new IllegalStateException("The stock view is valid only during the call it was passed to;"
                + " that call has ended.");
    }

    /**
     * Runs the worker's reads on this thread until {@code call} is done or the deadline passes.
     *
     * @param deadline a {@link System#nanoTime()} value
     * @return whether the call is done
     */
    boolean serve(Future<?> call, long deadline) throws InterruptedException {
        while (!call.isDone()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Runnable next = inbox.poll(left, TimeUnit.NANOSECONDS);
            if (next != null) {
                next.run();
            }
        }
        return true;
    }

    /** Wakes {@link #serve} to look at the call again; the worker sends it when the call ends. */
    void wake() {
        inbox.offer(WAKE);
    }

    /** Ends the channel: reads waiting for a result and every later read fail. */
    synchronized void close() {
        closed = true;
        for (Runnable pending = inbox.poll(); pending != null; pending = inbox.poll()) {
            if (pending instanceof Future<?> read) {
                read.cancel(false);
            }
        }
    }
}
