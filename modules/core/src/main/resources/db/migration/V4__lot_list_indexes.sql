-- Indexes for the lot lists, which page through lots with stock in id order or in expiry order.
-- Each index starts with the sort columns and also contains the quantity, so a query that reads
-- only lot ids in that order can be answered from the index.
-- NOTE: the lot service reads whole lots in one query, and Derby still sorts every lot with
-- stock for that query, so these indexes do not speed up the lists yet.

CREATE INDEX lot_id_quantity_idx ON lot (id, quantity);
CREATE INDEX lot_expiry_id_quantity_idx ON lot (expiry_date, id, quantity);
