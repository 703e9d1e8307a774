package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lotkeeper.web.it.LotChecks.assertCreated;
import static org.lotkeeper.web.it.LotChecks.assertEntryCount;
import static org.lotkeeper.web.it.LotChecks.assertLedgerConsistent;
import static org.lotkeeper.web.it.LotChecks.assertLot;
import static org.lotkeeper.web.it.LotChecks.assertRejected;
import static org.lotkeeper.web.it.LotChecks.documentId;

import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * approves, installs plugins and reads the audit trail. Every denied request is audited.
 *
 * <p>The role matrix covers every operation of the OpenAPI document ({@link RoleMatrix}) for an
 * anonymous caller, a viewer, staff and the admin, and every page of the screens for each of them
 * over plain HTTP with a form login. Forms are checked against forgery: a post without the view
 * state, with a forged one, or with one of another session changes nothing, and so does a post
 * from another site, with or without a session.
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
    void everyEndpointAnswersEachRoleExactlyAndRefusalsChangeNothing() {
        Map<String, RoleMatrix.Endpoint> table = RoleMatrix.endpoints();
        Set<String> documented = openApiOperations();
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(table.keySet());
        Set<String> undocumented = new TreeSet<>(table.keySet());
        undocumented.removeAll(documented);
        assertTrue(missing.isEmpty(), "endpoints of the OpenAPI document without a row in RoleMatrix: " + missing);
        assertTrue(undocumented.isEmpty(), "rows of RoleMatrix that the OpenAPI document does not list: " + undocumented);

        Map<String, Api> users = new LinkedHashMap<>();
        users.put("viewer", admin.newUser("viewer"));
        users.put("staff", admin.newUser("staff"));
        users.put("admin", admin);
        Api anonymous = Api.anonymous(url);
        RoleMatrix.Fixtures shared = RoleMatrix.Fixtures.shared(admin, "RM" + Api.shortId());
        Map<String, String> before = snapshot(shared);

        List<Executable> checks = new ArrayList<>();
        Map<String, Integer> denials = new HashMap<>();
        for (RoleMatrix.Endpoint endpoint : table.values()) {
            Api.Response response = endpoint.call().send(anonymous, shared);
            checks.add(() -> assertEquals(401, response.status(), "anonymous " + endpoint.key() + ": " + response.body()));
            checks.add(() -> assertNotNull(response.header("WWW-Authenticate"), "challenge of " + endpoint.key()));
            for (String role : RoleMatrix.ROLES) {
                if (endpoint.expected(role) != 403) {
                    continue;
                }
                Api.Response refused = endpoint.call().send(users.get(role), shared);
                denials.merge(role, 1, Integer::sum);
                checks.add(() -> assertEquals(403, refused.status(), role + " " + endpoint.key() + ": " + refused.body()));
                checks.add(() -> assertTrue(refused.body().contains("\"code\":\"access-denied\""),
                        role + " " + endpoint.key() + ": " + refused.body()));
            }
        }
        Map<String, String> after = snapshot(shared);
        for (String part : before.keySet()) {
            checks.add(() -> assertEquals(before.get(part), after.get(part), "refused requests changed " + part));
        }

        RoleMatrix.Fixtures fresh = shared.fresh();
        for (RoleMatrix.Endpoint endpoint : table.values()) {
            for (String role : RoleMatrix.ROLES) {
                int expected = endpoint.expected(role);
                if (expected == 403) {
                    continue;
                }
                Api.Response response = endpoint.call().send(users.get(role), fresh);
                checks.add(() -> assertEquals(expected, response.status(), role + " " + endpoint.key() + ": "
                        + response.body()));
            }
        }
        cleanUp(shared, fresh);
        assertAll("status of every endpoint for every role", checks);

        for (String role : List.of("viewer", "staff")) {
            String userName = users.get(role).userName();
            assertEquals(denials.get(role), auditEvents(userName, "denied").size(),
                    "every denial of " + role + " " + userName + " is audited");
        }
    }

    @Test
    void everyScreenAnswersEachRole() {
        RoleMatrix.Fixtures fixtures = RoleMatrix.Fixtures.shared(admin, "SC" + Api.shortId());
        Map<String, String> addresses = screenAddresses(fixtures);
        Set<String> pages = screenPages();
        assertEquals(pages, addresses.keySet(), "every page of src/main/webapp has an address in the screen table");

        Map<String, FormSession> sessions = new LinkedHashMap<>();
        sessions.put("anonymous", FormSession.anonymous(admin.base()));
        for (String role : List.of("viewer", "staff")) {
            String password = "screen-password-" + Api.shortId();
            String name = createUser(role, password);
            sessions.put(role, FormSession.signIn(admin.base(), name, password));
        }
        sessions.put("admin", FormSession.signIn(admin.base(), "admin", Api.ADMIN_PASSWORD));

        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<String, String> screen : addresses.entrySet()) {
            String page = screen.getKey();
            for (Map.Entry<String, FormSession> session : sessions.entrySet()) {
                String role = session.getKey();
                FormSession.Page response = session.getValue().get(screen.getValue());
                String what = role + " " + screen.getValue();
                if (page.equals("login.xhtml")) {
                    checks.add(() -> assertEquals(200, response.status(), what));
                } else if (role.equals("anonymous")) {
                    checks.add(() -> assertEquals(302, response.status(), what));
                    checks.add(() -> assertTrue(response.location().endsWith("/login.xhtml"), what + ": " + response.location()));
                } else if (page.startsWith("admin/") && !role.equals("admin")) {
                    checks.add(() -> assertEquals(403, response.status(), what));
                    checks.add(() -> assertTrue(response.body().contains("This page is for admins only."), what));
                    checks.add(() -> assertFalse(response.body().contains("<form"), what + " shows no form"));
                } else {
                    checks.add(() -> assertEquals(200, response.status(), what));
                    checks.add(() -> assertTrue(page.equals("error.xhtml") || !response.body().contains("Something went wrong"),
                            what + " renders"));
                }
            }
        }
        assertAll("every screen for every role", checks);
    }

    @Test
    void staffActionsOnScreensAreRefusedToViewers() {
        RoleMatrix.Fixtures fixtures = RoleMatrix.Fixtures.shared(admin, "VA" + Api.shortId());
        String viewerPassword = "viewer-password-" + Api.shortId();
        FormSession viewer = FormSession.signIn(admin.base(), createUser("viewer", viewerPassword), viewerPassword);
        String staffPassword = "staff-password-" + Api.shortId();
        FormSession staff = FormSession.signIn(admin.base(), createUser("staff", staffPassword), staffPassword);
        long lot = admin.openLot(sku, "VIEW", location, "10", "1.00", null, null);
        Map<String, String> writeOff = Map.of("adjustment:lines:0:lotId", Long.toString(lot),
                "adjustment:lines:0:quantity", "1", "adjustment:lines:0:lf_reason", "BROKEN",
                "adjustment:lines:0:lf_reason_input", "BROKEN");

        FormSession.Page form = viewer.get("newAdjustment.xhtml?type=damage");
        assertEquals(200, form.status());
        assertTrue(form.has("adjustment:preview"), "a viewer may preview");
        assertFalse(form.has("adjustment:post"), "a viewer gets no Post button");
        FormSession.Page forged = viewer.submit(form, "adjustment", writeOff, "adjustment:post");
        assertEquals(200, forged.status(), "the forged post renders the form again");
        assertEquals(1, admin.ledger(lot).size(), "a viewer's forged post writes nothing");

        FormSession.Page staffForm = staff.get("newAdjustment.xhtml?type=damage");
        assertTrue(staffForm.has("adjustment:post"), "staff get the Post button");
        FormSession.Page posted = staff.submit(staffForm, "adjustment", writeOff, "adjustment:post");
        assertEquals(302, posted.status(), "the same request posts for staff: " + posted.body());
        assertTrue(posted.location().contains("adjustment.xhtml?id="), posted.location());
        assertEquals(2, admin.ledger(lot).size(), "staff's post wrote the write-off");

        long document = fixtures.posted();
        FormSession.Page detail = viewer.get("adjustment.xhtml?id=" + document);
        assertFalse(detail.has("document:reverse"), "a viewer gets no Reverse button");
        viewer.submit(detail, "document", Map.of(), "document:reverse");
        assertEquals("POSTED", admin.get(ADJUSTMENTS + "/" + document).json().getString("status"),
                "a viewer's forged reversal reverses nothing");
        FormSession.Page staffDetail = staff.get("adjustment.xhtml?id=" + document);
        assertTrue(staffDetail.has("document:reverse"));
        assertEquals(302, staff.submit(staffDetail, "document", Map.of(), "document:reverse").status());
        assertEquals("REVERSED", admin.get(ADJUSTMENTS + "/" + document).json().getString("status"),
                "the same request reverses for staff");

        RoleMatrix.Fixtures.Sheet sheet = fixtures.sheet();
        FormSession.Page countSheet = viewer.get("countSheet.xhtml?id=" + sheet.id());
        assertFalse(countSheet.has("sheet:post"), "a viewer gets no Post sheet button");
        viewer.submit(countSheet, "sheet", Map.of(), "sheet:post");
        viewer.submit(countSheet, "sheet", Map.of(), "sheet:cancel");
        assertEquals("OPEN", admin.get("/api/v1/stocktakes/" + sheet.id()).json().getString("status"),
                "a viewer's forged post and cancel leave the sheet open");

        FormSession.Page stocktake = viewer.get("stocktake.xhtml");
        assertFalse(stocktake.has("openSheet"), "a viewer gets no form to open a count sheet");

        String staffCreates = "forged-" + Api.shortId().toLowerCase();
        FormSession.Page refused = staff.post("admin/users.xhtml", Map.of("createUser", "createUser",
                "createUser:userName", staffCreates, "createUser:password", "forged-password-123",
                "createUser:role_input", "admin", "createUser:create", "createUser:create",
                "jakarta.faces.ViewState", String.valueOf(staffForm.viewState())), Map.of());
        assertEquals(403, refused.status(), "staff are refused the admin pages, also for posts");
        assertFalse(userExists(staffCreates), "no user was created");
    }

    @Test
    void formsNeedTheirSessionsViewState() {
        FormSession session = FormSession.signIn(admin.base(), "admin", Api.ADMIN_PASSWORD);
        FormSession.Page page = session.get("admin/users.xhtml");
        assertEquals(200, page.status());
        assertTrue(page.viewState() != null && !page.viewState().isBlank(), "the form carries a view state");
        assertFalse(page.body().contains("jakarta.faces.ViewState\" value=\"rO0"),
                "the view state is an id of server-side state, not serialized client state");

        String control = "csrf-control-" + Api.shortId().toLowerCase();
        FormSession.Page created = session.submit(page, "createUser", newUser(control), "createUser:create");
        assertEquals(200, created.status());
        assertTrue(created.body().contains("Created user " + control), "the genuine form creates a user");
        assertTrue(userExists(control));

        String missing = "csrf-missing-" + Api.shortId().toLowerCase();
        Map<String, String> withoutState = FormSession.fields(page, "createUser");
        withoutState.remove("jakarta.faces.ViewState");
        withoutState.putAll(newUser(missing));
        withoutState.put("createUser:create", "createUser:create");
        FormSession.Page noState = session.post("admin/users.xhtml", withoutState, Map.of());
        assertEquals(200, noState.status(), "without a view state the post only renders the page again");
        assertFalse(noState.body().contains("Created user"), "without a view state the post is no postback");
        assertFalse(userExists(missing), "a post without view state creates nothing");

        String forgedName = "csrf-forged-" + Api.shortId().toLowerCase();
        Map<String, String> forgedState = FormSession.fields(page, "createUser");
        forgedState.put("jakarta.faces.ViewState", "-4711471147114711:1234567890123456789");
        forgedState.putAll(newUser(forgedName));
        forgedState.put("createUser:create", "createUser:create");
        FormSession.Page forged = session.post("admin/users.xhtml", forgedState, Map.of());
        assertEquals(302, forged.status(), "a forged view state is refused");
        assertTrue(forged.location().endsWith("/error.xhtml"), "and sent to the error page: " + forged.location());
        assertFalse(userExists(forgedName), "a post with a forged view state creates nothing");

        // Another user's session has its own view states: one taken from this session is useless there.
        String stolenName = "csrf-stolen-" + Api.shortId().toLowerCase();
        FormSession other = FormSession.signIn(admin.base(), "admin", Api.ADMIN_PASSWORD);
        FormSession.Page stolen = other.submit(page, "createUser", newUser(stolenName), "createUser:create");
        assertEquals(302, stolen.status(), "a view state of another session is refused");
        assertTrue(stolen.location().endsWith("/error.xhtml"), stolen.location());
        assertFalse(userExists(stolenName), "a view state of another session creates nothing");
    }

    @Test
    void crossSiteRequestsAreRefused() {
        FormSession session = FormSession.signIn(admin.base(), "admin", Api.ADMIN_PASSWORD);
        FormSession.Page page = session.get("admin/users.xhtml");

        String crossSite = "xsite-" + Api.shortId().toLowerCase();
        FormSession.Page refused = session.submit(page, "createUser", newUser(crossSite), "createUser:create",
                Map.of("Origin", "https://evil.example"));
        assertEquals(403, refused.status(), "a post from another site's page is refused: " + refused.body());
        String fetchSite = "xfetch-" + Api.shortId().toLowerCase();
        FormSession.Page fetched = session.submit(page, "createUser", newUser(fetchSite), "createUser:create",
                Map.of("Sec-Fetch-Site", "cross-site"));
        assertEquals(403, fetched.status(), "a post the browser marks cross-site is refused");
        assertFalse(userExists(crossSite) || userExists(fetchSite), "no cross-site post created a user");

        String noSession = "xnosession-" + Api.shortId().toLowerCase();
        FormSession stranger = FormSession.anonymous(admin.base());
        FormSession.Page anonymous = stranger.submit(page, "createUser", newUser(noSession), "createUser:create",
                Map.of("Origin", "https://evil.example"));
        assertEquals(302, anonymous.status(), "a post without a session is sent to the login page");
        assertTrue(anonymous.location().endsWith("/login.xhtml"), anonymous.location());
        assertFalse(userExists(noSession), "a post without a session creates nothing");

        String own = admin.base().getScheme() + "://" + admin.base().getAuthority();
        String sameSite = "xsame-" + Api.shortId().toLowerCase();
        FormSession.Page allowed = session.submit(session.get("admin/users.xhtml"), "createUser", newUser(sameSite),
                "createUser:create", Map.of("Origin", own));
        assertTrue(allowed.body().contains("Created user " + sameSite), "a post from the application's own page works");

        String code = "XLOC-" + Api.shortId();
        Api.Response api = admin.send(admin.request("/api/v1/locations").header("Content-Type", "application/json")
                .header("Origin", "https://evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")));
        assertEquals(403, api.status(), api.body());
        assertFalse(admin.get("/api/v1/locations").body().contains(code), "the cross-site API call created nothing");
        Api.Response ownOrigin = admin.send(admin.request("/api/v1/locations").header("Content-Type", "application/json")
                .header("Origin", own).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")));
        assertEquals(201, ownOrigin.status(), ownOrigin.body());

        List<JsonObject> audited = admin.get("/api/v1/audit?action=request.cross-site&limit=10").array()
                .getValuesAs(JsonObject.class);
        assertTrue(audited.stream().anyMatch(event -> event.getString("target").equals("POST /api/v1/locations")
                && event.getString("detail").contains("origin=https://evil.example")), "refusals are audited: " + audited);
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

    /** Returns the operations of the OpenAPI document as {@code METHOD /api/v1/path}. */
    private Set<String> openApiOperations() {
        Api.Response document = admin.send(HttpRequest.newBuilder(admin.base().resolve("/openapi"))
                .header("Accept", "application/json").GET());
        assertEquals(200, document.status(), document.body());
        Set<String> operations = new TreeSet<>();
        document.json().getJsonObject("paths").forEach((path, item) -> {
            String apiPath = path.substring(path.indexOf("/api/v1/"));
            for (String method : List.of("get", "put", "post", "delete", "patch", "head", "options")) {
                if (item.asJsonObject().containsKey(method)) {
                    operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + apiPath);
                }
            }
        });
        assertTrue(operations.size() > 40, "the OpenAPI document lists the API: " + operations);
        return operations;
    }

    /**
     * Reads, as the admin, what refused requests must leave unchanged. The first call creates
     * every shared fixture, the postings before the webhook, so that no delivery to the webhook
     * is pending while the refused requests run.
     */
    private Map<String, String> snapshot(RoleMatrix.Fixtures fixtures) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String path : List.of("/api/v1/ledger/verification", "/api/v1/adjustments?limit=50", "/api/v1/users",
                "/api/v1/webhooks", "/api/v1/plugins", "/api/v1/adjustment-types", "/api/v1/locations",
                "/api/v1/products?search=" + fixtures.marker(),
                "/api/v1/products/" + fixtures.assembly() + "/bom",
                "/api/v1/lots/" + fixtures.lot(),
                "/api/v1/adjustments/" + fixtures.posted(), "/api/v1/adjustments/" + fixtures.draft(),
                "/api/v1/adjustments/" + fixtures.submitted(),
                "/api/v1/stocktakes/" + fixtures.sheet().id(),
                "/api/v1/lots/" + fixtures.uncountedLot(),
                "/api/v1/webhooks/" + fixtures.webhook() + "/deliveries",
                "/api/v1/plugins/" + fixtures.plugin(),
                "/api/v1/plugins/" + fixtures.builtInJar(),
                "/api/v1/users/" + fixtures.user() + "/password-check")) {
            if (path.endsWith("/password-check")) {
                parts.put(path, Integer.toString(fixtures.userApi().get("/api/v1/me").status()));
                continue;
            }
            Api.Response response = admin.get(path);
            parts.put(path, response.status() + " " + response.body());
        }
        return parts;
    }

    /** Deletes the webhooks and the plugin the matrix created. */
    private void cleanUp(RoleMatrix.Fixtures shared, RoleMatrix.Fixtures fresh) {
        for (JsonObject webhook : admin.get("/api/v1/webhooks").array().getValuesAs(JsonObject.class)) {
            if (webhook.getString("url").contains(shared.marker()) || shared.webhooks().contains(
                    webhook.getJsonNumber("id").longValue()) || fresh.webhooks().contains(webhook.getJsonNumber("id").longValue())) {
                admin.delete("/api/v1/webhooks/" + webhook.getJsonNumber("id").longValue());
            }
        }
        if (admin.get("/api/v1/plugins/" + RoleMatrix.PLUGIN_FILE).status() == 200) {
            assertEquals(200, admin.delete("/api/v1/plugins/" + RoleMatrix.PLUGIN_FILE).status());
        }
    }

    /** Returns the pages of the application, as paths relative to src/main/webapp. */
    private static Set<String> screenPages() {
        Path webapp = Path.of("src/main/webapp");
        try (Stream<Path> files = Files.walk(webapp)) {
            return files.filter(file -> file.toString().endsWith(".xhtml"))
                    .map(file -> webapp.relativize(file).toString().replace('\\', '/'))
                    .filter(page -> !page.startsWith("WEB-INF/") && !page.startsWith("resources/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Returns the address of every page, with the parameters that make it show something. */
    private static Map<String, String> screenAddresses(RoleMatrix.Fixtures fixtures) {
        Map<String, String> addresses = new java.util.TreeMap<>();
        addresses.put("index.xhtml", "index.xhtml");
        addresses.put("login.xhtml", "login.xhtml");
        addresses.put("error.xhtml", "error.xhtml");
        addresses.put("lots.xhtml", "lots.xhtml");
        addresses.put("lot.xhtml", "lot.xhtml?id=" + fixtures.lot());
        addresses.put("expiry.xhtml", "expiry.xhtml");
        addresses.put("newAdjustment.xhtml", "newAdjustment.xhtml?type=damage");
        addresses.put("adjustments.xhtml", "adjustments.xhtml");
        addresses.put("adjustment.xhtml", "adjustment.xhtml?id=" + fixtures.posted());
        addresses.put("stocktake.xhtml", "stocktake.xhtml");
        addresses.put("countSheet.xhtml", "countSheet.xhtml?id=" + fixtures.sheet().id());
        addresses.put("admin/plugins.xhtml", "admin/plugins.xhtml");
        addresses.put("admin/users.xhtml", "admin/users.xhtml");
        addresses.put("admin/audit.xhtml", "admin/audit.xhtml");
        addresses.put("admin/webhooks.xhtml", "admin/webhooks.xhtml");
        addresses.put("build.xhtml", "build.xhtml");
        addresses.put("import.xhtml", "import.xhtml");
        addresses.put("account.xhtml", "account.xhtml");
        return addresses;
    }

    /** Creates a user with a role and password through the API and returns its name. */
    private String createUser(String role, String password) {
        String name = role + "-" + Api.shortId().toLowerCase();
        Api.Response created = admin.post("/api/v1/users", Json.createObjectBuilder().add("userName", name)
                .add("password", password).add("role", role).build().toString());
        assertEquals(201, created.status(), created.body());
        return name;
    }

    /** Returns the values of the users page's create form for a new viewer. */
    private static Map<String, String> newUser(String name) {
        return Map.of("createUser:userName", name, "createUser:password", "csrf-password-" + Api.shortId(),
                "createUser:role_input", "viewer");
    }

    private boolean userExists(String name) {
        return admin.get("/api/v1/users").array().getValuesAs(JsonObject.class).stream()
                .anyMatch(user -> user.getString("userName").equals(name));
    }

}
