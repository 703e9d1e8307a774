package org.lotkeeper.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URL;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotkeeper.web.it.misbehaving.ThrowingType;

/**
 * Adjustment types that break the SPI are contained: each failure is reported against that
 * type, nothing is posted, and the other types keep working.
 */
@ExtendWith(ArquillianExtension.class)
class MisbehavingTypesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        JavaArchive plugins = ShrinkWrap.create(JavaArchive.class, "misbehaving-types.jar")
                .addPackage(ThrowingType.class.getPackage())
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                        + " version=\"4.1\" bean-discovery-mode=\"annotated\"/>"), "beans.xml");
        return Deployments.application().addAsLibrary(plugins);
    }

    @ArquillianResource
    URL url;

    Api api;
    long lot;
    long other;

    @BeforeEach
    void setUp() {
        api = Api.admin(url);
        String location = api.location();
        String sku = api.product("pcs");
        lot = api.openLot(sku, "M1", location, "10", "1.00", null, null);
        other = api.openLot(sku, "M2", location, "10", "1.00", null, null);
    }

    @Test
    void throwingTypeIsReportedAndPostsNothing() {
        Api.Response response = post("test-throwing", "{}");
        assertEquals(500, response.status(), response.body());
        assertTrue(response.body().contains("Adjustment type 'test-throwing' failed"), response.body());
        assertUnchanged();
    }

    @Test
    void typePostingToLotsNotAskedAboutIsRejected() {
        Api.Response response = post("test-stray-lot", "{\"other\":\"" + other + "\"}");
        assertEquals(500, response.status(), response.body());
        assertTrue(response.body().contains("which the request does not name"), response.body());
        assertUnchanged();
    }

    @Test
    void typeProposingForbiddenSignIsRejected() {
        Api.Response response = post("test-wrong-sign", "{}");
        assertEquals(500, response.status(), response.body());
        assertTrue(response.body().contains("may only post [NEGATIVE] lines"), response.body());
        assertUnchanged();
    }

    @Test
    void typeReturningNullIsReported() {
        Api.Response response = post("test-null", "{}");
        assertEquals(500, response.status(), response.body());
        assertTrue(response.body().contains("returned no proposal"), response.body());
        assertUnchanged();
    }

    @Test
    void incompatibleAndDuplicateTypesAreListedAsFailedAndNeverCalled() {
        JsonObject future = api.get("/api/v1/adjustment-types/test-future-spi").json();
        assertEquals("failed", future.getString("status"));
        assertTrue(future.getString("failure").contains("SPI version 99"), future.toString());
        Api.Response refused = post("test-future-spi", "{}");
        assertEquals(500, refused.status(), refused.body());
        assertTrue(refused.body().contains("failed to load"), refused.body());

        boolean duplicateListed = api.get("/api/v1/adjustment-types").array().stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(type -> type.getString("status").equals("failed")
                        && type.getString("failure", "").startsWith("Duplicate type id 'damage'"));
        assertTrue(duplicateListed, "the impostor damage type is listed as failed");
        assertEquals(201, api.damage(lot, "1", null).status(), "the built-in damage type still works");
        assertEquals(0, new BigDecimal("9").compareTo(api.quantity(lot)));
    }

    @Test
    void postingsAndReversalsRaiseEventsAfterCommit() {
        long damage = api.damage(lot, "1", null).json().getJsonNumber("id").longValue();
        Api.Response reversal = api.post("/api/v1/adjustments/" + damage + "/reverse", "");
        assertEquals(201, reversal.status(), reversal.body());
        long reversalId = reversal.json().getJsonNumber("id").longValue();
        assertEquals(422, api.damage(lot, "100", null).status(), "a rejected posting");

        String report = post("test-event-report", "{}").body();
        String committed = report.substring(report.indexOf("committed ["));
        assertTrue(committed.contains(" " + damage + ",") || committed.contains("[" + damage + ","), report);
        assertTrue(committed.contains(reversalId + "]") || committed.contains(reversalId + ","), report);
    }

    private Api.Response post(String type, String fields) {
        return api.post("/api/v1/adjustments", "{\"type\":\"" + type + "\",\"post\":true,\"fields\":" + fields
                + ",\"lines\":[{\"lotId\":" + lot + ",\"quantity\":1}]}");
    }

    private void assertUnchanged() {
        assertEquals(0, BigDecimal.TEN.compareTo(api.quantity(lot)), "the named lot is unchanged");
        assertEquals(0, BigDecimal.TEN.compareTo(api.quantity(other)), "the other lot is unchanged");
        assertEquals(1, api.ledger(lot).size());
        assertEquals(1, api.ledger(other).size());
    }
}
