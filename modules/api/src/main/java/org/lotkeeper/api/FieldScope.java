package org.lotkeeper.api;

/**
 * Where a field is entered: once per document, or once per line.
 *
 * @since 1
 */
public enum FieldScope {
    DOCUMENT,
    LINE
}
