package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Malformed and hostile input through the API: every bad request gets a 4xx problem response
 * that names the field, and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ApiInputIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL url;

    Api api;
    long lot;

    @BeforeEach
    void setUp() {
        api = Api.admin(url);
        String location = api.location();
        String sku = api.product("pcs");
        lot = api.openLot(sku, "IN", location, "10", "2.00", null, null);
    }

    /** A bad adjustment request, the status it must get and a field its problems must name. */
    record Case(String name, String body, int status, String field) {
    }

    @Test
    void badAdjustmentsAreRejectedAndChangeNothing() {
        List<Case> cases = List.of(
                new Case("unknown lot", damage("99999999", "1"), 422, "lines[0].lotId"),
                new Case("zero", damage(Long.toString(lot), "0"), 422, "lines[0].quantity"),
                new Case("negative where not allowed", damage(Long.toString(lot), "-2"), 422, "lines[0].quantity"),
                new Case("NaN as text", damage(Long.toString(lot), "\"NaN\""), 400, "lines[0].quantity"),
                new Case("infinity as text", damage(Long.toString(lot), "\"Infinity\""), 400, "lines[0].quantity"),
                new Case("1e309", damage(Long.toString(lot), "1e309"), 400, "lines[0].quantity"),
                new Case("too many decimals", damage(Long.toString(lot), "1.5"), 422, "lines[0].quantity"),
                new Case("more decimals than any unit", damage(Long.toString(lot), "1.00000000001"), 400,
                        "lines[0].quantity"),
                new Case("quantity as an object", damage(Long.toString(lot), "{}"), 400, "lines[0].quantity"),
                new Case("lot id as text", damage("\"abc\"", "1"), 400, "lines[0].lotId"),
                new Case("missing reason", "{\"type\":\"damage\",\"post\":true,\"lines\":[{\"lotId\":" + lot
                        + ",\"quantity\":1}]}", 422, "lines[0].fields.reason"),
                new Case("unknown reason", "{\"type\":\"damage\",\"post\":true,\"lines\":[{\"lotId\":" + lot
                        + ",\"quantity\":1,\"fields\":{\"reason\":\"<script>\"}}]}", 422, "lines[0].fields.reason"),
                new Case("missing type", "{\"post\":true,\"lines\":[]}", 400, "type"),
                new Case("unknown type id", "{\"type\":\"teleport\",\"post\":true,\"lines\":[]}", 404, "type"),
                new Case("lines not an array", "{\"type\":\"damage\",\"post\":true,\"lines\":{}}", 400, "lines"),
                new Case("no lines", "{\"type\":\"damage\",\"post\":true,\"lines\":[]}", 422, "lines"),
                new Case("malformed JSON", "{\"type\":\"damage\",", 400, "body"),
                new Case("JSON array body", "[1,2]", 400, "body"),
                new Case("empty body", "", 400, "body"),
                new Case("future date", "{\"type\":\"damage\",\"post\":true,\"effectiveDate\":\"2999-01-01\",\"lines\":[{\"lotId\":"
                        + lot + ",\"quantity\":1,\"fields\":{\"reason\":\"BROKEN\"}}]}", 400, "effectiveDate"),
                new Case("date out of range", "{\"type\":\"damage\",\"post\":true,\"effectiveDate\":\"10000-01-01\"}", 400,
                        "effectiveDate"),
                new Case("backdated beyond the window", "{\"type\":\"damage\",\"post\":true,\"effectiveDate\":\"2001-01-01\","
                        + "\"lines\":[{\"lotId\":" + lot + ",\"quantity\":1,\"fields\":{\"reason\":\"BROKEN\"}}]}", 422,
                        "effectiveDate"),
                new Case("opening without unit cost", "{\"type\":\"opening\",\"post\":true,\"lines\":[{\"lotId\":" + lot
                        + ",\"quantity\":1}]}", 422, "lines[0].unitCost"),
                new Case("huge text field", "{\"type\":\"damage\",\"post\":true,\"lines\":[{\"lotId\":" + lot
                        + ",\"quantity\":1,\"fields\":{\"reason\":\"BROKEN\",\"note\":\"" + "x".repeat(5000) + "\"}}]}", 400,
                        "lines[0].fields.note"));

        for (Case bad : cases) {
            Api.Response response = api.post("/api/v1/adjustments", bad.body());
            assertEquals(bad.status(), response.status(), bad.name() + ": " + response.body());
            assertEquals("application/problem+json", response.header("Content-Type"), bad.name());
            JsonObject problem = response.json();
            assertTrue(problem.getJsonArray("problems").stream()
                            .anyMatch(p -> p.asJsonObject().getString("field").equals(bad.field())),
                    bad.name() + " must name field " + bad.field() + ": " + response.body());
        }
        assertEquals(0, BigDecimal.TEN.compareTo(api.quantity(lot)), "no bad request changed the lot");
        assertEquals(1, api.ledger(lot).size(), "no bad request wrote an entry");
    }

    @Test
    void wrongContentTypeIsRejected() {
        Api.Response response = api.send(api.request("/api/v1/adjustments").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("type=damage")));
        assertEquals(415, response.status(), response.body());
    }

    @Test
    void unknownPathsAndIdsAnswer404() {
        assertEquals(404, api.get("/api/v1/lots/99999999").status());
        assertEquals(404, api.get("/api/v1/adjustments/99999999").status());
        assertEquals(404, api.get("/api/v1/no-such-thing").status());
        assertEquals(400, api.get("/api/v1/lots?limit=100000").status(), "a page size out of range");
    }

    @Test
    void markupIsStoredAsText() {
        String location = api.location();
        Api.Response created = api.post("/api/v1/products",
                "{\"sku\":\"<b>X-" + Api.shortId() + "</b>\",\"name\":\"<script>alert(1)</script>\",\"unit\":\"pcs\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("<script>alert(1)</script>", created.json().getString("name"));
        assertTrue(location.startsWith("LOC-"));
    }

    @Test
    void anonymousCallsAreUnauthorized() {
        Api anonymous = Api.anonymous(url);
        assertEquals(401, anonymous.get("/api/v1/lots").status());
        assertEquals(401, anonymous.post("/api/v1/adjustments", damage(Long.toString(lot), "1")).status());
        assertEquals(0, BigDecimal.TEN.compareTo(api.quantity(lot)));
    }

    @Test
    void disabledUserIsLockedOutAndPasswordResetTakesEffect() {
        Api staff = api.newUser("staff");
        assertEquals(200, staff.get("/api/v1/lots?limit=1").status());

        assertEquals(200, api.put("/api/v1/users/" + staff.userName(), "{\"enabled\":false}").status());
        assertEquals(401, staff.get("/api/v1/lots?limit=1").status(), "a disabled user cannot sign in");
        assertEquals(200, api.put("/api/v1/users/" + staff.userName(), "{\"enabled\":true}").status());
        assertEquals(200, staff.get("/api/v1/lots?limit=1").status());

        Api.Response reset = api.post("/api/v1/users/" + staff.userName() + "/password",
                "{\"password\":\"a-new-long-password\"}");
        assertEquals(204, reset.status(), reset.body());
        assertEquals(401, staff.get("/api/v1/lots?limit=1").status(), "the old password no longer works");

        Api.Response tooShort = api.post("/api/v1/users/" + staff.userName() + "/password", "{\"password\":\"short\"}");
        assertEquals(400, tooShort.status(), tooShort.body());
        Api.Response selfLockout = api.put("/api/v1/users/admin", "{\"enabled\":false}");
        assertEquals(422, selfLockout.status(), selfLockout.body());

        Api.Response csv = api.get("/api/v1/audit.csv?action=user.update");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.body().startsWith("id,occurred_at,user,action,target,outcome,detail,remote_address"), csv.body());
        assertTrue(csv.body().contains("\"" + staff.userName() + "\""), csv.body());
    }

    private static String damage(String lotId, String quantity) {
        return "{\"type\":\"damage\",\"post\":true,\"lines\":[{\"lotId\":" + lotId + ",\"quantity\":" + quantity
                + ",\"fields\":{\"reason\":\"BROKEN\"}}]}";
    }
}
