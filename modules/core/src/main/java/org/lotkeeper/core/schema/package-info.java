/** Versioned schema migrations, applied in order at start-up before anything reads the database. */
package org.lotkeeper.core.schema;
