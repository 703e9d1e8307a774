package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starts the application the way a user does, with {@code deploy/run}, and checks that it
 * serves health and OpenAPI, listens on loopback only, and keeps its data across a restart.
 */
class RunScriptIT {

    ScriptServer server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void runScriptServesLoopbackAndKeepsDataAcrossRestart() throws Exception {
        server = new ScriptServer("run-script");
        server.start();
        assertLoopbackOnly(server.process().pid());
        Api anonymous = Api.anonymous(server.url());
        assertTrue(anonymous.get("/openapi").body().contains("/api/v1/adjustments"), "OpenAPI lists the adjustments API");

        Api api = Api.admin(server.url());
        String location = api.location();
        String sku = api.product("pcs");
        long lot = api.openLot(sku, "R1", location, "12", "1.25", null, null);
        assertEquals(201, api.damage(lot, "2", null).status());

        server.stop();
        assertFalse(server.process().isAlive(), "the server stops on SIGTERM");

        server.start();
        assertEquals(0, BigDecimal.TEN.compareTo(api.quantity(lot)), "quantity after the restart");
        assertEquals(new BigDecimal("12.50"), api.value(lot), "value after the restart");
        assertEquals(2, api.ledger(lot).size(), "ledger entries after the restart");
        assertTrue(api.verification().getBoolean("consistent"));
    }

    /** Checks with {@code ss} that every TCP socket the server listens on is bound to 127.0.0.1. */
    private static void assertLoopbackOnly(long pid) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor();
        List<String> ours = output.lines().filter(line -> line.contains("pid=" + pid + ",")).toList();
        assertFalse(ours.isEmpty(), "ss shows the server's listening sockets: " + output);
        for (String line : ours) {
            String local = line.trim().split("\\s+")[3];
            assertTrue(local.startsWith("127.0.0.1:"), "listening beyond loopback: " + line);
        }
    }
}
