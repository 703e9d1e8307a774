package org.lotkeeper.web.screens.admin;

import java.io.Serializable;

/**
 * One adjustment type as the plugins page lists it.
 *
 * @param id         the type id, or the bean class name when the descriptor could not be read
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
 */
public record PluginRow(String id, String name, String version, Integer spiVersion, String source, String checksum,
                        String status, String failure, long usage, String calls, String lastCallFailure)
        implements Serializable {

    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";
    public static final String FAILED = "failed";
}
