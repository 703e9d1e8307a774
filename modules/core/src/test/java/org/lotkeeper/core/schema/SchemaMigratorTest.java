package org.lotkeeper.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    @Test
    void statementsSplitAtLineEndSemicolons() {
        List<String> statements = SchemaMigrator.statements("""
                -- a comment
                CREATE TABLE a (
                    id INT
                );
                INSERT INTO a VALUES (1);
                """);
        assertEquals(List.of("CREATE TABLE a (\nid INT\n)", "INSERT INTO a VALUES (1)"), statements);
    }

    @Test
    void versionComesFromTheFileName() {
        assertEquals(12, SchemaMigrator.versionOf("V12__more.sql"));
    }

    @Test
    void blobBecomesByteaOnPostgres() {
        assertEquals("CREATE TABLE t (content BYTEA NOT NULL, blobs INT)",
                SchemaMigrator.forPostgres("CREATE TABLE t (content BLOB NOT NULL, blobs INT)"));
        assertEquals("ALTER TABLE t ADD COLUMN c BYTEA", SchemaMigrator.forPostgres("ALTER TABLE t ADD COLUMN c blob"));
    }

    @Test
    void everyScriptIsOnTheClassPathInOrder() {
        int previous = 0;
        for (int i = 0; i < SchemaMigrator.SCRIPTS.size(); i++) {
            String script = SchemaMigrator.SCRIPTS.get(i);
            int version = SchemaMigrator.versionOf(script);
            assertEquals(true, version > previous, script + " comes after version " + previous);
            previous = version;
            assertEquals(true, SchemaMigratorTest.class.getClassLoader().getResource("db/migration/" + script) != null,
                    script + " is on the class path");
        }
    }
}
