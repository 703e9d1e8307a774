package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.lotkeeper.web.it.LotChecks.assertCreated;
import static org.lotkeeper.web.it.LotChecks.assertEntryCount;
import static org.lotkeeper.web.it.LotChecks.assertLedgerConsistent;
import static org.lotkeeper.web.it.LotChecks.assertLot;
import static org.lotkeeper.web.it.LotChecks.assertRejected;
import static org.lotkeeper.web.it.LotChecks.documentId;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Roles enforced by the API itself: {@code viewer} reads, {@code staff} also creates and posts
 * adjustments, count sheets and catalog entries, and {@code admin} also configures types, manages users,
 * approves and reads the audit trail. Every denied request is audited.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

    private static final String ADJUSTMENTS = "/api/v1/adjustments";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL url;

    Api admin;
    String location;
    String sku;

    @BeforeEach
    void setUp() {
        admin = Api.admin(url);
        location = admin.location();
        sku = admin.product("pcs");
    }

    @AfterEach
    void ledgerStaysConsistent() {
        assertLedgerConsistent(admin);
    }

    @Test
    void viewerCannotPostAdjustment() {
        long a = admin.openLot(sku, "A", location, "10", "2.00", null, null);
        Api viewer = admin.newUser("viewer");

        Api.Response rejected = viewer.damage(a, "2", null);

        assertRejected(rejected, 403, "User " + viewer.userName(), "adjustment.create", "staff role");
        assertLot(admin, a, "10", "20.00");
        assertEntryCount(admin, a, 1);
        List<JsonObject> denied = auditEvents(viewer.userName(), "denied");
        assertEquals(1, denied.size(), "denied events of " + viewer.userName() + ": " + denied);
        assertEquals("adjustment.create", denied.get(0).getString("action"), "audited action: " + denied);
    }

    @Test
    void staffWriteOffRecordsUser() {
        long a = admin.openLot(sku, "A", location, "10", "2.00", null, null);
        Api staff = admin.newUser("staff");

        JsonObject writeOff = assertCreated(staff.damage(a, "2", null));

        assertEquals(staff.userName(), writeOff.getString("postedBy"), "document posted by");
        assertLot(admin, a, "8", "16.00");
        JsonObject entry = assertEntryCount(admin, a, 2).getJsonObject(1);
        LotChecks.assertEntry(entry, "-2", "-4.00");
        assertEquals(staff.userName(), entry.getString("postedBy"), "entry posted by: " + entry);
        assertEquals(0, auditEvents(staff.userName(), "denied").size(), "denials of " + staff.userName());
    }

    @Test
    void anonymousCallerIsUnauthorized() {
        long a = admin.openLot(sku, "A", location, "10", "2.00", null, null);
        Api anonymous = Api.anonymous(url);

        List<Api.Response> responses = List.of(
                anonymous.get("/api/v1/lots/" + a),
                anonymous.get("/api/v1/stock"),
                anonymous.get("/api/v1/calendar"),
                anonymous.damage(a, "2", null),
                anonymous.put("/api/v1/adjustment-types/damage/settings", "{\"enabled\":false}"),
                anonymous.get("/api/v1/audit"));

        for (Api.Response response : responses) {
            assertEquals(401, response.status(), response.raw().request().uri() + ": " + response.body());
            assertNotNull(response.header("WWW-Authenticate"), "challenge of " + response.raw().request().uri());
        }
        assertLot(admin, a, "10", "20.00");
        assertEntryCount(admin, a, 1);
        assertEquals("enabled", admin.get("/api/v1/adjustment-types/damage").json().getString("status"));
    }

    @Test
    void rolesDecideWhatEachUserMayDo() {
        long a = admin.openLot(sku, "A", location, "1000", "1.00", null, null);
        String assembly = admin.product("pcs");
        Map<String, Api> users = Map.of(
                "viewer", admin.newUser("viewer"),
                "staff", admin.newUser("staff"),
                "admin", admin);
        List<Access> matrix = List.of(
                new Access("GET lot", api -> api.get("/api/v1/lots/" + a), 200, 200, 200),
                new Access("GET lot ledger", api -> api.get("/api/v1/lots/" + a + "/ledger"), 200, 200, 200),
                new Access("GET stock", api -> api.get("/api/v1/stock"), 200, 200, 200),
                new Access("GET ledger verification", api -> api.get("/api/v1/ledger/verification"), 200, 200, 200),
                new Access("GET adjustment types", api -> api.get("/api/v1/adjustment-types"), 200, 200, 200),
                new Access("GET adjustments", api -> api.get(ADJUSTMENTS), 200, 200, 200),
                new Access("POST adjustment preview", api -> api.post(ADJUSTMENTS + "/preview",
                        damageBody(a)), 200, 200, 200),
                new Access("POST adjustment", api -> api.post(ADJUSTMENTS, damageBody(a)), 403, 201, 201),
                new Access("POST reversal", api -> api.post(ADJUSTMENTS + "/" + writeOff(a) + "/reverse", ""),
                        403, 201, 201),
                new Access("POST approval of a posted document", api -> api.post(ADJUSTMENTS + "/" + writeOff(a)
                        + "/approve", ""), 403, 403, 409),
                new Access("POST count sheet", api -> api.post("/api/v1/stocktakes", "{\"lots\":["
                        + admin.openLot(sku, "S-" + Api.shortId(), location, "1", "1.00", null, null) + "]}"),
                        403, 201, 201),
                new Access("POST product", api -> api.post("/api/v1/products", Json.createObjectBuilder()
                        .add("sku", "P-" + Api.shortId()).add("name", "Product").add("unit", "pcs").build()
                        .toString()), 403, 201, 201),
                new Access("POST location", api -> api.post("/api/v1/locations",
                        "{\"code\":\"LOC-" + Api.shortId() + "\"}"), 403, 201, 201),
                new Access("POST bill-of-materials line", api -> api.post("/api/v1/products/" + assembly + "/bom",
                        "{\"component\":\"" + sku + "\",\"quantityPerUnit\":2}"), 403, 200, 200),
                new Access("PUT type settings", api -> api.put("/api/v1/adjustment-types/damage/settings", "{}"),
                        403, 403, 200),
                new Access("GET users", api -> api.get("/api/v1/users"), 403, 403, 200),
                new Access("POST user", api -> api.post("/api/v1/users", Json.createObjectBuilder()
                        .add("userName", "viewer-" + Api.shortId()).add("password", "password-" + Api.shortId()
                                + Api.shortId()).add("role", "viewer").build().toString()), 403, 403, 201),
                new Access("GET audit", api -> api.get("/api/v1/audit"), 403, 403, 200));

        List<Executable> checks = new ArrayList<>();
        Map<String, Integer> denials = new HashMap<>();
        for (Access access : matrix) {
            for (String role : List.of("viewer", "staff", "admin")) {
                Api user = users.get(role);
                Api.Response response = access.call().apply(user);
                if (response.status() == 403) {
                    denials.merge(role, 1, Integer::sum);
                }
                int expected = access.expected(role);
                checks.add(() -> assertEquals(expected, response.status(),
                        role + " " + access.name() + ": " + response.body()));
            }
        }
        assertAll("status by role", checks);

        for (String role : List.of("viewer", "staff")) {
            String userName = users.get(role).userName();
            assertEquals(denials.getOrDefault(role, 0), auditEvents(userName, "denied").size(),
                    "every denial of " + role + " " + userName + " is audited");
        }
        for (Map.Entry<String, Api> user : users.entrySet()) {
            JsonObject me = user.getValue().get("/api/v1/me").json();
            assertEquals(user.getKey(), me.getString("role"), "role of " + me);
        }
    }

    /** Returns the id of a new write-off of one unit on a lot, posted by the admin. */
    private long writeOff(long lotId) {
        return documentId(assertCreated(admin.damage(lotId, "1", null)));
    }

    private static String damageBody(long lotId) {
        return AdjustmentBody.of("damage").line(lotId, "1", "reason", "BROKEN").posted();
    }

    /** Returns the audit events of a user with the given outcome, newest first. */
    private List<JsonObject> auditEvents(String userName, String outcome) {
        Api.Response response = admin.get("/api/v1/audit?user=" + userName);
        assertEquals(200, response.status(), response.body());
        return response.array().getValuesAs(JsonObject.class).stream()
                .filter(event -> outcome.equals(event.getString("outcome")))
                .toList();
    }

    /**
     * One call of the role matrix and the status each role gets.
     *
     * @param name what the call does, for failure messages
     * @param call the request, sent as the given user
     */
    private record Access(String name, Function<Api, Api.Response> call, int viewer, int staff, int admin) {

        int expected(String role) {
            return switch (role) {
                case "viewer" -> viewer;
                case "staff" -> staff;
                case "admin" -> admin;
                default -> throw new IllegalArgumentException("Unknown role: " + role);
            };
        }
    }
}
