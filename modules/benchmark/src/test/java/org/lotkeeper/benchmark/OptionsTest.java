package org.lotkeeper.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void databaseDefaultsToBoth() {
        Options options = Options.parse(new String[0]);

        assertEquals(List.of("derby", "postgresql"), options.databases);
        assertEquals(3, options.instances);
    }

    @Test
    void databaseSelectsOne() {
        assertEquals(List.of("derby"), Options.parse(new String[] {"--database", "derby"}).databases);
        assertEquals(List.of("postgresql"), Options.parse(new String[] {"--database", "postgresql"}).databases);
    }

    @Test
    void unknownDatabaseRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--database", "oracle"}));

        assertTrue(error.getMessage().contains("'oracle'"), error.getMessage());
    }

    @Test
    void instancesAcceptZero() {
        assertEquals(0, Options.parse(new String[] {"--instances", "0"}).instances);
    }
}
