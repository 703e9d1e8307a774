package org.lotkeeper.core.support;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. The static factories of {@code jakarta.json.Json} look the
 * provider up with a {@code ServiceLoader} on every call (JSON-P 2.1), which searches every jar
 * of the application. In a profile of postings over HTTP that search took about a fifth of the
 * request threads' CPU time.
 */
public final class JsonProviders {

    /** The provider to create JSON builders, readers and values with; thread-safe. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonProviders() {
    }
}
