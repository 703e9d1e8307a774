package org.lotkeeper.core.plugins;

import java.io.Serializable;

/**
 * The jar file an adjustment type came from, so an admin can compare a deployed plugin with the
 * file they were given.
 *
 * @param fileName the jar's file name
 * @param size     its size in bytes
 * @param sha256   its SHA-256 checksum in lowercase hex
 */
public record JarInfo(String fileName, long size, String sha256) implements Serializable {
}
