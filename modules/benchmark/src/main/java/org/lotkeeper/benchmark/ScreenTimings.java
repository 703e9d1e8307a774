package org.lotkeeper.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;

/**
 * Times the server response of every staff screen on a running Lotkeeper, after loading the
 * InvenTree demo data and a number of generated lots through the REST API. A response time is
 * the time from sending the request to receiving the whole page, measured by a client on the
 * same machine. It leaves out the time a browser takes to render the page.
 *
 * <p>Usage: {@code ScreenTimings --base http://127.0.0.1:8090/ --password PW [--demo DIR]
 * [--lots 100000] [--runs 5]}. The server must be started separately with {@code deploy/run}.
 */
public final class ScreenTimings {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    /** Lines per generated opening document; the API accepts at most 20,000. */
    private static final int LINES_PER_DOCUMENT = 5_000;

    /** Products the generated lots are spread over. */
    private static final int GENERATED_PRODUCTS = 100;

    private final URI base;
    private final String password;
    private final ApiClient api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private String sessionCookie;

    private ScreenTimings(URI base, String password) {
        this.base = base;
        this.password = password;
        this.api = new ApiClient(base, "admin", password);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI base = URI.create(options.getOrDefault("--base", "http://127.0.0.1:8080/"));
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalArgumentException("--base must be a loopback address, not " + base);
        }
        String password = options.get("--password");
        if (password == null) {
            throw new IllegalArgumentException("--password is missing: give the admin password of the server");
        }
        ScreenTimings timings = new ScreenTimings(base, password);
        if (options.containsKey("--demo")) {
            timings.importDemo(Path.of(options.get("--demo")));
        }
        int lots = Integer.parseInt(options.getOrDefault("--lots", "0"));
        if (lots > 0) {
            timings.generateLots(lots);
        }
        timings.signIn();
        timings.timeScreens(Integer.parseInt(options.getOrDefault("--runs", "5")));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!Arrays.asList("--base", "--password", "--demo", "--lots", "--runs").contains(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; use --base URL, --password PW, --demo DIR, --lots N, --runs N");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    /** Imports the demo files as the README shows; a file imported before posts nothing again. */
    private void importDemo(Path directory) throws IOException {
        String[][] files = {{"locations", "mode=commit"}, {"products", "mode=commit"}, {"boms", "mode=commit"},
                {"opening-stock", "mode=commit-valid&defaultLocation=LOC-01&costPolicy=product-average"}};
        for (String[] file : files) {
            String csv = Files.readString(directory.resolve(file[0] + ".csv"));
            long start = System.nanoTime();
            HttpRequest request = authorized("api/v1/imports/" + file[0] + "?" + file[1])
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build();
            HttpResponse<String> response = send(request);
            System.out.printf(Locale.ROOT, "import %s: HTTP %d in %d ms%n", file[0], response.statusCode(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Creates {@code count} lots in opening documents of {@link #LINES_PER_DOCUMENT} lines, spread
     * over generated products and the first location. A tenth of them has expired, half expires
     * within two years, and the rest never expires.
     */
    private void generateLots(int count) {
        String location = api.get("api/v1/locations").json(JsonArray.class).getJsonObject(0).getString("code");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        for (int p = 0; p < GENERATED_PRODUCTS; p++) {
            String body = Json.createObjectBuilder().add("sku", sku(run, p)).add("name", "Generated " + p)
                    .add("unit", "pcs").build().toString();
            ApiClient.Response response = api.post("api/v1/products", body, null);
            check(response, 201, "product " + sku(run, p));
        }
        LocalDate today = LocalDate.now();
        long start = System.nanoTime();
        for (int first = 0; first < count; first += LINES_PER_DOCUMENT) {
            JsonArrayBuilder lines = Json.createArrayBuilder();
            for (int i = first; i < Math.min(count, first + LINES_PER_DOCUMENT); i++) {
                var newLot = Json.createObjectBuilder().add("product", sku(run, i % GENERATED_PRODUCTS))
                        .add("code", "G" + i).add("location", location);
                if (i % 10 == 0) {
                    newLot.add("expiry", today.minusDays(1 + i % 300).toString());
                } else if (i % 10 < 6) {
                    newLot.add("expiry", today.plusDays(1 + i % 730).toString());
                }
                lines.add(Json.createObjectBuilder().add("newLot", newLot).add("quantity", 1 + i % 50)
                        .add("unitCost", "1.25"));
            }
            String body = Json.createObjectBuilder().add("type", "opening").add("post", true).add("lines", lines)
                    .build().toString();
            check(api.post("api/v1/adjustments", body, "screen-timings-" + run + "-" + first), 201,
                    "opening document from lot " + first);
        }
        System.out.printf(Locale.ROOT, "generated %d lots in %d s%n", count, (System.nanoTime() - start) / 1_000_000_000);
    }

    private static String sku(String run, int index) {
        return String.format(Locale.ROOT, "GEN-%s-%03d", run, index);
    }

    private static void check(ApiClient.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " failed: HTTP " + response.status() + " " + response.body());
        }
    }

    /** Signs in through the login form, as a browser does, and keeps the session cookie. */
    private void signIn() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("login.xhtml")).GET().build());
        sessionCookie = cookie(page);
        String form = "login=login&login%3AuserName=admin&login%3Apassword=" + encode(password)
                + "&login%3AsignIn=&jakarta.faces.ViewState=" + encode(viewState(page.body()));
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", sessionCookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.headers().firstValue("Set-Cookie").isPresent()) {
            sessionCookie = cookie(response);
        }
        if (response.statusCode() != 302) {
            throw new IllegalStateException("Sign-in failed: HTTP " + response.statusCode());
        }
    }

    /** Requests every screen once to warm it up, then {@code runs} times, and prints the times. */
    private void timeScreens(int runs) {
        long lot = api.get("api/v1/lots?limit=1").json(JsonArray.class).getJsonObject(0).getJsonNumber("id").longValue();
        JsonArray documents = api.get("api/v1/adjustments?limit=1").json(JsonArray.class);
        long document = documents.isEmpty() ? 1 : documents.getJsonObject(0).getJsonNumber("id").longValue();
        List<String> pages = List.of("index.xhtml", "lots.xhtml", "lot.xhtml?id=" + lot, "expiry.xhtml",
                "expiry.xhtml?days=3650", "adjustments.xhtml", "adjustment.xhtml?id=" + document,
                "newAdjustment.xhtml", "newAdjustment.xhtml?type=damage", "build.xhtml", "stocktake.xhtml",
                "import.xhtml", "admin/plugins.xhtml", "admin/users.xhtml", "admin/audit.xhtml");
        System.out.println("| screen | status | median ms | max ms |");
        System.out.println("| --- | --- | --- | --- |");
        for (String page : pages) {
            get(page);
            List<Long> times = new ArrayList<>();
            int status = 0;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                status = get(page).statusCode();
                times.add((System.nanoTime() - start) / 1_000_000);
            }
            print("`" + page + "`", status, times);
        }
        String product = api.get("api/v1/lots?limit=1").json(JsonArray.class).getJsonObject(0).getString("product");
        timeLotTable(runs, product);
    }

    /**
     * Times the lot list's ajax requests that page, filter and sort on the database: the 2,000th
     * page, a product filter, and sorting every lot with stock by product, as PrimeFaces' data
     * table sends them.
     */
    private void timeLotTable(int runs, String productSku) {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("lots.xhtml: page 2,000 of 25 rows", "lotsForm:lots_pagination=true&lotsForm:lots_first=49975"
                + "&lotsForm:lots_rows=25&lotsForm:lots_skipChildren=true&lotsForm:lots_encodeFeature=true"
                + "&jakarta.faces.behavior.event=page&jakarta.faces.partial.event=page");
        requests.put("lots.xhtml: filter by product", "lotsForm:lots_filtering=true&lotsForm:lots_encodeFeature=true"
                + "&lotsForm:lots%3Aproduct%3Afilter=" + encode(productSku)
                + "&jakarta.faces.behavior.event=filter&jakarta.faces.partial.event=filter");
        requests.put("lots.xhtml: sort by product", "lotsForm:lots_sorting=true&lotsForm:lots_skipChildren=true"
                + "&lotsForm:lots_encodeFeature=true&lotsForm:lots_sortKey=lotsForm%3Alots%3Aproduct"
                + "&lotsForm:lots_sortDir=1&jakarta.faces.behavior.event=sort&jakarta.faces.partial.event=sort");
        for (Map.Entry<String, String> request : requests.entrySet()) {
            // A new view for each kind of request, so that the sort does not run on the filtered list.
            String viewState = viewState(get("lots.xhtml").body());
            String form = "jakarta.faces.partial.ajax=true&jakarta.faces.source=lotsForm%3Alots"
                    + "&jakarta.faces.partial.execute=lotsForm%3Alots&jakarta.faces.partial.render=lotsForm%3Alots"
                    + "&lotsForm=lotsForm&" + request.getValue().replace(":", "%3A")
                    + "&jakarta.faces.ViewState=" + encode(viewState);
            ajax(form);
            List<Long> times = new ArrayList<>();
            int status = 0;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                HttpResponse<String> response = ajax(form);
                times.add((System.nanoTime() - start) / 1_000_000);
                status = response.body().contains("<error>") ? 500 : response.statusCode();
            }
            print(request.getKey(), status, times);
        }
    }

    private HttpResponse<String> ajax(String form) {
        return send(HttpRequest.newBuilder(base.resolve("lots.xhtml")).header("Cookie", sessionCookie)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Faces-Request", "partial/ajax")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static void print(String name, int status, List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d |%n", name, status, sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
    }

    private HttpResponse<String> get(String page) {
        return send(HttpRequest.newBuilder(base.resolve(page)).header("Cookie", sessionCookie).GET().build());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP request to " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + request.uri(), e);
        }
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("The server set no session cookie"));
    }

    private static String viewState(String html) {
        Matcher matcher = VIEW_STATE.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("The login page has no view state");
        }
        return matcher.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
