-- A change count for the seller boards (issue 13), so a poll's ETag is decided before any page
-- query: an unchanged poll costs one small read, and an unchanged 200 can come from memory.
--
-- Writers count a change after it commits (the products store, the demo, the rebuild command), so
-- the count is never ahead of the rows it stands for. Every counted view writes it, so the count
-- is split over eight rows that writers pick at random: concurrent views rarely queue on one row
-- lock. The version is the sum, which grows by one with every change whichever row took it.
-- (A count kept by the board triggers inside the write's transaction would hold a shared row lock
-- until commit, and a transaction of several statements could then deadlock with a view.)
CREATE TABLE podium_seller_board_versions (
  shard SMALLINT PRIMARY KEY,
  version BIGINT NOT NULL DEFAULT 0
);
INSERT INTO podium_seller_board_versions (shard) SELECT generate_series(0, 7);
