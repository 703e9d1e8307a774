package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A third-party adjustment type goes from source to posted document on a server started with
 * {@code deploy/run}: the example project under {@code adjustment-types/examples/theft} is built
 * with Maven against the published SPI and testkit ({@link ExampleJar}), its jar is uploaded
 * through the API and usable at once, it stays installed across a restart, and a broken jar put
 * into the plugins folder fails the start-up import and shows as failed without stopping the
 * application. The type is then disabled
 * and uninstalled while its posted document stays readable. Last, a jar left in the plugins folder
 * by a server from before the database stored plugins is imported at start-up.
 */
class ThirdPartyTypeIT {

    private static final String THEFT = "/api/v1/adjustment-types/theft";

    ScriptServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void exampleTypeIsInstalledByUploadAndSurvivesRestart() throws Exception {
        byte[] jar = PluginJars.read(ExampleJar.theft());

        server = new ScriptServer("third-party");
        server.start();
        Api api = Api.admin(server.url());
        assertEquals(404, api.get(THEFT).status(), "not installed yet");
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "T1", location, "5", "80.00", null, null);

        Api.Response installed = api.uploadPlugin(ExampleJar.FILE_NAME, jar);
        assertEquals(201, installed.status(), installed.body());
        assertEquals(PluginJars.sha256(jar), installed.json().getString("sha256"), "checksum of the stored jar");
        Path plugins = server.data().resolve("plugins");
        Path cached = plugins.resolve("cache").resolve(PluginJars.sha256(jar)).resolve(ExampleJar.FILE_NAME);
        assertTrue(Files.isRegularFile(cached), "the server loads a copy in the plugins folder's cache");
        assertEquals("enabled", api.get(THEFT).json().getString("status"), "usable at once, without a reload");

        long documentId = postTheft(api, lot, "PR-77", 2);
        assertEquals(0, new BigDecimal("3").compareTo(api.quantity(lot)));
        assertEquals(new BigDecimal("240.00"), api.value(lot));
        assertEquals("THEFT", api.ledger(lot).getJsonObject(1).getString("reasonCode"));

        Api.Response missingReport = api.post("/api/v1/adjustments", "{\"type\":\"theft\",\"post\":true,"
                + "\"lines\":[{\"lotId\":" + lot + ",\"quantity\":1}]}");
        assertEquals(422, missingReport.status(), missingReport.body());
        assertTrue(missingReport.body().contains("fields.report"), missingReport.body());

        // A jar that is not a jar, put into the plugins folder by hand, must not keep the server from starting.
        Files.writeString(plugins.resolve("broken.jar"), "not a jar\n");
        server.stop();
        server.start();

        assertEquals("enabled", api.get(THEFT).json().getString("status"), "still installed after the restart");
        postTheft(api, lot, "PR-78", 1);
        JsonObject broken = api.get("/api/v1/plugins/broken.jar").json();
        assertEquals("failed", broken.getJsonArray("types").getJsonObject(0).getString("status"), broken.toString());
        assertTrue(broken.getJsonArray("types").getJsonObject(0).getString("failure")
                .contains("broken.jar is not a usable jar"), broken.toString());
        assertEquals(200, api.get("/api/v1/adjustment-types/damage").status(), "the other types work");

        assertEquals(200, api.put(THEFT + "/settings", "{\"enabled\":false}").status());
        Api.Response disabled = api.post("/api/v1/adjustments", "{\"type\":\"theft\",\"post\":true,"
                + "\"fields\":{\"report\":\"PR-79\"},\"lines\":[{\"lotId\":" + lot + ",\"quantity\":1}]}");
        assertEquals(422, disabled.status(), disabled.body());
        assertTrue(disabled.body().contains("is disabled"), disabled.body());

        for (String fileName : List.of(ExampleJar.FILE_NAME, "broken.jar")) {
            Api.Response uninstalled = api.delete("/api/v1/plugins/" + fileName);
            assertEquals(200, uninstalled.status(), uninstalled.body());
        }
        assertEquals(404, api.get(THEFT).status(), "gone at once, without a reload");
        assertFalse(Files.exists(cached), "the server's copy of the jar is deleted");
        assertFalse(Files.exists(plugins.resolve("broken.jar")), "the broken jar is deleted");
        assertEquals("POSTED", api.get("/api/v1/adjustments/" + documentId).json().getString("status"),
                "a document of an uninstalled type stays readable");
        assertEquals(0, new BigDecimal("2").compareTo(api.quantity(lot)), "nothing posted while disabled");
        assertTrue(api.verification().getBoolean("consistent"));

        // A server from before the database stored plugins kept installed jars in its plugins folder.
        server.stop();
        Files.write(plugins.resolve(ExampleJar.FILE_NAME), jar);
        server.start();

        assertEquals("disabled", api.get(THEFT).json().getString("status"), "imported at start, with its setting");
        assertFalse(Files.exists(plugins.resolve(ExampleJar.FILE_NAME)), "moved out of the folder, so it is imported once");
        assertTrue(Files.isRegularFile(cached), "the server loads the copy in its cache");
        JsonObject imported = api.get("/api/v1/audit?action=plugin.import&limit=10").array().getJsonObject(0);
        assertEquals(ExampleJar.FILE_NAME, imported.getString("target"), imported.toString());
        assertEquals("system", imported.getString("userName"), imported.toString());
        assertEquals("success", imported.getString("outcome"), imported.toString());
        assertTrue(imported.getString("detail").contains("sha256=" + PluginJars.sha256(jar)), imported.toString());
    }

    private static long postTheft(Api api, long lot, String report, int quantity) {
        Api.Response theft = api.post("/api/v1/adjustments", "{\"type\":\"theft\",\"post\":true,"
                + "\"fields\":{\"report\":\"" + report + "\"},\"lines\":[{\"lotId\":" + lot + ",\"quantity\":"
                + quantity + "}]}");
        assertEquals(201, theft.status(), theft.body());
        return theft.json().getJsonNumber("id").longValue();
    }
}
