package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A third-party adjustment type goes from source to posted document: the example project under
 * {@code adjustment-types/examples/theft} is built with Maven against the published SPI and
 * testkit (running its own tests), its jar is added to a running server without a restart,
 * a document of the new type is posted through the API, and the type is disabled and removed
 * again while the posted document stays readable.
 */
class ThirdPartyTypeIT {

    static final Path EXAMPLE = ScriptServer.REPOSITORY.resolve("adjustment-types/examples/theft");
    static final Path EXPLODED_WAR = ScriptServer.REPOSITORY.resolve("modules/web/target/lotkeeper");
    static final Path INSTALLED_JAR = EXPLODED_WAR.resolve("WEB-INF/lib/theft-adjustment-type-1.0.0.jar");

    ScriptServer server;

    @AfterEach
    void cleanUp() throws Exception {
        if (Files.deleteIfExists(INSTALLED_JAR) && server != null) {
            reload();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void exampleTypeGoesFromJarToPostedDocument() throws Exception {
        Path jar = buildExample();

        server = new ScriptServer("third-party");
        server.start();
        Api api = Api.admin(server.url());
        assertEquals(404, api.get("/api/v1/adjustment-types/theft").status(), "not installed yet");
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "T1", location, "5", "80.00", null, null);

        Files.copy(jar, INSTALLED_JAR, StandardCopyOption.REPLACE_EXISTING);
        reload();
        waitFor(() -> api.get("/api/v1/adjustment-types/theft").status() == 200, "the theft type to appear");
        assertEquals("enabled", api.get("/api/v1/adjustment-types/theft").json().getString("status"));

        Api.Response theft = api.post("/api/v1/adjustments", "{\"type\":\"theft\",\"post\":true,"
                + "\"fields\":{\"report\":\"PR-77\"},\"lines\":[{\"lotId\":" + lot + ",\"quantity\":2}]}");
        assertEquals(201, theft.status(), theft.body());
        long documentId = theft.json().getJsonNumber("id").longValue();
        assertEquals(0, new BigDecimal("3").compareTo(api.quantity(lot)));
        assertEquals(new BigDecimal("240.00"), api.value(lot));
        assertEquals("THEFT", api.ledger(lot).getJsonObject(1).getString("reasonCode"));

        Api.Response missingReport = api.post("/api/v1/adjustments", "{\"type\":\"theft\",\"post\":true,"
                + "\"lines\":[{\"lotId\":" + lot + ",\"quantity\":1}]}");
        assertEquals(422, missingReport.status(), missingReport.body());
        assertTrue(missingReport.body().contains("fields.report"), missingReport.body());

        assertEquals(200, api.put("/api/v1/adjustment-types/theft/settings", "{\"enabled\":false}").status());
        Api.Response disabled = api.post("/api/v1/adjustments", "{\"type\":\"theft\",\"post\":true,"
                + "\"fields\":{\"report\":\"PR-78\"},\"lines\":[{\"lotId\":" + lot + ",\"quantity\":1}]}");
        assertEquals(422, disabled.status(), disabled.body());
        assertTrue(disabled.body().contains("is disabled"), disabled.body());
        assertEquals(200, api.get("/api/v1/adjustments/" + documentId).status(), "its documents stay readable");
        assertEquals(0, new BigDecimal("3").compareTo(api.quantity(lot)), "nothing posted while disabled");

        Files.delete(INSTALLED_JAR);
        reload();
        waitFor(() -> api.get("/api/v1/adjustment-types/theft").status() == 404, "the theft type to disappear");
        assertEquals("POSTED", api.get("/api/v1/adjustments/" + documentId).json().getString("status"),
                "a document of an uninstalled type stays readable");
        assertTrue(api.verification().getBoolean("consistent"));
    }

    /** Builds the example project with Maven, after installing the SPI and testkit it depends on. */
    private static Path buildExample() throws IOException, InterruptedException {
        maven(ScriptServer.REPOSITORY, "-q", "-N", "install");
        maven(ScriptServer.REPOSITORY, "-q", "install", "-DskipTests", "-pl", "modules/api,modules/testkit");
        maven(EXAMPLE, "-q", "verify");
        Path jar = EXAMPLE.resolve("target/theft-adjustment-type-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "the example build produced " + jar);
        return jar;
    }

    private static void maven(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("mvn", "-B"));
        command.addAll(List.of(arguments));
        File log = new File("target/third-party-maven.log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "maven " + command + " finished in time");
        assertEquals(0, process.exitValue(), "maven " + command + " failed; see " + log);
    }

    private void reload() throws IOException, InterruptedException {
        Path marker = EXPLODED_WAR.resolve(".reload");
        Files.writeString(marker, Instant.now().toString());
        // The redeployment starts within seconds; wait for it, then for the application to be back.
        Thread.sleep(Duration.ofSeconds(6).toMillis());
        server.waitUntilHealthy();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // The application is redeploying.
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
