-- The incremental stats sync updates unique buyers / sellers by delta: for each (seller, buyer)
-- pair a new purchase brings, it asks whether the mirror already held a trade between them. By
-- the seller or buyer index alone that scans every trade of a busy wallet; this one answers it
-- from the pair's own entries (both roles are the same lookup).
CREATE INDEX podium_market_purchases_pair_idx ON podium_market_purchases (seller, buyer);
