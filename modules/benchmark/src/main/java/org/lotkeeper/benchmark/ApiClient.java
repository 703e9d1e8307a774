package org.lotkeeper.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;

/** A minimal client of Lotkeeper's REST API over HTTP/1.1, signed in with HTTP Basic. */
final class ApiClient {

    /**
     * The JSON-P provider, looked up once: the static methods of {@code jakarta.json.Json} run a
     * {@code ServiceLoader} lookup on every call, which would add to every measured request.
     */
    static final JsonProvider JSON = JsonProvider.provider();

    /** A response with its status and body. */
    record Response(int status, String body) {

        <T extends JsonStructure> T json(Class<T> type) {
            try (JsonReader reader = JSON.createReader(new StringReader(body))) {
                return type.cast(reader.read());
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final String authorization;

    ApiClient(URI base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, String json, String idempotencyKey) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", authorization);
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an HTTP response", e);
        }
    }
}
