-- The effective time of the latest posted stocktake that counted each lot. A posting on a lot
-- that was not counted after the posting's date then needs no query of lot_count.

ALTER TABLE lot ADD COLUMN last_counted_at TIMESTAMP;

UPDATE lot SET last_counted_at = (SELECT MAX(c.effective_at) FROM lot_count c WHERE c.lot_id = lot.id)
    WHERE id IN (SELECT lot_id FROM lot_count);
