package org.lotkeeper.core.webhooks;

/** State of one webhook delivery. */
public enum DeliveryStatus {
    /** Not yet accepted by the receiver; another attempt is scheduled. */
    PENDING,
    /** The receiver answered with a 2xx status. */
    DELIVERED,
    /** Every attempt failed; no more attempts follow. */
    FAILED
}
