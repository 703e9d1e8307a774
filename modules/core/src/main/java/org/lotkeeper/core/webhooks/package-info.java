/**
 * Webhooks: signed HTTP notifications of posted and reversed documents, stored as deliveries
 * and retried with exponential backoff until the receiver accepts them or the attempts run out.
 */
package org.lotkeeper.core.webhooks;
