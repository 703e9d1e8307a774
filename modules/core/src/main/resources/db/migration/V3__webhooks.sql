-- Webhooks: HTTP endpoints that receive a signed JSON message for every posted or reversed
-- document, and one delivery row per message and endpoint, retried until it succeeds or fails.

CREATE TABLE webhook (
    id BIGINT NOT NULL PRIMARY KEY,
    url VARCHAR(1000) NOT NULL,
    secret VARCHAR(100) NOT NULL,
    enabled BOOLEAN NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE webhook_delivery (
    id BIGINT NOT NULL PRIMARY KEY,
    webhook_id BIGINT NOT NULL REFERENCES webhook (id),
    event_id VARCHAR(36) NOT NULL,
    document_id BIGINT NOT NULL,
    payload VARCHAR(4000) NOT NULL,
    attempts INT NOT NULL,
    status VARCHAR(12) NOT NULL,
    last_status_code INT,
    last_error VARCHAR(1000),
    next_attempt_at TIMESTAMP,
    delivered_at TIMESTAMP,
    CONSTRAINT webhook_delivery_event_unique UNIQUE (webhook_id, event_id)
);
-- The start-up scan looks for pending deliveries.
CREATE INDEX webhook_delivery_status_idx ON webhook_delivery (status);

INSERT INTO id_block (block_name, next_value) VALUES ('webhook', 0);
INSERT INTO id_block (block_name, next_value) VALUES ('webhook_delivery', 0);
