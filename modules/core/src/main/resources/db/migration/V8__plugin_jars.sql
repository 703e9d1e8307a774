-- Plugin jars that admins installed, shared by every server on this database. Each server loads
-- them from a local copy and compares its copies with this table every few seconds.
-- BLOB becomes BYTEA on PostgreSQL (SchemaMigrator translates it).

CREATE TABLE plugin_jar (
    file_name VARCHAR(100) NOT NULL PRIMARY KEY,
    sha256 VARCHAR(64) NOT NULL,
    size_bytes BIGINT NOT NULL,
    content BLOB NOT NULL,
    installed_by VARCHAR(100) NOT NULL,
    installed_at TIMESTAMP NOT NULL,
    CONSTRAINT plugin_jar_sha256_unique UNIQUE (sha256)
);
