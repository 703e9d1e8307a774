package org.lotkeeper.core.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lotkeeper.core.support.BusinessException;

class WebhookRulesTest {

    @Test
    void retryDelaysDoubleUpToSixAttempts() {
        List<Long> seconds = List.of(1, 2, 3, 4, 5).stream()
                .map(attempts -> RetryPolicy.delayAfter(attempts).orElseThrow().toSeconds())
                .toList();
        assertEquals(List.of(2L, 4L, 8L, 16L, 32L), seconds);
        assertEquals(Optional.empty(), RetryPolicy.delayAfter(RetryPolicy.MAX_ATTEMPTS));
    }

    @Test
    void urlCheckAcceptsHttpAndHttpsOnly() {
        assertEquals("https://example.org/hook", WebhookService.checkUrl(" https://example.org/hook "));
        assertEquals("HTTP://127.0.0.1:8080/x", WebhookService.checkUrl("HTTP://127.0.0.1:8080/x"));
        for (String bad : new String[] {"ftp://example.org/", "file:///etc/passwd", "javascript:alert(1)",
                "example.org/hook", "http:///nohost", "https://user:pw@example.org/", "", "http://exa mple.org/"}) {
            assertThrows(BusinessException.class, () -> WebhookService.checkUrl(bad), bad);
        }
    }

    @Test
    void signatureIsKnownHmacSha256() {
        // Test vector 2 of RFC 4231: key "Jefe", data "what do ya want for nothing?".
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.sign("Jefe", "what do ya want for nothing?"));
    }
}
