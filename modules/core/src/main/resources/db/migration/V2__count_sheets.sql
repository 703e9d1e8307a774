-- Count sheets for stocktakes: snapshots frozen when counting starts, counts entered over time,
-- and the record of every counted lot, which blocks later backdated changes behind the count.

CREATE TABLE count_sheet (
    id BIGINT NOT NULL PRIMARY KEY,
    status VARCHAR(12) NOT NULL,
    blind BOOLEAN NOT NULL,
    effective_date DATE NOT NULL,
    note VARCHAR(1000),
    created_by VARCHAR(100) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    document_id BIGINT REFERENCES adjustment_document (id)
);

CREATE TABLE count_line (
    id BIGINT NOT NULL PRIMARY KEY,
    sheet_id BIGINT NOT NULL REFERENCES count_sheet (id),
    lot_id BIGINT NOT NULL REFERENCES lot (id),
    snapshot_quantity DECIMAL(19, 6) NOT NULL,
    snapshot_value DECIMAL(19, 2) NOT NULL,
    snapshot_at TIMESTAMP NOT NULL,
    snapshot_entry_id BIGINT NOT NULL,
    unit_cost DECIMAL(19, 4)
);
CREATE INDEX count_line_sheet_idx ON count_line (sheet_id);

CREATE TABLE count_entry (
    id BIGINT NOT NULL PRIMARY KEY,
    line_id BIGINT NOT NULL REFERENCES count_line (id),
    quantity DECIMAL(19, 6) NOT NULL,
    counted_by VARCHAR(100) NOT NULL,
    counted_at TIMESTAMP NOT NULL
);
CREATE INDEX count_entry_line_idx ON count_entry (line_id);

-- A lot is on at most one open count sheet: the primary key enforces it.
CREATE TABLE open_count (
    lot_id BIGINT NOT NULL PRIMARY KEY REFERENCES lot (id),
    sheet_id BIGINT NOT NULL REFERENCES count_sheet (id)
);

CREATE TABLE lot_count (
    lot_id BIGINT NOT NULL REFERENCES lot (id),
    document_id BIGINT NOT NULL REFERENCES adjustment_document (id),
    effective_at TIMESTAMP NOT NULL,
    PRIMARY KEY (lot_id, document_id)
);

INSERT INTO id_block (block_name, next_value) VALUES ('count_sheet', 0);
INSERT INTO id_block (block_name, next_value) VALUES ('count_line', 0);
INSERT INTO id_block (block_name, next_value) VALUES ('count_entry', 0);
