package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

/**
 * A small client for the REST API of a running server, signed in as one user. Every helper
 * that creates data gives it a unique name, so tests never share products or lots.
 */
public final class Api {

    /** Password of the admin the test server creates on first start. */
    public static final String ADMIN_PASSWORD = "it-admin-password-123";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String authorization;

    private Api(URI base, String user, String password) {
        this.base = base;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static Api admin(URL deployment) {
        return new Api(root(deployment), "admin", ADMIN_PASSWORD);
    }

    /** Returns a client signed in as an existing user, such as one created on the users page. */
    public static Api user(URL deployment, String userName, String password) {
        return new Api(root(deployment), userName, password);
    }

    public static Api anonymous(URL deployment) {
        return new Api(root(deployment), null, null);
    }

    /** Returns a client for a new user with the given role, created through the admin. */
    public Api newUser(String role) {
        String name = role + "-" + shortId();
        String password = "password-" + UUID.randomUUID();
        Response created = post("/api/v1/users", Json.createObjectBuilder().add("userName", name)
                .add("password", password).add("role", role).build().toString());
        assertEquals(201, created.status(), "creating user " + name + ": " + created.body());
        return new Api(base, name, password);
    }

    public String userName() {
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        return decoded.substring(0, decoded.indexOf(':'));
    }

    private static URI root(URL deployment) {
        String text = deployment.toString();
        return URI.create(text.endsWith("/") ? text : text + "/");
    }

    public URI base() {
        return base;
    }

    /** A response with its status and body. */
    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonObject json() {
            return (JsonObject) parse(body);
        }

        public JsonArray array() {
            return (JsonArray) parse(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public Response post(String path, String json, String idempotencyKey) {
        return send(request(path).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Uploads a plugin jar as {@code fileName} through {@code POST /api/v1/plugins}. */
    public Response uploadPlugin(String fileName, byte[] jar) {
        String query = fileName == null ? "" : "?fileName=" + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8);
        return send(request("/api/v1/plugins" + query).header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jar)));
    }

    /** Sends a request exactly as built, for malformed-input tests. */
    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path)).timeout(Duration.ofSeconds(120));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    // Domain helpers: each returns the created object's key and fails the test when creation fails.

    public String location() {
        String code = "LOC-" + shortId();
        Response response = post("/api/v1/locations", "{\"code\":\"" + code + "\"}");
        assertEquals(201, response.status(), response.body());
        return code;
    }

    public String product(String unit) {
        return product(unit, "lot");
    }

    public String product(String unit, String tracking) {
        String sku = "P-" + shortId();
        Response response = post("/api/v1/products", Json.createObjectBuilder().add("sku", sku).add("name", "Product " + sku)
                .add("unit", unit).add("tracking", tracking).build().toString());
        assertEquals(201, response.status(), response.body());
        return sku;
    }

    /** Opens a lot with stock at a unit cost and returns its id; {@code date} may be null for today. */
    public long openLot(String sku, String code, String location, String quantity, String unitCost, LocalDate date,
                        LocalDate expiry) {
        String body = "{\"type\":\"opening\",\"post\":true" + (date == null ? "" : ",\"effectiveDate\":\"" + date + "\"")
                + ",\"lines\":[{\"newLot\":{\"product\":\"" + sku + "\",\"code\":\"" + code + "\",\"location\":\""
                + location + "\"" + (expiry == null ? "" : ",\"expiry\":\"" + expiry + "\"") + "},\"quantity\":\""
                + quantity + "\"" + (unitCost == null ? "" : ",\"unitCost\":\"" + unitCost + "\"") + "}]}";
        Response response = post("/api/v1/adjustments", body);
        assertEquals(201, response.status(), "opening " + code + ": " + response.body());
        return response.json().getJsonArray("entries").getJsonObject(0).getJsonNumber("lotId").longValue();
    }

    /** Posts a damage write-off of {@code quantity} on a lot and returns the response. */
    public Response damage(long lotId, String quantity, LocalDate date) {
        String body = "{\"type\":\"damage\",\"post\":true" + (date == null ? "" : ",\"effectiveDate\":\"" + date + "\"")
                + ",\"lines\":[{\"lotId\":" + lotId + ",\"quantity\":\"" + quantity
                + "\",\"fields\":{\"reason\":\"BROKEN\"}}]}";
        return post("/api/v1/adjustments", body);
    }

    public JsonObject lot(long lotId) {
        Response response = get("/api/v1/lots/" + lotId);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    public BigDecimal quantity(long lotId) {
        return lot(lotId).getJsonNumber("quantity").bigDecimalValue();
    }

    public BigDecimal value(long lotId) {
        return lot(lotId).getJsonNumber("value").bigDecimalValue();
    }

    public JsonArray ledger(long lotId) {
        Response response = get("/api/v1/lots/" + lotId + "/ledger");
        assertEquals(200, response.status(), response.body());
        return response.array();
    }

    public LocalDate today() {
        return LocalDate.parse(get("/api/v1/calendar").json().getString("today"));
    }

    /** Sets a type's backdating window so tests can date documents in the past. */
    public void allowBackdating(String type, int days) {
        Response response = put("/api/v1/adjustment-types/" + type + "/settings", "{\"backdatingDays\":" + days + "}");
        assertEquals(200, response.status(), response.body());
    }

    public JsonObject verification() {
        Response response = get("/api/v1/ledger/verification");
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    public static JsonStructure parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    public static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
