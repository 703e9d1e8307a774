package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.lotkeeper.sandbox.NetworkNamespace;
import org.lotkeeper.sandbox.PostgresServer;
import org.lotkeeper.sandbox.Programs;
import org.lotkeeper.sandbox.UnixSocketBridge;

/**
 * Three servers started with {@code deploy/run --cluster-members} form one Payara data grid over a
 * TCP member list, share one PostgreSQL database and sit behind nginx configured by
 * {@code deploy/nginx/lotkeeper.conf}.
 *
 * <p>Hazelcast listens on every interface and advertises an address, so everything runs inside a
 * network namespace that the test creates, on the namespace's own loopback: PostgreSQL, the three
 * servers and nginx. nginx also listens on UNIX sockets in a temporary directory (the balancer and
 * one socket per server), which the test reaches through {@link UnixSocketBridge}s on the host's
 * 127.0.0.1. Needs root, {@code ip}, nginx and the PostgreSQL server programs; see
 * {@link RequiredTools} for when a missing one skips the test.
 *
 * <p>Webhook deliveries go to a {@link WebhookReceiver} in the test JVM: the servers send them to
 * nginx on {@value #RECEIVER_PORT} inside the namespace, which passes them to a UNIX socket that a
 * bridge forwards to the receiver's port on the host's 127.0.0.1. The servers run with a webhook
 * timeout of {@value #WEBHOOK_TIMEOUT} and a sweep every {@value #SWEEP_INTERVAL}, so a claim of a
 * killed server expires after 18 s (twice the timeout plus 10 s).
 *
 * <p>{@code -Dlotkeeper.cluster.seconds} sets how long the concurrent clients post (default 40).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Logger LOG = Logger.getLogger(ClusterIT.class.getName());

    /** HTTP ports inside the namespace, the same that deploy/nginx/lotkeeper.conf lists. */
    static final int[] HTTP_PORTS = {8081, 8082, 8083};
    static final int[] HAZELCAST_PORTS = {5901, 5902, 5903};
    static final int POSTGRES_PORT = 5432;
    static final Path NGINX_CONFIG = ScriptServer.REPOSITORY.resolve("deploy/nginx/lotkeeper.conf");
    static final Duration LOAD = Duration.ofSeconds(Long.getLong("lotkeeper.cluster.seconds", 40));
    static final BigDecimal HOT_LOT_START = new BigDecimal("100000");
    /** How often each server checks the database for plugin changes in this test; the default is 5 s. */
    static final String PLUGIN_SYNC_INTERVAL = "PT1S";
    /** How long a server may take to follow a plugin change: the interval plus slack for a loaded machine. */
    static final Duration PLUGIN_SYNC_WAIT = Duration.ofSeconds(30);
    static final String THEFT = "/api/v1/adjustment-types/theft";
    /** Port inside the namespace on which nginx passes webhook requests on to the test's receiver. */
    static final int RECEIVER_PORT = 8090;
    static final String WEBHOOK_TIMEOUT = "PT4S";
    static final String SWEEP_INTERVAL = "PT2S";
    /** Maximum wait for webhook deliveries; an expired claim is taken over within about 20 s. */
    static final Duration DELIVERY_WAIT = Duration.ofSeconds(90);

    private static Path directory;
    private static NetworkNamespace namespace;
    private static PostgresServer postgres;
    private static Process nginx;
    private static final List<UnixSocketBridge> BRIDGES = new ArrayList<>();
    private static final List<ScriptServer> SERVERS = new ArrayList<>();
    private static Api balancer;
    private static final List<Api> DIRECT = new ArrayList<>();
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startCluster() throws Exception {
        RequiredTools.require(NetworkNamespace.unavailableReason() == null, String.valueOf(NetworkNamespace.unavailableReason()));
        RequiredTools.require(PostgresServer.unavailableReason() == null, String.valueOf(PostgresServer.unavailableReason()));
        RequiredTools.require(Programs.find("nginx").isPresent(), "nginx is not installed (Debian package nginx-light)");

        directory = Files.createTempDirectory("lotkeeper-cluster-it");
        // nginx workers run as 'nobody' and PostgreSQL as 'postgres', and both must reach their files here.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        namespace = NetworkNamespace.create("cluster");
        LOG.info(() -> "Cluster test in network namespace " + namespace.name() + ", files in " + directory);

        postgres = new PostgresServer(directory.resolve("pg"), POSTGRES_PORT);
        postgres.create();
        postgres.start(namespace.exec());
        receiver = new WebhookReceiver();
        BRIDGES.add(UnixSocketBridge.toLoopbackPort(directory.resolve("receiver.sock"), receiver.port()));
        startNginx();

        UnixSocketBridge balancerBridge = new UnixSocketBridge(directory.resolve("balancer.sock"), 0);
        BRIDGES.add(balancerBridge);
        Path passwordFile = postgres.writePasswordFile(directory.resolve("db-password"));
        List<String> members = new ArrayList<>();
        for (int port : HAZELCAST_PORTS) {
            members.add("127.0.0.1:" + port);
        }
        for (int i = 0; i < HTTP_PORTS.length; i++) {
            UnixSocketBridge bridge = new UnixSocketBridge(directory.resolve("instance-" + (i + 1) + ".sock"), 0);
            BRIDGES.add(bridge);
            SERVERS.add(new ScriptServer("cluster-" + (i + 1), HTTP_PORTS[i], namespace.exec(), List.of(
                    "--db-url", postgres.url(), "--db-user", PostgresServer.USER,
                    "--db-password-file", passwordFile.toString(),
                    "--cluster-members", String.join(",", members),
                    "--hazelcast-port", Integer.toString(HAZELCAST_PORTS[i]),
                    "--instance-name", "lotkeeper-" + (i + 1),
                    "--java-opts", "-Dlotkeeper.plugins.sync-interval=" + PLUGIN_SYNC_INTERVAL
                            + " -Dlotkeeper.webhooks.timeout=" + WEBHOOK_TIMEOUT
                            + " -Dlotkeeper.webhooks.sweep-interval=" + SWEEP_INTERVAL),
                    bridge.httpAddress().toURL()));
        }

        // All three start at once on the empty database, as an operator would start them.
        startAll(SERVERS);
        balancer = Api.admin(balancerBridge.httpAddress().toURL());
        for (ScriptServer server : SERVERS) {
            DIRECT.add(Api.admin(server.url()));
        }
    }

    /** Starts the servers at once and waits until all are healthy. */
    private static void startAll(List<ScriptServer> servers) throws Exception {
        try (ExecutorService starters = Executors.newFixedThreadPool(servers.size())) {
            List<Future<?>> started = new ArrayList<>();
            for (ScriptServer server : servers) {
                started.add(starters.submit(() -> {
                    server.start();
                    return null;
                }));
            }
            for (Future<?> start : started) {
                start.get();
            }
        }
    }

    /**
     * Writes nginx's configuration from the committed file, with a server that passes webhook
     * requests on to the receiver's socket, and starts nginx in the namespace.
     */
    private static void startNginx() throws IOException, InterruptedException {
        Path prefix = directory.resolve("nginx");
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("temp"));
        Files.setPosixFilePermissions(prefix.resolve("temp"), PosixFilePermissions.fromString("rwxrwxrwx"));

        String config = Files.readString(NGINX_CONFIG);
        String listen = "listen 127.0.0.1:8080;";
        assertTrue(config.contains(listen), NGINX_CONFIG + " no longer contains '" + listen + "'");
        for (int port : HTTP_PORTS) {
            assertTrue(config.contains("server 127.0.0.1:" + port + " "), NGINX_CONFIG + " no longer lists port " + port);
        }
        config = config.replace(listen, "listen unix:" + directory.resolve("balancer.sock") + ";");
        StringBuilder direct = new StringBuilder();
        for (int i = 0; i < HTTP_PORTS.length; i++) {
            direct.append("""
                        server {
                            listen unix:%s;
                            location / {
                                proxy_pass http://127.0.0.1:%d;
                                proxy_http_version 1.1;
                                proxy_set_header Connection "";
                                proxy_set_header Host $http_host;
                                proxy_read_timeout 120s;
                            }
                        }
                    """.formatted(directory.resolve("instance-" + (i + 1) + ".sock"), HTTP_PORTS[i]));
        }
        direct.append("""
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            proxy_pass http://unix:%s;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_read_timeout 120s;
                        }
                    }
                """.formatted(RECEIVER_PORT, directory.resolve("receiver.sock")));
        int end = config.lastIndexOf('}');
        config = config.substring(0, end) + direct + "}\n";
        Path written = prefix.resolve("nginx.conf");
        Files.writeString(written, config);

        List<String> command = new ArrayList<>(namespace.exec());
        command.addAll(List.of(Programs.find("nginx").orElseThrow().toString(), "-p", prefix.toString(), "-c",
                written.toString(), "-g", "daemon off;"));
        nginx = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(prefix.resolve("logs/nginx-output.log").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(30);
        while (!Files.exists(directory.resolve("balancer.sock"))) {
            assertTrue(nginx.isAlive(), "nginx exited during start; see " + prefix.resolve("logs"));
            assertTrue(Instant.now().isBefore(deadline), "nginx did not create its socket within 30 s");
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (ScriptServer server : SERVERS) {
            server.stop();
        }
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(30, TimeUnit.SECONDS);
        }
        if (postgres != null) {
            postgres.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        for (UnixSocketBridge bridge : BRIDGES) {
            bridge.close();
        }
        if (namespace != null) {
            namespace.close();
        }
        if (directory != null) {
            ScriptServer.deleteRecursively(directory);
        }
    }

    @Test
    @Order(1)
    void dataGridJoinsAllInstances() throws IOException {
        boolean fullGrid = false;
        for (ScriptServer server : SERVERS) {
            fullGrid |= Files.readString(server.log()).contains("DG Size: 3");
        }
        assertTrue(fullGrid, "a server logged a data grid of 3 members; see " + SERVERS.get(0).log());
    }

    @Test
    @Order(2)
    void hostListensOnLoopbackOnly() throws Exception {
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String listeners = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ss.waitFor(30, TimeUnit.SECONDS));

        List<Long> started = new ArrayList<>(List.of(postgres.pid(), nginx.pid()));
        for (ScriptServer server : SERVERS) {
            started.add(server.process().pid());
        }
        for (long pid : started) {
            assertFalse(listeners.contains("pid=" + pid + ","), "process " + pid + " listens in the host's namespace:\n" + listeners);
        }
        String self = "pid=" + ProcessHandle.current().pid() + ",";
        for (String line : listeners.split("\n")) {
            if (line.contains(self)) {
                // The webhook receiver's HTTP server opens a dual-stack socket, which ss shows as
                // the IPv4-mapped form of 127.0.0.1.
                String address = line.split("\\s+")[3];
                assertTrue(address.startsWith("127.0.0.1:") || address.startsWith("[::ffff:127.0.0.1]:"),
                        "the test JVM listens beyond loopback: " + line);
            }
        }
        String inside = namespace.listeners();
        for (int port : HAZELCAST_PORTS) {
            assertTrue(inside.contains(":" + port + " "), "data grid port " + port + " inside the namespace:\n" + inside);
        }
    }

    @Test
    @Order(3)
    void screenSessionMovesBetweenInstances() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI first = URI.create(SERVERS.get(0).url().toString());

        // The cookies a browser keeps: Payara sends JSESSIONID and, for sessions in the data grid,
        // JSESSIONIDVERSION. All servers share the host 127.0.0.1, and cookies ignore the port.
        Map<String, String> cookies = new java.util.LinkedHashMap<>();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(first.resolve("login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, form.statusCode(), form.body());
        keepCookies(form, cookies);
        String viewState = match(form.body(), "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
        String body = "login=login&login%3AuserName=admin&login%3Apassword=" + Api.ADMIN_PASSWORD
                + "&login%3AsignIn=&jakarta.faces.ViewState=" + java.net.URLEncoder.encode(viewState, StandardCharsets.UTF_8);
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(first.resolve("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookieHeader(cookies))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signIn.statusCode(), "sign-in redirects to the requested page: " + signIn.body());
        keepCookies(signIn, cookies);

        for (ScriptServer server : SERVERS) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url() + "index.xhtml"))
                    .header("Cookie", cookieHeader(cookies)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), "dashboard on " + server.url() + " with the session from the first server; cookies "
                    + cookies.keySet() + "; location " + page.headers().firstValue("Location").orElse("none"));
            assertFalse(page.body().contains("id=\"login\""), "no login form on " + server.url());
            keepCookies(page, cookies);
        }
    }

    private static void keepCookies(HttpResponse<?> response, Map<String, String> cookies) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
    }

    private static String cookieHeader(Map<String, String> cookies) {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return header.toString();
    }

    private static String match(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), "no match for " + regex);
        return matcher.group(1);
    }

    @Test
    @Order(4)
    void typeSettingsApplyOnEveryInstance() {
        String location = balancer.location();
        String sku = balancer.product("pcs");
        long lot = balancer.openLot(sku, "SET-1", location, "100", "1.00", null, null);
        String reason = "CLUSTER-" + Api.shortId();
        String settings = "/api/v1/adjustment-types/damage/settings";

        try {
            Api.Response configured = DIRECT.get(0).put(settings, "{\"reasonCodes\":[\"BROKEN\",\"" + reason + "\"]}");
            assertEquals(200, configured.status(), configured.body());
            for (Api server : DIRECT) {
                Api.Response damage = server.post("/api/v1/adjustments", "{\"type\":\"damage\",\"post\":true,\"lines\":[{\"lotId\":"
                        + lot + ",\"quantity\":\"1\",\"fields\":{\"reason\":\"" + reason + "\"}}]}");
                assertEquals(201, damage.status(), "new reason code accepted by " + server.base() + ": " + damage.body());
            }

            assertEquals(200, DIRECT.get(1).put(settings, "{\"enabled\":false}").status());
            for (Api server : DIRECT) {
                Api.Response damage = server.damage(lot, "1", null);
                assertTrue(damage.status() >= 400 && damage.status() < 500,
                        "disabled type rejected by " + server.base() + ": " + damage.status() + " " + damage.body());
            }
            assertEquals(200, DIRECT.get(2).put(settings, "{\"enabled\":true}").status());
            assertEquals(201, DIRECT.get(0).damage(lot, "1", null).status(), "enabled again on the first server");
        } finally {
            // An empty list restores the type's default reason codes, which the posting test uses.
            assertEquals(200, DIRECT.get(2).put(settings, "{\"enabled\":true,\"reasonCodes\":[]}").status());
        }
        assertEquals(new BigDecimal("96"), balancer.quantity(lot), "100 - 3 with the new reason - 1");
    }

    @Test
    @Order(5)
    void userChangesApplyOnEveryInstance() {
        Api staff = DIRECT.get(0).newUser("staff");
        Api onSecond = Api.user(SERVERS.get(1).url(), staff.userName(), passwordOf(staff));
        assertEquals(200, onSecond.get("/api/v1/lots").status(), "the new user signs in on the second server");

        String newPassword = "changed-" + UUID.randomUUID();
        Api.Response changed = DIRECT.get(2).post("/api/v1/users/" + staff.userName() + "/password",
                "{\"password\":\"" + newPassword + "\"}");
        assertTrue(changed.status() == 200 || changed.status() == 204, changed.status() + " " + changed.body());

        assertEquals(401, onSecond.get("/api/v1/lots").status(), "the old password fails at once on the second server");
        Api renewed = Api.user(SERVERS.get(1).url(), staff.userName(), newPassword);
        assertEquals(200, renewed.get("/api/v1/lots").status(), "the new password works on the second server");

        Api.Response disabled = DIRECT.get(0).put("/api/v1/users/" + staff.userName(), "{\"enabled\":false}");
        assertEquals(200, disabled.status(), disabled.body());
        assertEquals(401, renewed.get("/api/v1/lots").status(), "a disabled user is rejected at once on the second server");
    }

    private static String passwordOf(Api api) {
        String header = api.request("/").build().headers().firstValue("Authorization").orElseThrow();
        String decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        return decoded.substring(decoded.indexOf(':') + 1);
    }

    @Test
    @Order(6)
    void pluginInstalledOnOneInstanceWorksOnAll() {
        byte[] jar = PluginJars.read(ExampleJar.theft());
        String location = balancer.location();
        String sku = balancer.product("pcs");
        long lot = balancer.openLot(sku, "THEFT-1", location, "20", "2.00", null, null);
        for (Api server : DIRECT) {
            assertEquals(404, server.get(THEFT).status(), "theft is not installed yet on " + server.base());
        }

        Api.Response installed = DIRECT.get(0).uploadPlugin(ExampleJar.FILE_NAME, jar);
        assertEquals(201, installed.status(), installed.body());
        for (int i : new int[] {1, 2}) {
            Api server = DIRECT.get(i);
            awaitStatus(server, THEFT, 200, "the type installed through server 1, on server " + (i + 1));
            Api.Response theft = server.post("/api/v1/adjustments", "{\"type\":\"theft\",\"post\":true,"
                    + "\"fields\":{\"report\":\"PR-" + (i + 1) + "\"},\"lines\":[{\"lotId\":" + lot
                    + ",\"quantity\":3}]}");
            assertEquals(201, theft.status(), "theft posted through server " + (i + 1) + ": " + theft.body());
        }
        assertEquals(new BigDecimal("14"), balancer.quantity(lot), "20 less 3 through server 2 and 3 through server 3");
        assertEquals(new BigDecimal("28.00"), balancer.value(lot), "14 pieces at 2.00");
        assertEquals(3, balancer.ledger(lot).size(), "the opening and two theft entries");
        JsonObject onThird = DIRECT.get(2).get("/api/v1/plugins/" + ExampleJar.FILE_NAME).json();
        assertEquals(PluginJars.sha256(jar), onThird.getString("sha256"), "server 3 loaded the same jar: " + onThird);

        Api.Response uninstalled = DIRECT.get(2).delete("/api/v1/plugins/" + ExampleJar.FILE_NAME);
        assertEquals(200, uninstalled.status(), uninstalled.body());
        assertEquals(404, DIRECT.get(2).get(THEFT).status(), "gone at once on server 3, which uninstalled it");
        for (int i : new int[] {0, 1}) {
            awaitStatus(DIRECT.get(i), THEFT, 404, "the type uninstalled through server 3, on server " + (i + 1));
        }
        assertEquals(404, DIRECT.get(0).get("/api/v1/plugins/" + ExampleJar.FILE_NAME).status(),
                "server 1 no longer lists the jar");
    }

    /** Sends GET {@code path} until it returns {@code status}, for at most {@link #PLUGIN_SYNC_WAIT}. */
    private static void awaitStatus(Api server, String path, int status, String description) {
        Instant deadline = Instant.now().plus(PLUGIN_SYNC_WAIT);
        int last = server.get(path).status();
        while (last != status && Instant.now().isBefore(deadline)) {
            pause(200);
            last = server.get(path).status();
        }
        assertEquals(status, last, description + ": GET " + path + " within " + PLUGIN_SYNC_WAIT.toSeconds() + " s");
    }

    /** A document the server acknowledged, with its effect on each hot lot. */
    private record Acknowledged(String key, long documentId, Map<Long, BigDecimal> changes, Instant at) {
    }

    @Test
    @Order(7)
    void postingGoesOnWhenAnInstanceIsKilled() throws Exception {
        String location = balancer.location();
        String sku = balancer.product("pcs");
        List<Long> hotLots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            hotLots.add(balancer.openLot(sku, "HOT-" + i, location, HOT_LOT_START.toPlainString(), "1.00", null, null));
        }

        List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        Map<String, Integer> resends = new ConcurrentHashMap<>();
        Instant deadline = Instant.now().plus(LOAD);
        List<Api> targets = new ArrayList<>(List.of(balancer, balancer, balancer));
        targets.addAll(DIRECT);

        Instant killedAt;
        try (ExecutorService clients = Executors.newFixedThreadPool(targets.size())) {
            List<Future<?>> running = new ArrayList<>();
            for (Api target : targets) {
                running.add(clients.submit(() -> postUntil(deadline, target, hotLots, acknowledged, failures, resends)));
            }
            Thread.sleep(LOAD.toMillis() / 3);
            ScriptServer victim = SERVERS.get(1);
            LOG.info(() -> "Killing " + victim.url() + " (pid " + victim.process().pid() + ") with SIGKILL");
            victim.kill();
            killedAt = Instant.now();
            for (Future<?> client : running) {
                client.get();
            }
        }

        assertEquals(List.of(), failures, "no request failed for good");
        long afterKill = acknowledged.stream().filter(document -> document.at().isAfter(killedAt)).count();
        LOG.info(() -> acknowledged.size() + " documents acknowledged, " + afterKill + " after the kill, "
                + resends.size() + " resent");
        assertTrue(afterKill > 0, "documents were acknowledged after the kill");
        assertEquals(acknowledged.size(), acknowledged.stream().map(Acknowledged::documentId).distinct().count(),
                "every submission key got its own document");

        for (long lot : hotLots) {
            BigDecimal expected = HOT_LOT_START;
            int lines = 1;
            for (Acknowledged document : acknowledged) {
                BigDecimal change = document.changes().get(lot);
                if (change != null) {
                    expected = expected.add(change);
                    lines++;
                }
            }
            JsonObject state = balancer.lot(lot);
            assertEquals(expected, state.getJsonNumber("quantity").bigDecimalValue(), "quantity of lot " + lot);
            assertEquals(0, expected.compareTo(state.getJsonNumber("value").bigDecimalValue()),
                    "value of lot " + lot + " at 1.00 per piece: " + state);
            assertEquals(lines, balancer.ledger(lot).size(), "ledger entries of lot " + lot);
        }
        JsonObject verification = balancer.verification();
        assertTrue(verification.getBoolean("consistent"), verification.toString());
        for (int i : new int[] {0, 2}) {
            assertEquals(200, DIRECT.get(i).get("/api/v1/lots?limit=1").status(), "server " + (i + 1) + " still serves");
        }
    }

    @Test
    @Order(7)
    void webhookAttemptsArriveOnceAcrossServers() throws Exception {
        List<Api> targets = new ArrayList<>(liveServers());
        assertTrue(targets.size() >= 2, "at least two servers run: " + targets.size());
        targets.add(balancer);
        long lot = balancer.openLot(balancer.product("pcs"), "HOOK-1", balancer.location(), "1000", "1.00", null, null);
        receiver.reset();
        // Every first attempt fails, so each retry, scheduled in memory by the server that sent the
        // first attempt, competes with the sweeps of the other servers.
        receiver.failFirstRequests();
        long webhook = registerWebhook();
        try {
            int perClient = 8;
            List<Long> documents = new CopyOnWriteArrayList<>();
            try (ExecutorService clients = Executors.newFixedThreadPool(targets.size())) {
                List<Future<?>> running = new ArrayList<>();
                for (Api target : targets) {
                    running.add(clients.submit(() -> {
                        for (int i = 0; i < perClient; i++) {
                            Api.Response damage = target.damage(lot, "1", null);
                            assertEquals(201, damage.status(), target.base() + ": " + damage.body());
                            documents.add(damage.json().getJsonNumber("id").longValue());
                        }
                        return null;
                    }));
                }
                for (Future<?> client : running) {
                    client.get();
                }
            }

            Map<Long, JsonObject> delivered = waitUntilDelivered(webhook, documents);
            for (long document : documents) {
                JsonObject delivery = delivered.get(document);
                String event = delivery.getString("eventId");
                assertEquals(List.of(503, 204), answers(receiver.requestsOf(event)),
                        "the receiver's answers to event " + event + " of document " + document);
                assertEquals(2, delivery.getInt("attempts"), delivery.toString());
                assertEquals(JsonValue.NULL, delivery.get("claimedBy"), "no claim after the outcome: " + delivery);
            }
            assertEquals(2 * documents.size(), receiver.requests().size(), "requests in all");
        } finally {
            deleteWebhook(webhook);
        }
    }

    @Test
    @Order(8)
    void killedServersDeliveryGoesOnElsewhere() throws Exception {
        List<Api> live = liveServers();
        assertTrue(live.size() >= 2, "at least two servers run: " + live.size());
        long lot = balancer.openLot(balancer.product("pcs"), "HOOK-2", balancer.location(), "10", "1.00", null, null);
        receiver.reset();
        receiver.hold();
        long webhook = registerWebhook();
        try {
            Api.Response damage = live.get(0).damage(lot, "1", null);
            assertEquals(201, damage.status(), damage.body());
            long document = damage.json().getJsonNumber("id").longValue();
            WebhookReceiver.Request first = waitFor("the first attempt of document " + document, Duration.ofSeconds(30),
                    () -> receiver.requests().stream().filter(request -> request.documentId() == document).findFirst());

            // The receiver holds the attempt, so the claim stays with the server that sent it.
            JsonObject claimed = deliveryOf(webhook, document).orElseThrow();
            String holder = claimed.getString("claimedBy");
            Instant claimedUntil = Instant.parse(claimed.getString("claimedUntil"));
            ScriptServer victim = SERVERS.stream()
                    .filter(server -> server.process().isAlive() && holder.contains(":" + server.process().pid() + ":"))
                    .findFirst().orElseThrow(() -> new AssertionError("no running server has the instance id " + holder));
            LOG.info(() -> "Killing " + victim.url() + ", which holds the claim on " + claimed);
            victim.kill();

            JsonObject afterKill = deliveryOf(webhook, document).orElseThrow();
            assertEquals(holder, afterKill.getString("claimedBy", null), "the killed server's claim is left;"
                    + " if not, its attempt ended before the kill, within the timeout of " + WEBHOOK_TIMEOUT);
            assertEquals(0, afterKill.getInt("attempts"), afterKill.toString());
            receiver.release();

            JsonObject delivered = waitUntilDelivered(webhook, List.of(document)).get(document);
            List<WebhookReceiver.Request> requests = receiver.requestsOf(first.eventId());
            assertEquals(2, requests.size(), "the killed server's attempt and one more: " + requests);
            assertFalse(requests.get(1).arrivedAt().isBefore(claimedUntil),
                    "the second attempt waited for the claim to expire at " + claimedUntil + ": " + requests);
            assertEquals(204, requests.get(1).answered());
            assertEquals(1, delivered.getInt("attempts"), "the killed server never recorded its attempt: " + delivered);
            assertEquals(204, delivered.getInt("lastStatusCode"), delivered.toString());
            assertEquals(JsonValue.NULL, delivered.get("claimedBy"), delivered.toString());

            String takeOver = "Took over the expired claim of " + holder + " (until " + claimedUntil
                    + ") on webhook delivery " + delivered.getJsonNumber("id") + " of event " + first.eventId()
                    + " to webhook " + webhook;
            boolean logged = false;
            for (ScriptServer server : SERVERS) {
                logged |= server != victim && Files.readString(server.log()).contains(takeOver);
            }
            assertTrue(logged, "a running server logged: " + takeOver);
        } finally {
            receiver.release();
            deleteWebhook(webhook);
        }
    }

    @Test
    @Order(9)
    void restartedServersResumePendingDeliveriesOnce() throws Exception {
        long lot = balancer.openLot(balancer.product("pcs"), "HOOK-3", balancer.location(), "100", "1.00", null, null);
        receiver.reset();
        receiver.answer(503);
        long webhook = registerWebhook();
        try {
            List<Long> documents = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Api.Response damage = balancer.damage(lot, "1", null);
                assertEquals(201, damage.status(), damage.body());
                documents.add(damage.json().getJsonNumber("id").longValue());
            }
            waitFor("a failed attempt of every delivery", DELIVERY_WAIT, () -> {
                List<JsonObject> deliveries = deliveries(webhook);
                boolean allTried = deliveries.size() == documents.size()
                        && deliveries.stream().allMatch(delivery -> delivery.getInt("attempts") >= 1);
                return allTried ? Optional.of(true) : Optional.empty();
            });

            for (ScriptServer server : SERVERS) {
                server.stop();
            }
            int beforeRestart = receiver.requests().size();
            receiver.answer(204);
            // All three start at once, and each one's first sweep finds the same pending deliveries.
            startAll(SERVERS);

            Map<Long, JsonObject> delivered = waitUntilDelivered(webhook, documents);
            List<WebhookReceiver.Request> all = receiver.requests();
            List<WebhookReceiver.Request> afterRestart = all.subList(beforeRestart, all.size());
            for (long document : documents) {
                String event = delivered.get(document).getString("eventId");
                List<WebhookReceiver.Request> resumed = afterRestart.stream()
                        .filter(request -> request.eventId().equals(event)).toList();
                assertEquals(List.of(204), answers(resumed), "requests for event " + event + " after the restart");
                assertEquals(JsonValue.NULL, delivered.get(document).get("claimedBy"), delivered.get(document).toString());
            }
            assertEquals(documents.size(), afterRestart.size(), "requests after the restart: " + afterRestart);
        } finally {
            deleteWebhook(webhook);
        }
    }

    private static List<Api> liveServers() {
        List<Api> live = new ArrayList<>();
        for (int i = 0; i < SERVERS.size(); i++) {
            if (SERVERS.get(i).process().isAlive()) {
                live.add(DIRECT.get(i));
            }
        }
        return live;
    }

    private static long registerWebhook() {
        Api.Response registered = balancer.post("/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:" + RECEIVER_PORT + "/hook\"}");
        assertEquals(201, registered.status(), registered.body());
        return registered.json().getJsonNumber("id").longValue();
    }

    /** Deletes the webhook, so that no later test gets its deliveries. */
    private static void deleteWebhook(long webhook) {
        Api.Response deleted = balancer.delete("/api/v1/webhooks/" + webhook);
        assertEquals(204, deleted.status(), deleted.body());
    }

    private static List<JsonObject> deliveries(long webhook) {
        Api.Response response = balancer.get("/api/v1/webhooks/" + webhook + "/deliveries?limit=500");
        assertEquals(200, response.status(), response.body());
        return response.array().stream().map(JsonValue::asJsonObject).toList();
    }

    private static Optional<JsonObject> deliveryOf(long webhook, long document) {
        return deliveries(webhook).stream().filter(delivery -> delivery.getJsonNumber("documentId").longValue() == document)
                .findFirst();
    }

    /** Waits until the webhook's deliveries of all the documents are DELIVERED and returns them by document id. */
    private static Map<Long, JsonObject> waitUntilDelivered(long webhook, List<Long> documents) throws InterruptedException {
        return waitFor("deliveries of documents " + documents, DELIVERY_WAIT, () -> {
            Map<Long, JsonObject> delivered = new HashMap<>();
            for (JsonObject delivery : deliveries(webhook)) {
                if (delivery.getString("status").equals("DELIVERED")) {
                    delivered.put(delivery.getJsonNumber("documentId").longValue(), delivery);
                }
            }
            return delivered.keySet().containsAll(documents) ? Optional.of(delivered) : Optional.empty();
        });
    }

    private static List<Integer> answers(List<WebhookReceiver.Request> requests) {
        return requests.stream().map(WebhookReceiver.Request::answered).toList();
    }

    private static <T> T waitFor(String what, Duration timeout, Supplier<Optional<T>> check) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> result = check.get();
            if (result.isPresent()) {
                return result.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }

    /**
     * Posts write-offs and transfers between the hot lots until the deadline. A request that fails
     * with an I/O error or a 5xx status is resent with the same Idempotency-Key through the
     * balancer, as a client of a load-balanced service does, until it is acknowledged.
     */
    private static void postUntil(Instant deadline, Api target, List<Long> hotLots, List<Acknowledged> acknowledged,
                                  List<String> failures, Map<String, Integer> resends) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Api current = target;
        while (Instant.now().isBefore(deadline) && failures.isEmpty()) {
            long from = hotLots.get(random.nextInt(hotLots.size()));
            Map<Long, BigDecimal> changes = new HashMap<>();
            String body;
            if (random.nextInt(10) < 7) {
                BigDecimal quantity = BigDecimal.valueOf(random.nextInt(1, 4));
                changes.put(from, quantity.negate());
                body = "{\"type\":\"damage\",\"post\":true,\"lines\":[{\"lotId\":" + from + ",\"quantity\":\"" + quantity
                        + "\",\"fields\":{\"reason\":\"BROKEN\"}}]}";
            } else {
                long to = hotLots.get((hotLots.indexOf(from) + random.nextInt(1, hotLots.size())) % hotLots.size());
                BigDecimal quantity = BigDecimal.valueOf(random.nextInt(1, 6));
                changes.put(from, quantity.negate());
                changes.put(to, quantity);
                body = "{\"type\":\"transfer\",\"post\":true,\"lines\":[{\"lotId\":" + from + ",\"quantity\":\"" + quantity
                        + "\",\"fields\":{\"toLotId\":\"" + to + "\"}}]}";
            }
            String key = "cluster-" + UUID.randomUUID();
            Api.Response response = null;
            for (int attempt = 0; attempt < 60 && response == null; attempt++) {
                Api via = attempt == 0 ? current : balancer;
                try {
                    Api.Response answer = via.post("/api/v1/adjustments", body, key);
                    if (answer.status() >= 500 || isLockTimeout(answer)) {
                        resends.merge(key, 1, Integer::sum);
                        pause();
                        continue;
                    }
                    response = answer;
                } catch (UncheckedIOException e) {
                    // The server behind this client died, so from now on this client posts through the balancer.
                    current = balancer;
                    resends.merge(key, 1, Integer::sum);
                    pause();
                }
            }
            if (response == null) {
                failures.add("no answer after 60 attempts for " + key + ": " + body);
                return;
            }
            if (response.status() != 201 && response.status() != 200) {
                failures.add(response.status() + " for " + key + ": " + response.body());
                return;
            }
            assertNotNull(response.json());
            acknowledged.add(new Acknowledged(key, response.json().getJsonNumber("id").longValue(), changes, Instant.now()));
        }
    }

    /**
     * Returns true for the 409 that asks the client to send the request again because other
     * postings held the same lots longer than the lock timeout; nothing was posted.
     */
    private static boolean isLockTimeout(Api.Response answer) {
        if (answer.status() != 409) {
            return false;
        }
        JsonObject problem = answer.json();
        return "conflict".equals(problem.getString("code", ""))
                && "lines".equals(problem.getJsonArray("problems").getJsonObject(0).getString("field", ""));
    }

    private static void pause() {
        pause(500);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
