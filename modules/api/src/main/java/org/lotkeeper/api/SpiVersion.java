package org.lotkeeper.api;

/**
 * Version of this SPI. A plugin declares the version it was compiled against in
 * {@link TypeDescriptor#spiVersion()}; the core rejects a plugin whose version differs from
 * {@link #CURRENT}.
 *
 * @since 1
 */
public final class SpiVersion {

    /** The SPI version implemented by this jar. */
    public static final int CURRENT = 1;

    private SpiVersion() {
    }
}
