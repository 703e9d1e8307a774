package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks get every committed posting and reversal, signed with the secret returned at
 * registration, and a failed attempt is retried with the same event id. The receiver is an
 * HTTP server the test starts on the loopback address.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {

    /** Maximum wait for deliveries. The first retry is due about 2 s after the failed attempt. */
    private static final long WAIT_MILLIS = 30_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL url;

    Api api;
    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    Long webhookId;

    /** One request the receiver got, with the status it responded with. */
    record Received(String eventId, String signature, String contentType, String body, int answered) {

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        api = Api.admin(url);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", this::receive);
        receiver.start();
    }

    @AfterEach
    void tearDown() {
        if (webhookId != null) {
            // Later test classes on the same server must not send to a receiver that is gone.
            Api.Response deleted = api.send(api.request("/api/v1/webhooks/" + webhookId).DELETE());
            assertEquals(204, deleted.status(), deleted.body());
        }
        receiver.stop(0);
    }

    /** Responds with 500 to the first request and with 204 to every later one. */
    private void receive(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status = requests.getAndIncrement() == 0 ? 500 : 204;
        received.add(new Received(exchange.getRequestHeaders().getFirst("Lotkeeper-Event-Id"),
                exchange.getRequestHeaders().getFirst("Lotkeeper-Signature"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Test
    void deliversSignedEventsAndRetries() throws Exception {
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "W1", location, "10", "2.00", null, null);

        String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        Api.Response registered = api.post("/api/v1/webhooks", "{\"url\":\"" + hookUrl + "\"}");
        assertEquals(201, registered.status(), registered.body());
        webhookId = registered.json().getJsonNumber("id").longValue();
        String secret = registered.json().getString("secret");
        assertEquals(64, secret.length(), "the secret is 32 random bytes in hex");
        String listed = api.get("/api/v1/webhooks").body();
        assertTrue(listed.contains(hookUrl), listed);
        assertFalse(listed.contains(secret), "the secret is never listed again");
        assertFalse(listed.contains("\"secret\""), listed);

        Api.Response damage = api.damage(lot, "1", null);
        assertEquals(201, damage.status(), damage.body());
        long damageId = damage.json().getJsonNumber("id").longValue();
        // Reverse only after the first attempt failed, so the 500 goes to the damage write-off.
        waitFor("the first attempt", () -> received.isEmpty() ? Optional.empty() : Optional.of(true));

        Api.Response reversal = api.post("/api/v1/adjustments/" + damageId + "/reverse", "");
        assertEquals(201, reversal.status(), reversal.body());
        long reversalId = reversal.json().getJsonNumber("id").longValue();

        waitFor("three requests", () -> received.size() >= 3 ? Optional.of(true) : Optional.empty());
        assertEquals(3, received.size(), "two attempts for the write-off, one for the reversal: " + received);

        Received failed = received.get(0);
        assertEquals(500, failed.answered());
        assertEquals(damageId, failed.json().getJsonNumber("documentId").longValue(), failed.body());
        assertEquals("document.posted", failed.json().getString("type"));
        assertEquals("damage", failed.json().getString("adjustmentType"));
        assertEquals(JsonValue.NULL, failed.json().get("reverses"));
        assertEquals("admin", failed.json().getString("postedBy"));
        assertEquals(failed.eventId(), failed.json().getString("eventId"));

        Received retry = received.stream().filter(r -> r.eventId().equals(failed.eventId()) && r != failed)
                .findFirst().orElseThrow(() -> new AssertionError("no retry of event " + failed.eventId()));
        assertEquals(204, retry.answered());
        assertEquals(failed.body(), retry.body(), "the retry sends the same body");

        Received reversed = received.stream().filter(r -> !r.eventId().equals(failed.eventId()))
                .findFirst().orElseThrow(() -> new AssertionError("no reversal event: " + received));
        assertEquals("document.reversed", reversed.json().getString("type"));
        assertEquals(reversalId, reversed.json().getJsonNumber("documentId").longValue());
        assertEquals(damageId, reversed.json().getJsonNumber("reverses").longValue());
        assertEquals(0, damage.json().getJsonNumber("valueEffect").bigDecimalValue()
                .negate().compareTo(reversed.json().getJsonNumber("valueEffect").bigDecimalValue()),
                "the reversal undoes the write-off's value: " + reversed.body());

        for (Received request : received) {
            assertEquals("application/json", request.contentType());
            assertNotNull(request.signature(), "signature header of " + request.eventId());
            assertEquals(hmac(secret, request.body()), request.signature(), "signature of " + request.body());
        }

        JsonObject first = waitFor("the write-off to be recorded as delivered",
                () -> deliveryOf(damageId).filter(d -> d.getString("status").equals("DELIVERED")));
        assertEquals(2, first.getInt("attempts"), first.toString());
        assertEquals(204, first.getInt("lastStatusCode"), first.toString());
        assertEquals(failed.eventId(), first.getString("eventId"));

        JsonObject second = waitFor("the reversal to be recorded as delivered",
                () -> deliveryOf(reversalId).filter(d -> d.getString("status").equals("DELIVERED")));
        assertEquals(1, second.getInt("attempts"), second.toString());
    }

    @Test
    void adminDisablesAndReenablesWebhook() throws Exception {
        requests.set(1); // the receiver answers every request with 204
        String location = api.location();
        long lot = api.openLot(api.product("pcs"), "W2", location, "10", "2.00", null, null);
        String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        Api.Response registered = api.post("/api/v1/webhooks", "{\"url\":\"" + hookUrl + "\"}");
        assertEquals(201, registered.status(), registered.body());
        webhookId = registered.json().getJsonNumber("id").longValue();
        String path = "/api/v1/webhooks/" + webhookId;

        Api.Response disabled = api.put(path, "{\"enabled\":false}");
        assertEquals(200, disabled.status(), disabled.body());
        assertFalse(disabled.json().getBoolean("enabled"), disabled.body());
        assertFalse(listed(webhookId).getBoolean("enabled"), "the list shows the webhook disabled");
        long missed = api.damage(lot, "1", null).json().getJsonNumber("id").longValue();

        Api.Response enabled = api.put(path, "{\"enabled\":true}");
        assertEquals(200, enabled.status(), enabled.body());
        assertTrue(enabled.json().getBoolean("enabled"), enabled.body());
        long sent = api.damage(lot, "1", null).json().getJsonNumber("id").longValue();

        waitFor("the event after re-enabling", () -> deliveryOf(sent)
                .filter(d -> d.getString("status").equals("DELIVERED")));
        assertEquals(1, received.size(), "only the event after re-enabling was sent: " + received);
        assertEquals(sent, received.get(0).json().getJsonNumber("documentId").longValue());
        assertTrue(deliveryOf(missed).isEmpty(), "no delivery of the event posted while disabled");

        for (String action : List.of("webhook.disable", "webhook.enable")) {
            JsonObject event = api.get("/api/v1/audit?action=" + action).array().getJsonObject(0);
            assertEquals(String.valueOf(webhookId), event.getString("target"), event.toString());
            assertEquals("admin", event.getString("userName"));
            assertEquals("success", event.getString("outcome"));
            assertEquals("url " + hookUrl, event.getString("detail"));
        }

        Api.Response missing = api.put(path, "{}");
        assertEquals(400, missing.status(), missing.body());
        assertEquals("enabled", missing.json().getJsonArray("problems").getJsonObject(0).getString("field"));
        assertEquals(400, api.put(path, "{\"enabled\":\"no\"}").status());
        assertEquals(404, api.put("/api/v1/webhooks/999999", "{\"enabled\":false}").status());
        Api.Response staff = api.newUser("staff").put(path, "{\"enabled\":false}");
        assertEquals(403, staff.status(), staff.body());
        assertTrue(listed(webhookId).getBoolean("enabled"), "the refused change left the webhook enabled");
    }

    private JsonObject listed(long id) {
        return api.get("/api/v1/webhooks").array().stream().map(JsonValue::asJsonObject)
                .filter(w -> w.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
    }

    @Test
    void nonAdminCannotRegister() {
        Api staff = api.newUser("staff");
        Api.Response response = staff.post("/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\"}");
        assertEquals(403, response.status(), response.body());
    }

    @Test
    void ftpUrlIsRejected() {
        Api.Response response = api.post("/api/v1/webhooks", "{\"url\":\"ftp://127.0.0.1/hook\"}");
        assertEquals(400, response.status(), response.body());
        assertTrue(response.body().contains("http://"), response.body());
    }

    private Optional<JsonObject> deliveryOf(long documentId) {
        Api.Response response = api.get("/api/v1/webhooks/" + webhookId + "/deliveries");
        assertEquals(200, response.status(), response.body());
        return response.array().stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getJsonNumber("documentId").longValue() == documentId)
                .findFirst();
    }

    private static <T> T waitFor(String what, Supplier<Optional<T>> check) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<T> result = check.get();
            if (result.isPresent()) {
                return result.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Timed out after " + WAIT_MILLIS / 1000 + " s waiting for " + what);
    }

    private static String hmac(String secret, String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
