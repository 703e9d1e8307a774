package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.lotkeeper.web.it.uploads.UploadTestType;

/**
 * The table of every REST endpoint: the least role that may call it, the status it answers then,
 * and a valid request, so that a refusal can only come from the role check. A role below the
 * least role gets 403 and an anonymous caller 401. The keys are the OpenAPI document's operations
 * ({@code METHOD path}); {@code SecurityIT} fails when the document and the table differ.
 *
 * <p>The requests work on {@link Fixtures}: shared ones, which refused requests must leave as
 * they are, or fresh ones for each allowed request that consumes its target (posting a draft,
 * cancelling a sheet, deleting a webhook).
 */
final class RoleMatrix {

    /** The roles in increasing order of rights. */
    static final List<String> ROLES = List.of("viewer", "staff", "admin");

    /** The file name the matrix installs its test plugin under. */
    static final String PLUGIN_FILE = "role-matrix-upload.jar";

    /** A request as one user, on fixtures. */
    @FunctionalInterface
    interface Call {
        Api.Response send(Api caller, Fixtures fixtures);
    }

    /**
     * One operation of the API.
     *
     * @param key     {@code METHOD path} as in the OpenAPI document
     * @param least   the least role that may call it
     * @param allowed the status it answers a role at or above {@code least}
     * @param call    a valid request
     */
    record Endpoint(String key, String least, int allowed, Call call) {

        int expected(String role) {
            return ROLES.indexOf(role) >= ROLES.indexOf(least) ? allowed : 403;
        }
    }

    private RoleMatrix() {
    }

    static Map<String, Endpoint> endpoints() {
        List<Endpoint> list = new ArrayList<>();
        String v = "viewer";
        String s = "staff";
        String a = "admin";
        String base = "/api/v1";

        // Adjustment types
        list.add(new Endpoint("GET /api/v1/adjustment-types", v, 200, (api, fx) -> api.get(base + "/adjustment-types")));
        list.add(new Endpoint("GET /api/v1/adjustment-types/{id}", v, 200,
                (api, fx) -> api.get(base + "/adjustment-types/damage")));
        list.add(new Endpoint("PUT /api/v1/adjustment-types/{id}/settings", a, 200,
                (api, fx) -> api.put(base + "/adjustment-types/damage/settings", "{}")));

        // Adjustments
        list.add(new Endpoint("GET /api/v1/adjustments", v, 200, (api, fx) -> api.get(base + "/adjustments")));
        list.add(new Endpoint("POST /api/v1/adjustments", s, 201,
                (api, fx) -> api.post(base + "/adjustments", fx.writeOff(true))));
        list.add(new Endpoint("POST /api/v1/adjustments/preview", v, 200,
                (api, fx) -> api.post(base + "/adjustments/preview", fx.writeOff(true))));
        list.add(new Endpoint("GET /api/v1/adjustments/{id}", v, 200,
                (api, fx) -> api.get(base + "/adjustments/" + fx.posted())));
        list.add(new Endpoint("PUT /api/v1/adjustments/{id}", s, 200,
                (api, fx) -> api.put(base + "/adjustments/" + fx.draft(), fx.writeOff(false))));
        list.add(new Endpoint("POST /api/v1/adjustments/{id}/post", s, 201,
                (api, fx) -> api.post(base + "/adjustments/" + fx.draft() + "/post", "")));
        list.add(new Endpoint("POST /api/v1/adjustments/{id}/submit", s, 200,
                (api, fx) -> api.post(base + "/adjustments/" + fx.draft() + "/submit", "")));
        list.add(new Endpoint("POST /api/v1/adjustments/{id}/approve", a, 201,
                (api, fx) -> api.post(base + "/adjustments/" + fx.submitted() + "/approve", "")));
        list.add(new Endpoint("POST /api/v1/adjustments/{id}/reverse", s, 201,
                (api, fx) -> api.post(base + "/adjustments/" + fx.posted() + "/reverse", "")));

        // Catalog
        list.add(new Endpoint("GET /api/v1/products", v, 200, (api, fx) -> api.get(base + "/products?limit=5")));
        list.add(new Endpoint("POST /api/v1/products", s, 201, (api, fx) -> api.post(base + "/products",
                Json.createObjectBuilder().add("sku", fx.newName("P")).add("name", "Matrix product").add("unit", "pcs")
                        .build().toString())));
        list.add(new Endpoint("GET /api/v1/products/{sku}", v, 200,
                (api, fx) -> api.get(base + "/products/" + fx.sku())));
        list.add(new Endpoint("GET /api/v1/products/{sku}/bom", v, 200,
                (api, fx) -> api.get(base + "/products/" + fx.assembly() + "/bom")));
        list.add(new Endpoint("POST /api/v1/products/{sku}/bom", s, 200,
                (api, fx) -> api.post(base + "/products/" + fx.assembly() + "/bom",
                        "{\"component\":\"" + fx.sku() + "\",\"quantityPerUnit\":3}")));
        list.add(new Endpoint("GET /api/v1/locations", v, 200, (api, fx) -> api.get(base + "/locations")));
        list.add(new Endpoint("POST /api/v1/locations", s, 201,
                (api, fx) -> api.post(base + "/locations", "{\"code\":\"" + fx.newName("LOC") + "\"}")));
        list.add(new Endpoint("POST /api/v1/imports/{kind}", s, 200, (api, fx) -> api.send(api.request(base
                + "/imports/locations?mode=dry-run").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("code,name,parent\r\n" + fx.newName("LOC") + ",Matrix,\r\n",
                        StandardCharsets.UTF_8)))));

        // Lots, stock and the ledger
        list.add(new Endpoint("GET /api/v1/lots", v, 200, (api, fx) -> api.get(base + "/lots?limit=5")));
        list.add(new Endpoint("GET /api/v1/lots/{id}", v, 200, (api, fx) -> api.get(base + "/lots/" + fx.lot())));
        list.add(new Endpoint("GET /api/v1/lots/{id}/ledger", v, 200,
                (api, fx) -> api.get(base + "/lots/" + fx.lot() + "/ledger")));
        list.add(new Endpoint("GET /api/v1/stock", v, 200, (api, fx) -> api.get(base + "/stock")));
        list.add(new Endpoint("GET /api/v1/ledger/verification", v, 200,
                (api, fx) -> api.get(base + "/ledger/verification")));
        list.add(new Endpoint("GET /api/v1/calendar", v, 200, (api, fx) -> api.get(base + "/calendar")));

        // Count sheets
        list.add(new Endpoint("POST /api/v1/stocktakes", s, 201,
                (api, fx) -> api.post(base + "/stocktakes", "{\"lots\":[" + fx.uncountedLot() + "]}")));
        list.add(new Endpoint("GET /api/v1/stocktakes/{id}", v, 200,
                (api, fx) -> api.get(base + "/stocktakes/" + fx.sheet().id())));
        list.add(new Endpoint("POST /api/v1/stocktakes/{id}/counts", s, 200, (api, fx) -> {
            Fixtures.Sheet sheet = fx.sheet();
            return api.post(base + "/stocktakes/" + sheet.id() + "/counts", "{\"lotId\":" + sheet.lot() + ",\"quantity\":4}");
        }));
        list.add(new Endpoint("POST /api/v1/stocktakes/{id}/recount", s, 200, (api, fx) -> {
            Fixtures.Sheet sheet = fx.sheet();
            return api.post(base + "/stocktakes/" + sheet.id() + "/recount", "{\"lotId\":" + sheet.lot() + "}");
        }));
        list.add(new Endpoint("POST /api/v1/stocktakes/{id}/post", s, 201,
                (api, fx) -> api.post(base + "/stocktakes/" + fx.sheet().id() + "/post", "{}")));
        list.add(new Endpoint("POST /api/v1/stocktakes/{id}/cancel", s, 200,
                (api, fx) -> api.post(base + "/stocktakes/" + fx.sheet().id() + "/cancel", "")));

        // Users and the audit trail
        list.add(new Endpoint("GET /api/v1/me", v, 200, (api, fx) -> api.get(base + "/me")));
        list.add(new Endpoint("GET /api/v1/users", a, 200, (api, fx) -> api.get(base + "/users")));
        list.add(new Endpoint("POST /api/v1/users", a, 201, (api, fx) -> api.post(base + "/users",
                Json.createObjectBuilder().add("userName", fx.newName("user").toLowerCase())
                        .add("password", "matrix-password-" + Api.shortId()).add("role", "viewer").build().toString())));
        list.add(new Endpoint("PUT /api/v1/users/{name}", a, 200,
                (api, fx) -> api.put(base + "/users/" + fx.user(), "{\"enabled\":true}")));
        list.add(new Endpoint("POST /api/v1/users/{name}/password", a, 204,
                (api, fx) -> api.post(base + "/users/" + fx.user() + "/password",
                        "{\"password\":\"new-matrix-password-" + Api.shortId() + "\"}")));
        list.add(new Endpoint("GET /api/v1/audit", a, 200, (api, fx) -> api.get(base + "/audit?limit=5")));
        list.add(new Endpoint("GET /api/v1/audit.csv", a, 200, (api, fx) -> api.get(base + "/audit.csv?limit=5")));

        // Webhooks
        list.add(new Endpoint("GET /api/v1/webhooks", a, 200, (api, fx) -> api.get(base + "/webhooks")));
        list.add(new Endpoint("POST /api/v1/webhooks", a, 201, (api, fx) -> api.post(base + "/webhooks",
                "{\"url\":\"http://127.0.0.1:9/" + fx.newName("hook") + "\"}")));
        list.add(new Endpoint("PUT /api/v1/webhooks/{id}", a, 200,
                (api, fx) -> api.put(base + "/webhooks/" + fx.webhook(), "{\"enabled\":true}")));
        list.add(new Endpoint("DELETE /api/v1/webhooks/{id}", a, 204,
                (api, fx) -> api.delete(base + "/webhooks/" + fx.webhook())));
        list.add(new Endpoint("GET /api/v1/webhooks/{id}/deliveries", a, 200,
                (api, fx) -> api.get(base + "/webhooks/" + fx.webhook() + "/deliveries")));

        // Plugins
        list.add(new Endpoint("GET /api/v1/plugins", a, 200, (api, fx) -> api.get(base + "/plugins")));
        list.add(new Endpoint("GET /api/v1/plugins/{fileName}", a, 200,
                (api, fx) -> api.get(base + "/plugins/" + fx.builtInJar())));
        list.add(new Endpoint("POST /api/v1/plugins", a, 201, (api, fx) -> {
            fx.pluginAbsentForUpload();
            return api.uploadPlugin(PLUGIN_FILE, Fixtures.PLUGIN);
        }));
        list.add(new Endpoint("DELETE /api/v1/plugins/{fileName}", a, 200,
                (api, fx) -> api.delete(base + "/plugins/" + fx.plugin())));

        Map<String, Endpoint> table = new LinkedHashMap<>();
        list.forEach(endpoint -> {
            if (table.put(endpoint.key(), endpoint) != null) {
                throw new IllegalStateException("Twice in the table: " + endpoint.key());
            }
        });
        return table;
    }

    /**
     * What the requests work on, created by the admin. Shared fixtures are created once and
     * returned again on every call, for requests that must be refused; fresh fixtures create a
     * new target for every call, for allowed requests that consume it.
     */
    static final class Fixtures {

        static final byte[] PLUGIN = PluginJars.of(UploadTestType.class);

        /** A count sheet and the lot on it. */
        record Sheet(long id, long lot) {
        }

        private final Api admin;
        private final boolean fresh;
        private final String marker;
        private final String location;
        private final String sku;
        private final String assembly;
        private final long lot;
        private final Map<String, Object> shared = new LinkedHashMap<>();
        private final List<Long> webhooks = new ArrayList<>();

        private Fixtures(Api admin, boolean fresh, String marker, String location, String sku, String assembly, long lot) {
            this.admin = admin;
            this.fresh = fresh;
            this.marker = marker;
            this.location = location;
            this.sku = sku;
            this.assembly = assembly;
            this.lot = lot;
        }

        /** Creates the catalog and a lot with plenty of stock; {@code marker} is part of every name the requests invent. */
        static Fixtures shared(Api admin, String marker) {
            String location = admin.location();
            String sku = admin.product("pcs");
            String assembly = admin.product("pcs");
            long lot = admin.openLot(sku, "MATRIX", location, "100000", "1.00", null, null);
            return new Fixtures(admin, false, marker, location, sku, assembly, lot);
        }

        /** Returns fixtures on the same catalog and lot that create a new target for every call. */
        Fixtures fresh() {
            return new Fixtures(admin, true, marker, location, sku, assembly, lot);
        }

        String marker() {
            return marker;
        }

        String sku() {
            return sku;
        }

        String assembly() {
            return assembly;
        }

        long lot() {
            return lot;
        }

        List<Long> webhooks() {
            return webhooks;
        }

        /** Returns a new name with the marker, such as {@code P-RM1A2B-3C4D5E6F}. */
        String newName(String prefix) {
            return prefix + "-" + marker + "-" + Api.shortId();
        }

        /** Returns the body of a write-off of one piece from the shared lot. */
        String writeOff(boolean post) {
            AdjustmentBody body = AdjustmentBody.of("damage").line(lot, "1", "reason", "BROKEN");
            return post ? body.posted() : body.draft();
        }

        long posted() {
            return once("posted", () -> documentId(admin.post("/api/v1/adjustments", writeOff(true)), 201));
        }

        long draft() {
            return once("draft", () -> documentId(admin.post("/api/v1/adjustments", writeOff(false)), 201));
        }

        long submitted() {
            return once("submitted", () -> {
                long draft = documentId(admin.post("/api/v1/adjustments", writeOff(false)), 201);
                assertEquals(200, admin.post("/api/v1/adjustments/" + draft + "/submit", "").status(), "submitting");
                return draft;
            });
        }

        /** Returns a lot that no open count sheet holds. */
        long uncountedLot() {
            return once("uncountedLot", () -> admin.openLot(sku, "U-" + Api.shortId(), location, "10", "1.00", null, null));
        }

        /** Returns an open count sheet with one counted lot. */
        Sheet sheet() {
            return once("sheet", () -> {
                long counted = admin.openLot(sku, "S-" + Api.shortId(), location, "10", "1.00", null, null);
                Api.Response opened = admin.post("/api/v1/stocktakes", "{\"lots\":[" + counted + "]}");
                assertEquals(201, opened.status(), opened.body());
                long id = opened.json().getJsonNumber("id").longValue();
                Api.Response count = admin.post("/api/v1/stocktakes/" + id + "/counts",
                        "{\"lotId\":" + counted + ",\"quantity\":9}");
                assertEquals(200, count.status(), count.body());
                return new Sheet(id, counted);
            });
        }

        /** Returns the name of a viewer that requests change. */
        String user() {
            return userApi().userName();
        }

        /** Returns a client signed in as the viewer of {@link #user()}, with its current password. */
        Api userApi() {
            return once("user", () -> admin.newUser("viewer"));
        }

        long webhook() {
            return once("webhook", () -> {
                Api.Response created = admin.post("/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/" + newName("hook")
                        + "\"}");
                assertEquals(201, created.status(), created.body());
                long id = created.json().getJsonNumber("id").longValue();
                webhooks.add(id);
                return id;
            });
        }

        /** Returns the file name of the jar of the built-in damage type. */
        String builtInJar() {
            return once("builtInJar", () -> admin.get("/api/v1/plugins").array().getValuesAs(JsonObject.class).stream()
                    .filter(plugin -> plugin.getJsonArray("types").getValuesAs(JsonObject.class).stream()
                            .anyMatch(type -> type.getString("id").equals("damage")))
                    .map(plugin -> plugin.getString("fileName")).findFirst().orElseThrow());
        }

        /** Returns the file name of an installed test plugin, installing it when needed. */
        String plugin() {
            return once("plugin", () -> {
                if (admin.get("/api/v1/plugins/" + PLUGIN_FILE).status() == 404) {
                    Api.Response installed = admin.uploadPlugin(PLUGIN_FILE, PLUGIN);
                    assertEquals(201, installed.status(), installed.body());
                }
                return PLUGIN_FILE;
            });
        }

        /** Uninstalls the test plugin before an allowed upload of it; refused uploads find it installed. */
        void pluginAbsentForUpload() {
            if (fresh && admin.get("/api/v1/plugins/" + PLUGIN_FILE).status() == 200) {
                assertEquals(200, admin.delete("/api/v1/plugins/" + PLUGIN_FILE).status());
            }
        }

        /** Returns the shared value, created on first use, or a new one for fresh fixtures. */
        @SuppressWarnings("unchecked")
        private <T> T once(String name, java.util.function.Supplier<T> create) {
            if (fresh) {
                return create.get();
            }
            return (T) shared.computeIfAbsent(name, key -> create.get());
        }

        private static long documentId(Api.Response response, int status) {
            assertEquals(status, response.status(), response.body());
            return response.json().getJsonNumber("id").longValue();
        }
    }
}
