-- Indexes for the lot lists, which page through lots with stock in id order or in expiry order.
-- Each index starts with the sort columns and also contains the quantity, so Derby can read lots
-- in order from the index, skip those without stock there, and stop after one page instead of
-- sorting every lot with stock.

CREATE INDEX lot_id_quantity_idx ON lot (id, quantity);
CREATE INDEX lot_expiry_id_quantity_idx ON lot (expiry_date, id, quantity);
