package org.lotkeeper.web.screens.admin;

import java.io.Serializable;

/**
 * One adjustment type as the plugins page lists it.
 *
 * @param id         the type id, or the bean class name or jar file name when the descriptor could not be read
 * @param name       the display name, empty when the descriptor could not be read
 * @param version    the type's own version, empty when unknown
 * @param spiVersion the SPI version the type was built for, {@code null} when unknown
 * @param source     the jar or class the type came from
 * @param checksum   the SHA-256 of that jar in hex, empty when the source is not a jar file
 * @param status     {@code enabled}, {@code disabled} or {@code failed}
 * @param failure    why the type failed to load, {@code null} when it loaded
 * @param usage      how many documents of the type exist
 * @param calls      how the type's calls went since the start, such as {@code 2 failed (1 timed out), 1 running},
 *                   empty when nothing went wrong and nothing runs
 * @param lastCallFailure what went wrong in the type's last failed call, {@code null} when none failed
 * @param fileName   the file name of the jar, or the source when it is not a jar file
 * @param size       the jar's size in bytes, {@code null} when unknown
 * @param uploaded   whether an admin installed the jar, so that it can be uninstalled
 */
public record PluginRow(String id, String name, String version, Integer spiVersion, String source, String checksum,
                        String status, String failure, long usage, String calls, String lastCallFailure,
                        String fileName, Long size, boolean uploaded)
        implements Serializable {

    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";
    public static final String FAILED = "failed";

    /** Returns the size for people, such as {@code 5,120 bytes (5.0 KiB)}, or empty when unknown. */
    public String sizeText() {
        if (size == null) {
            return "";
        }
        String bytes = String.format(java.util.Locale.ENGLISH, "%,d bytes", size);
        if (size < 1024) {
            return bytes;
        }
        double kib = size / 1024.0;
        return bytes + (kib < 1024 ? String.format(java.util.Locale.ENGLISH, " (%.1f KiB)", kib)
                : String.format(java.util.Locale.ENGLISH, " (%.1f MiB)", kib / 1024));
    }
}
