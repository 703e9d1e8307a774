package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The screens seen over plain HTTP, as a browser without JavaScript sees them: a cookie jar for
 * the session, pages fetched without following redirects, and forms submitted with their hidden
 * fields (such as {@code jakarta.faces.ViewState}), some values and the button pressed. Tests use
 * it to check each role's pages and to forge requests that a browser would never send.
 */
public final class FormSession {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)/?>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:.-]+)\\s*=\\s*\"([^\"]*)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    private FormSession(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Returns a session that has not signed in. */
    public static FormSession anonymous(URI base) {
        return new FormSession(base);
    }

    /** Signs in on the login page with the login form, as a user does. */
    public static FormSession signIn(URI base, String user, String password) {
        FormSession session = new FormSession(base);
        Page login = session.get("login.xhtml");
        assertEquals(200, login.status(), "the login page");
        Page signedIn = session.submit(login, "login", Map.of("login:userName", user, "login:password", password),
                "login:signIn");
        assertEquals(302, signedIn.status(), "sign-in of " + user + " redirects: " + signedIn.body());
        assertTrue(!signedIn.location().contains("login.xhtml"), "sign-in of " + user + " succeeded: " + signedIn.location());
        return session;
    }

    /** Returns whether the session has a session cookie. */
    public boolean hasSession() {
        return cookies.getCookieStore().getCookies().stream().anyMatch(cookie -> cookie.getName().equals("JSESSIONID"));
    }

    /**
     * A page as the server sent it.
     *
     * @param status   the HTTP status
     * @param body     the response body
     * @param location the {@code Location} header, empty when there is none
     */
    public record Page(int status, String body, String location) {

        /** Returns the {@code jakarta.faces.ViewState} of the page's first form, or {@code null}. */
        public String viewState() {
            Matcher matcher = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(body);
            return matcher.find() ? unescape(matcher.group(1)) : null;
        }

        /** Returns whether the page has an element with this id. */
        public boolean has(String id) {
            return body.contains("id=\"" + id + "\"");
        }

        /** Returns the action and the named inputs with their values of the form with this id. */
        Form form(String formId) {
            Matcher forms = FORM.matcher(body);
            while (forms.find()) {
                Map<String, String> attributes = attributes(forms.group(1));
                if (!formId.equals(attributes.get("id"))) {
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                Matcher inputs = INPUT.matcher(forms.group(2));
                while (inputs.find()) {
                    Map<String, String> input = attributes(inputs.group(1));
                    String type = input.getOrDefault("type", "text");
                    if (input.containsKey("name") && !type.equals("submit") && !type.equals("checkbox")
                            && !type.equals("file")) {
                        fields.put(input.get("name"), input.getOrDefault("value", ""));
                    }
                }
                return new Form(attributes.get("action"), fields);
            }
            throw new AssertionError("No form " + formId + " on the page:\n" + body);
        }
    }

    /** A form's action and fields. */
    record Form(String action, Map<String, String> fields) {
    }

    public Page get(String path) {
        return send(request(path).GET());
    }

    /** Posts form fields to a path, with extra request headers such as {@code Origin}. */
    public Page post(String path, Map<String, String> fields, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        headers.forEach(builder::header);
        return send(builder);
    }

    /**
     * Submits a form of {@code page} as a browser does: its hidden and text fields, overwritten and
     * extended by {@code values}, and the {@code button} pressed (unless {@code null}).
     */
    public Page submit(Page page, String formId, Map<String, String> values, String button) {
        return submit(page, formId, values, button, Map.of());
    }

    /** Submits a form with extra request headers. */
    public Page submit(Page page, String formId, Map<String, String> values, String button, Map<String, String> headers) {
        Form form = page.form(formId);
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.putAll(values);
        if (button != null) {
            fields.put(button, button);
        }
        return post(actionPath(form.action()), fields, headers);
    }

    /** Returns the fields a form of the page would send, for requests a test builds itself. */
    public static Map<String, String> fields(Page page, String formId) {
        return new LinkedHashMap<>(page.form(formId).fields());
    }

    /** Returns the path of a form action relative to the application root. */
    public String actionPath(String action) {
        String path = unescape(action);
        String root = base.getPath();
        return path.startsWith(root) ? path.substring(root.length()) : path;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60));
    }

    private Page send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(text);
        while (matcher.find()) {
            attributes.put(matcher.group(1), unescape(matcher.group(2)));
        }
        return attributes;
    }

    private static String unescape(String text) {
        return text.replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#39;", "'");
    }
}
