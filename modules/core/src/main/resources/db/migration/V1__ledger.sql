-- Initial schema. Portable SQL that runs unchanged on Derby 10.17 and PostgreSQL 15.
-- Column names avoid SQL reserved words (VALUE, USER, KEY, ...) because Derby rejects them.

CREATE TABLE product (
    id BIGINT NOT NULL PRIMARY KEY,
    sku VARCHAR(100) NOT NULL,
    name VARCHAR(200) NOT NULL,
    description VARCHAR(1000),
    category VARCHAR(300),
    unit VARCHAR(20) NOT NULL,
    decimals INT NOT NULL,
    tracking VARCHAR(10) NOT NULL,
    assembly BOOLEAN NOT NULL,
    active BOOLEAN NOT NULL,
    CONSTRAINT product_sku_unique UNIQUE (sku)
);

CREATE TABLE location (
    id BIGINT NOT NULL PRIMARY KEY,
    code VARCHAR(100) NOT NULL,
    name VARCHAR(200) NOT NULL,
    parent_id BIGINT REFERENCES location (id),
    CONSTRAINT location_code_unique UNIQUE (code)
);

CREATE TABLE bom_line (
    id BIGINT NOT NULL PRIMARY KEY,
    assembly_id BIGINT NOT NULL REFERENCES product (id),
    component_id BIGINT NOT NULL REFERENCES product (id),
    quantity_per_unit DECIMAL(19, 6) NOT NULL,
    optional_part BOOLEAN NOT NULL,
    consumable BOOLEAN NOT NULL,
    CONSTRAINT bom_line_unique UNIQUE (assembly_id, component_id)
);

CREATE TABLE lot (
    id BIGINT NOT NULL PRIMARY KEY,
    product_id BIGINT NOT NULL REFERENCES product (id),
    code VARCHAR(100) NOT NULL,
    location_id BIGINT NOT NULL REFERENCES location (id),
    expiry_date DATE,
    unit_cost DECIMAL(19, 4),
    lot_condition VARCHAR(30) NOT NULL,
    quantity DECIMAL(19, 6) NOT NULL,
    stock_value DECIMAL(19, 2) NOT NULL,
    last_effective_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    origin VARCHAR(2000),
    CONSTRAINT lot_identity_unique UNIQUE (product_id, code, location_id)
);
CREATE INDEX lot_location_idx ON lot (location_id);
CREATE INDEX lot_expiry_idx ON lot (expiry_date);

CREATE TABLE serial_claim (
    product_id BIGINT NOT NULL REFERENCES product (id),
    serial_code VARCHAR(100) NOT NULL,
    first_lot_id BIGINT NOT NULL,
    PRIMARY KEY (product_id, serial_code)
);

CREATE TABLE adjustment_document (
    id BIGINT NOT NULL PRIMARY KEY,
    type_id VARCHAR(40) NOT NULL,
    status VARCHAR(12) NOT NULL,
    client_key VARCHAR(200),
    request_hash VARCHAR(64),
    effective_date DATE NOT NULL,
    effective_at TIMESTAMP NOT NULL,
    fields_json VARCHAR(4000) NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    submitted_by VARCHAR(100),
    submitted_at TIMESTAMP,
    posted_by VARCHAR(100),
    posted_at TIMESTAMP,
    value_effect DECIMAL(19, 2),
    reverses_id BIGINT REFERENCES adjustment_document (id),
    reversed_by_id BIGINT REFERENCES adjustment_document (id)
);
CREATE INDEX document_type_idx ON adjustment_document (type_id, status);

-- Client keys live in their own table: Derby serializes concurrent inserts of NULL into a
-- unique index on a nullable column, which would make every unkeyed posting wait for the others.
CREATE TABLE submission_key (
    client_key VARCHAR(200) NOT NULL,
    document_id BIGINT NOT NULL REFERENCES adjustment_document (id),
    request_hash VARCHAR(64) NOT NULL,
    CONSTRAINT submission_key_pk PRIMARY KEY (client_key)
);

CREATE TABLE request_line (
    id BIGINT NOT NULL PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES adjustment_document (id),
    line_no INT NOT NULL,
    lot_id BIGINT,
    new_product_sku VARCHAR(100),
    new_lot_code VARCHAR(100),
    new_location_code VARCHAR(100),
    new_expiry_date DATE,
    new_condition VARCHAR(30),
    quantity DECIMAL(31, 10),
    unit_cost DECIMAL(31, 10),
    fields_json VARCHAR(4000) NOT NULL
);
CREATE INDEX request_line_document_idx ON request_line (document_id);

CREATE TABLE ledger_entry (
    id BIGINT NOT NULL PRIMARY KEY,
    lot_id BIGINT NOT NULL REFERENCES lot (id),
    document_id BIGINT NOT NULL REFERENCES adjustment_document (id),
    line_no INT NOT NULL,
    type_id VARCHAR(40) NOT NULL,
    quantity DECIMAL(19, 6) NOT NULL,
    stock_value DECIMAL(19, 2) NOT NULL,
    effective_at TIMESTAMP NOT NULL,
    posted_at TIMESTAMP NOT NULL,
    posted_by VARCHAR(100) NOT NULL,
    reason_code VARCHAR(60),
    note VARCHAR(1000),
    cost_source VARCHAR(200) NOT NULL,
    attributes_json VARCHAR(4000) NOT NULL,
    reverses_entry_id BIGINT REFERENCES ledger_entry (id)
);
CREATE INDEX ledger_lot_time_idx ON ledger_entry (lot_id, effective_at);
CREATE INDEX ledger_document_idx ON ledger_entry (document_id);

CREATE TABLE app_user (
    id BIGINT NOT NULL PRIMARY KEY,
    user_name VARCHAR(100) NOT NULL,
    password_hash VARCHAR(400) NOT NULL,
    roles VARCHAR(100) NOT NULL,
    enabled BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    CONSTRAINT app_user_name_unique UNIQUE (user_name)
);

CREATE TABLE audit_event (
    id BIGINT NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    user_name VARCHAR(100) NOT NULL,
    audit_action VARCHAR(60) NOT NULL,
    target VARCHAR(200),
    outcome VARCHAR(20) NOT NULL,
    detail VARCHAR(2000),
    remote_address VARCHAR(100)
);
CREATE INDEX audit_time_idx ON audit_event (occurred_at);

CREATE TABLE type_setting (
    type_id VARCHAR(40) NOT NULL PRIMARY KEY,
    enabled BOOLEAN NOT NULL,
    approval_required BOOLEAN NOT NULL,
    backdating_days INT NOT NULL,
    reason_codes VARCHAR(2000) NOT NULL,
    properties_json VARCHAR(4000) NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    updated_by VARCHAR(100) NOT NULL
);

-- Primary keys are handed out in blocks from this table, each block taken in its own short
-- transaction, so a posting never holds a lock on an id generator while it waits for a lot.
CREATE TABLE id_block (
    block_name VARCHAR(50) NOT NULL PRIMARY KEY,
    next_value BIGINT NOT NULL
);
INSERT INTO id_block (block_name, next_value) VALUES ('product', 0);
INSERT INTO id_block (block_name, next_value) VALUES ('location', 0);
INSERT INTO id_block (block_name, next_value) VALUES ('bom_line', 0);
INSERT INTO id_block (block_name, next_value) VALUES ('lot', 0);
INSERT INTO id_block (block_name, next_value) VALUES ('adjustment_document', 0);
INSERT INTO id_block (block_name, next_value) VALUES ('request_line', 0);
INSERT INTO id_block (block_name, next_value) VALUES ('ledger_entry', 0);
INSERT INTO id_block (block_name, next_value) VALUES ('app_user', 0);
INSERT INTO id_block (block_name, next_value) VALUES ('audit_event', 0);
