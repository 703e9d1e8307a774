package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

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
    String sku;
    String location;

    @BeforeEach
    void setUp() {
        api = Api.admin(url);
        location = api.location();
        sku = api.product("pcs");
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
    void rejectionsQuoteEnteredQuantityAndLine() {
        Api.Response decimals = api.post("/api/v1/adjustments", damage(Long.toString(lot), "1.5"));
        assertEquals(422, decimals.status(), decimals.body());
        assertEquals(List.of(new Problem("lines[0].quantity", "1.5", "Quantity 1.5 of " + sku
                + " has too many decimals: unit pcs allows 0 (whole units only).")), problems(decimals));

        Api.Response oneLine = api.post("/api/v1/adjustments", damage(Long.toString(lot), "11"));
        assertEquals(422, oneLine.status(), oneLine.body());
        assertEquals(List.of(new Problem("lines[0].quantity", "11", "Not enough stock in lot IN of " + sku + " at "
                + location + ": requested 11, available 10.")), problems(oneLine));

        String twoLines = "{\"type\":\"damage\",\"post\":true,\"lines\":[{\"lotId\":" + lot
                + ",\"quantity\":1,\"fields\":{\"reason\":\"BROKEN\"}},{\"lotId\":" + lot
                + ",\"quantity\":99999,\"fields\":{\"reason\":\"BROKEN\"}}]}";
        Api.Response summed = api.post("/api/v1/adjustments", twoLines);
        assertEquals(422, summed.status(), summed.body());
        String message = "Not enough stock in lot IN of " + sku + " at " + location
                + ": lines[0] and lines[1] together request 100000, available 10.";
        assertEquals(List.of(new Problem("lines[0].quantity", "1", message),
                new Problem("lines[1].quantity", "99999", message)), problems(summed));

        Api.Response unknownKind = api.send(api.request("/api/v1/imports/widgets").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("a\n1\n")));
        assertEquals(404, unknownKind.status(), unknownKind.body());
        assertEquals(List.of(new Problem("kind", "widgets", "Import kind widgets does not exist; use locations, products,"
                + " boms, opening-stock or stocktake.")), problems(unknownKind));

        assertEquals(0, BigDecimal.TEN.compareTo(api.quantity(lot)), "no rejected request changed the lot");
    }

    /** A problem of a problem response, compared as a whole. */
    record Problem(String field, String value, String message) {
    }

    private static List<Problem> problems(Api.Response response) {
        return response.json().getJsonArray("problems").stream().map(JsonValue::asJsonObject)
                .map(p -> new Problem(p.getString("field"), p.isNull("value") ? null : p.getString("value"),
                        p.getString("message")))
                .toList();
    }

    /** A bad request to any endpoint, the status it must get and a field its problems must name. */
    record Request(String name, String method, String path, String contentType, String body, int status, String field) {
    }

    @Test
    void badRequestsToOtherEndpointsAreRejectedAndChangeNothing() {
        String longText = "x".repeat(300);
        String component = api.product("pcs");
        JsonObject settingsBefore = api.get("/api/v1/adjustment-types/sample").json().getJsonObject("settings");
        String adjustment = "/api/v1/adjustments";
        List<Request> requests = List.of(
                new Request("unknown unit", "POST", "/api/v1/products", "application/json",
                        "{\"sku\":\"U-" + Api.shortId() + "\",\"name\":\"U\",\"unit\":\"furlong\"}", 400, "decimals"),
                new Request("decimals out of range", "POST", "/api/v1/products", "application/json",
                        "{\"sku\":\"D-" + Api.shortId() + "\",\"name\":\"D\",\"unit\":\"kg\",\"decimals\":9}", 400, "decimals"),
                new Request("sku with a control character", "POST", "/api/v1/products", "application/json",
                        "{\"sku\":\"A\\u0007B\",\"name\":\"C\",\"unit\":\"pcs\"}", 400, "sku"),
                new Request("name too long", "POST", "/api/v1/products", "application/json",
                        "{\"sku\":\"N-" + Api.shortId() + "\",\"name\":\"" + longText + "\",\"unit\":\"pcs\"}", 400, "name"),
                new Request("unknown tracking", "POST", "/api/v1/products", "application/json",
                        "{\"sku\":\"T-" + Api.shortId() + "\",\"name\":\"T\",\"unit\":\"pcs\",\"tracking\":\"rfid\"}", 400,
                        "tracking"),
                new Request("assembly not a boolean", "POST", "/api/v1/products", "application/json",
                        "{\"sku\":\"B-" + Api.shortId() + "\",\"name\":\"B\",\"unit\":\"pcs\",\"assembly\":\"yes\"}", 400,
                        "assembly"),
                new Request("unknown parent location", "POST", "/api/v1/locations", "application/json",
                        "{\"code\":\"L-" + Api.shortId() + "\",\"parent\":\"NOWHERE-" + Api.shortId() + "\"}", 404, "parent"),
                new Request("blank location code", "POST", "/api/v1/locations", "application/json", "{\"code\":\"  \"}", 400,
                        "code"),
                new Request("BOM with negative quantity", "POST", "/api/v1/products/" + sku + "/bom", "application/json",
                        "{\"component\":\"" + component + "\",\"quantityPerUnit\":-1}", 400, "quantityPerUnit"),
                new Request("stock grouped by colour", "GET", "/api/v1/stock?groupBy=colour", null, null, 400, "groupBy"),
                new Request("stock as of a future date", "GET", "/api/v1/stock?asOf=2999-01-01", null, null, 400, "asOf"),
                new Request("stock as of a non-date", "GET", "/api/v1/stock?asOf=yesterday", null, null, 400, "asOf"),
                new Request("lots expiring by a non-date", "GET", "/api/v1/lots?expiringBy=soon", null, null, 400,
                        "expiringBy"),
                new Request("negative offset", "GET", "/api/v1/lots?offset=-1", null, null, 400, "offset"),
                new Request("status filter unknown", "GET", "/api/v1/adjustments?status=LOST", null, null, 400, "status"),
                new Request("reverse with a bad date mode", "POST", adjustment + "/1/reverse?date=yesterday", null, "", 400,
                        "date"),
                new Request("negative unit cost", "POST", adjustment, "application/json",
                        "{\"type\":\"opening\",\"post\":true,\"lines\":[{\"lotId\":" + lot + ",\"quantity\":1,\"unitCost\":-1}]}",
                        422, "lines[0].unitCost"),
                new Request("unit cost with 5 decimals", "POST", adjustment, "application/json",
                        "{\"type\":\"opening\",\"post\":true,\"lines\":[{\"lotId\":" + lot
                                + ",\"quantity\":1,\"unitCost\":0.00001}]}", 400, "lines[0].unitCost"),
                new Request("NaN unit cost", "POST", adjustment, "application/json",
                        "{\"type\":\"opening\",\"post\":true,\"lines\":[{\"lotId\":" + lot
                                + ",\"quantity\":1,\"unitCost\":\"NaN\"}]}", 400, "lines[0].unitCost"),
                new Request("lot id and new lot together", "POST", adjustment, "application/json",
                        "{\"type\":\"opening\",\"post\":true,\"lines\":[{\"lotId\":" + lot + ",\"newLot\":{\"product\":\""
                                + sku + "\",\"code\":\"X\",\"location\":\"" + location + "\"},\"quantity\":1,\"unitCost\":1}]}",
                        400, "lines[0]"),
                new Request("new lot of an unknown product", "POST", adjustment, "application/json",
                        "{\"type\":\"opening\",\"post\":true,\"lines\":[{\"newLot\":{\"product\":\"NOPE-" + Api.shortId()
                                + "\",\"code\":\"X\",\"location\":\"" + location + "\"},\"quantity\":1,\"unitCost\":1}]}", 422,
                        "lines[0].newLot.productSku"),
                new Request("new lot at an unknown location", "POST", adjustment, "application/json",
                        "{\"type\":\"opening\",\"post\":true,\"lines\":[{\"newLot\":{\"product\":\"" + sku
                                + "\",\"code\":\"X\",\"location\":\"NOWHERE\"},\"quantity\":1,\"unitCost\":1}]}", 422,
                        "lines[0].newLot.locationCode"),
                new Request("new lot with an expiry that is not a date", "POST", adjustment, "application/json",
                        "{\"type\":\"opening\",\"post\":true,\"lines\":[{\"newLot\":{\"product\":\"" + sku
                                + "\",\"code\":\"X\",\"location\":\"" + location + "\",\"expiry\":\"31/03/2025\"},"
                                + "\"quantity\":1,\"unitCost\":1}]}", 400, "lines[0].newLot.expiry"),
                new Request("fields not an object", "POST", adjustment, "application/json",
                        "{\"type\":\"damage\",\"post\":true,\"fields\":[1],\"lines\":[]}", 400, "fields"),
                new Request("nested field value", "POST", adjustment, "application/json",
                        "{\"type\":\"damage\",\"post\":true,\"lines\":[{\"lotId\":" + lot
                                + ",\"quantity\":1,\"fields\":{\"reason\":{\"a\":1}}}]}", 400, "lines[0].fields.reason"),
                new Request("line not an object", "POST", adjustment, "application/json",
                        "{\"type\":\"damage\",\"post\":true,\"lines\":[7]}", 400, "lines[0]"),
                new Request("post flag as text", "POST", adjustment, "application/json",
                        "{\"type\":\"damage\",\"post\":\"yes\",\"lines\":[]}", 400, "post"),
                new Request("count sheet with lots not an array", "POST", "/api/v1/stocktakes", "application/json",
                        "{\"lots\":5}", 400, "lots"),
                new Request("count sheet for nothing", "POST", "/api/v1/stocktakes", "application/json", "{}", 400, "lots"),
                new Request("count sheet for an unknown lot", "POST", "/api/v1/stocktakes", "application/json",
                        "{\"lots\":[99999999]}", 404, "lots"),
                new Request("count of an unknown sheet", "POST", "/api/v1/stocktakes/99999999/counts", "application/json",
                        "{\"lotId\":" + lot + ",\"quantity\":1}", 404, "sheetId"),
                new Request("import of an unknown kind", "POST", "/api/v1/imports/pallets?mode=dry-run", "text/csv",
                        "a,b\n1,2\n", 404, null),
                new Request("import with a wrong header", "POST", "/api/v1/imports/locations?mode=dry-run", "text/csv",
                        "code,label\nA,B\n", 400, null),
                new Request("import with an unclosed quote", "POST", "/api/v1/imports/locations?mode=dry-run", "text/csv",
                        "code,name,parent\n\"A,B,\n", 400, null),
                new Request("import with an unknown mode", "POST", "/api/v1/imports/locations?mode=maybe", "text/csv",
                        "code,name,parent\nA,B,\n", 400, null),
                new Request("import as JSON", "POST", "/api/v1/imports/locations?mode=dry-run", "application/json",
                        "{}", 415, null),
                new Request("user with an unknown role", "POST", "/api/v1/users", "application/json",
                        "{\"userName\":\"u" + Api.shortId() + "\",\"password\":\"long-enough-password\",\"role\":\"root\"}",
                        400, "role"),
                new Request("user with a short password", "POST", "/api/v1/users", "application/json",
                        "{\"userName\":\"u" + Api.shortId() + "\",\"password\":\"short\",\"role\":\"staff\"}", 400,
                        "password"),
                new Request("user name with markup", "POST", "/api/v1/users", "application/json",
                        "{\"userName\":\"<b>x</b>\",\"password\":\"long-enough-password\",\"role\":\"staff\"}", 400,
                        "userName"),
                new Request("backdating window negative", "PUT", "/api/v1/adjustment-types/sample/settings",
                        "application/json", "{\"backdatingDays\":-1}", 400, "backdatingDays"),
                new Request("backdating window beyond ten years", "PUT", "/api/v1/adjustment-types/sample/settings",
                        "application/json", "{\"backdatingDays\":99999}", 400, "backdatingDays"),
                new Request("reason code with spaces", "PUT", "/api/v1/adjustment-types/sample/settings",
                        "application/json", "{\"reasonCodes\":[\"TOO BAD\"]}", 400, "reasonCodes"),
                new Request("settings of an unknown type", "PUT", "/api/v1/adjustment-types/teleport/settings",
                        "application/json", "{\"enabled\":false}", 404, "typeId"));

        for (Request bad : requests) {
            HttpRequest.Builder builder = api.request(bad.path());
            if (bad.contentType() != null) {
                builder.header("Content-Type", bad.contentType());
            }
            HttpRequest.BodyPublisher body = bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(bad.body());
            Api.Response response = api.send(builder.method(bad.method(), body));
            assertEquals(bad.status(), response.status(), bad.name() + ": " + response.body());
            if (bad.field() != null) {
                assertTrue(response.json().getJsonArray("problems").stream()
                                .anyMatch(p -> p.asJsonObject().getString("field").equals(bad.field())),
                        bad.name() + " must name field " + bad.field() + ": " + response.body());
            }
        }
        assertEquals(0, BigDecimal.TEN.compareTo(api.quantity(lot)), "no bad request changed the lot");
        assertEquals(1, api.ledger(lot).size(), "no bad request wrote an entry");
        JsonObject settingsAfter = api.get("/api/v1/adjustment-types/sample").json().getJsonObject("settings");
        assertEquals(settingsBefore, settingsAfter, "the sample type's settings are unchanged");
        assertEquals(0, api.get("/api/v1/products/" + component + "/bom").array().size(), "no BOM line was added");
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
        String otherLocation = api.location();
        Api.Response created = api.post("/api/v1/products",
                "{\"sku\":\"<b>X-" + Api.shortId() + "</b>\",\"name\":\"<script>alert(1)</script>\",\"unit\":\"pcs\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("<script>alert(1)</script>", created.json().getString("name"));
        assertTrue(otherLocation.startsWith("LOC-"));
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
