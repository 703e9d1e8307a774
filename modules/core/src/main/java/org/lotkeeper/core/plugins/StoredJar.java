package org.lotkeeper.core.plugins;

/**
 * An installed plugin jar as the {@code plugin_jar} table lists it, without its content. Two
 * servers have the same jar when all three values are equal.
 *
 * @param fileName the jar's file name, unique among installed jars
 * @param sha256   its SHA-256 checksum in lowercase hex, unique among installed jars
 * @param size     its size in bytes
 */
public record StoredJar(String fileName, String sha256, long size) {

    /** Returns the file name and checksum, as logs name a jar. */
    public String label() {
        return fileName + " (SHA-256 " + sha256 + ")";
    }
}
