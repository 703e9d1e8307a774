package org.lotkeeper.api;

/**
 * Version of this SPI. A plugin declares the version it was compiled against in
 * {@link TypeDescriptor#spiVersion()}, and may repeat it in its jar manifest as the attribute
 * {@value #MANIFEST_ATTRIBUTE}. The server accepts a plugin when {@link #supports(int)} holds for
 * that version: from {@link #OLDEST_SUPPORTED} to {@link #CURRENT}.
 *
 * <p>{@link TypeDescriptor.Builder} fills in {@link #CURRENT} of the API the server runs, not of
 * the API the plugin was compiled against, because the constant is compiled into the builder. A
 * plugin that wants the server to check the version it was built for calls
 * {@code .spiVersion(SpiVersion.CURRENT)} itself, which compiles its own value into its class.
 *
 * @since 1
 */
public final class SpiVersion {

    /** The SPI version implemented by this jar. */
    public static final int CURRENT = 1;

    /** The oldest SPI version whose plugins this jar still runs. */
    public static final int OLDEST_SUPPORTED = 1;

    /** Name of the optional jar manifest attribute that states the plugin's SPI version. */
    public static final String MANIFEST_ATTRIBUTE = "Lotkeeper-SPI-Version";

    private SpiVersion() {
    }

    /** Returns whether a plugin built for {@code version} runs on this SPI. */
    public static boolean supports(int version) {
        return version >= OLDEST_SUPPORTED && version <= CURRENT;
    }

    /** Describes the supported versions for messages, such as {@code "1"} or {@code "1 to 3"}. */
    public static String supportedRange() {
        return OLDEST_SUPPORTED == CURRENT ? Integer.toString(CURRENT) : OLDEST_SUPPORTED + " to " + CURRENT;
    }
}
