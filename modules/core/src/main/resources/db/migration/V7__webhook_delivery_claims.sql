-- Claims on webhook delivery attempts. Before sending an attempt, a server writes its instance id
-- and the end of its lease into the delivery with one conditional UPDATE. The UPDATE succeeds
-- only while no other server has a live claim, and recording the outcome clears both columns. A
-- server that dies leaves its claim behind, and another server takes the delivery over once
-- claimed_until has passed.

ALTER TABLE webhook_delivery ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE webhook_delivery ADD COLUMN claimed_until TIMESTAMP;
