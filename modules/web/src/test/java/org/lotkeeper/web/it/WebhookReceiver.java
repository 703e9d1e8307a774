package org.lotkeeper.web.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * A webhook receiver on the host's loopback address that records every request and responds
 * with a status the test chooses. It can also keep requests waiting without a response, so that
 * an attempt stays running while the test kills the server that sends it.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, with the status of its response (0 while it waits). */
    record Request(String eventId, long documentId, int answered, Instant arrivedAt) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 204;
    private volatile boolean failFirstRequests;
    private volatile CountDownLatch hold;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", this::receive);
        // A held request must not keep the others waiting.
        server.setExecutor(handlers);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Responds to every later request with {@code status}. */
    void answer(int status) {
        this.status = status;
    }

    /** Answers the first request of each event with 503 and the later ones with the status set by {@link #answer}. */
    void failFirstRequests() {
        failFirstRequests = true;
    }

    /** Forgets all requests and answers every later one with 204 at once. */
    void reset() {
        release();
        failFirstRequests = false;
        status = 204;
        requests.clear();
    }

    /** Holds every later request without an answer until {@link #release()}. */
    void hold() {
        hold = new CountDownLatch(1);
    }

    /** Answers the held requests, with the status set now, and stops holding. */
    void release() {
        CountDownLatch held = hold;
        hold = null;
        if (held != null) {
            held.countDown();
        }
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requestsOf(String eventId) {
        return requests.stream().filter(request -> request.eventId().equals(eventId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        JsonObject body;
        try (InputStream in = exchange.getRequestBody();
             JsonReader reader = Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))) {
            body = reader.readObject();
        }
        String eventId = exchange.getRequestHeaders().getFirst("Lotkeeper-Event-Id");
        long documentId = body.getJsonNumber("documentId").longValue();
        Instant arrived = Instant.now();
        CountDownLatch held = hold;
        if (held != null) {
            Request waiting = new Request(eventId, documentId, 0, arrived);
            requests.add(waiting);
            try {
                held.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int answered = status;
            requests.replaceAll(request -> request == waiting ? new Request(eventId, documentId, answered, arrived) : request);
            respond(exchange, answered);
            return;
        }
        int answered = failFirstRequests && requestsOf(eventId).isEmpty() ? 503 : status;
        requests.add(new Request(eventId, documentId, answered, arrived));
        respond(exchange, answered);
    }

    private static void respond(HttpExchange exchange, int status) {
        try (exchange) {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException e) {
            // The sender is gone, for example a server the test killed.
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        handlers.shutdownNow();
    }
}
