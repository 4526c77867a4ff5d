-- Seller leaderboards (design note 001): products, their views, and a cache of per-seller,
-- per-period counts kept current by triggers, so a board read is an index range scan rather than
-- an aggregate over every sale and view.
--
-- Periods are 'all' or a UTC month 'YYYY-MM'. Triggers take the period from the event's own time
-- (sold_at, viewed_at, which the server sets from its injectable clock), never from now(), so a
-- sale stays in the month it happened and tests can cross month boundaries deterministically.
--
-- User ids keep the database's default collation (they join podium_users.id); every ORDER BY on
-- them says COLLATE "C", so ties break in code-point order like the core's rankEntries.

-- The month key of an instant, in UTC.
CREATE FUNCTION podium_month_key(instant TIMESTAMPTZ) RETURNS TEXT
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT to_char(instant AT TIME ZONE 'UTC', 'YYYY-MM') $$;

CREATE TABLE podium_products (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  -- Never changes (the server answers 409; the trigger below refuses it too): views carry a copy.
  seller_id TEXT NOT NULL CHECK (length(seller_id) BETWEEN 1 AND 64),
  status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'sold')),
  -- Unconstrained NUMERIC keeps the scale it was given ("12.50" stays "12.50") and sums exactly.
  price NUMERIC NOT NULL CHECK (price >= 0),
  currency TEXT NOT NULL CHECK (length(currency) BETWEEN 2 AND 10),
  sold_at TIMESTAMPTZ(3),
  created_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  -- A sale has an instant, and only a sale: un-selling clears it, which is what takes the sale
  -- back out of the month it was counted in.
  CONSTRAINT podium_products_sold_at_check CHECK ((status = 'sold') = (sold_at IS NOT NULL))
);
-- The dashboard: active listings, and earnings over a seller's sales in a month.
CREATE INDEX podium_products_seller_idx ON podium_products (seller_id, status, sold_at);

-- One row per (product, viewer): a viewer counts once per product, ever. `viewer` is
-- 'user:<id>' or 'session:<sha-256 of the session id>' (bounded, and no raw session ids stored).
CREATE TABLE podium_product_views (
  product_id TEXT NOT NULL REFERENCES podium_products (id) ON DELETE CASCADE,
  viewer TEXT NOT NULL CHECK (length(viewer) <= 100),
  -- The product's seller, copied (it never changes): the trigger and the rebuild need no join.
  seller_id TEXT NOT NULL,
  viewed_at TIMESTAMPTZ(3) NOT NULL,
  PRIMARY KEY (product_id, viewer)
);
CREATE INDEX podium_product_views_seller_idx ON podium_product_views (seller_id, viewed_at);

-- The cache. A row per seller and period with both metrics; counts that drop to zero leave their
-- row in place (value 0 is not ranked). *_reached_at is when the current value was reached: the
-- latest sold_at of the counted sales, the latest viewed_at of the counted views (first-reached ties).
CREATE TABLE podium_seller_boards (
  period TEXT NOT NULL CHECK (period = 'all' OR period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  seller_id TEXT NOT NULL,
  sales INTEGER NOT NULL DEFAULT 0 CHECK (sales >= 0),
  views INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0),
  sales_reached_at TIMESTAMPTZ(3),
  views_reached_at TIMESTAMPTZ(3),
  -- When the row last changed: the board's "last updated" (part of its ETag).
  updated_at TIMESTAMPTZ(3) NOT NULL,
  PRIMARY KEY (period, seller_id)
);
-- "Top N of period P by metric", in the exact order every tie mode pages by. Partial: only
-- ranked rows (value > 0) are ever read in this order.
CREATE INDEX podium_seller_boards_sales_idx
  ON podium_seller_boards (period, sales DESC, sales_reached_at, (seller_id COLLATE "C")) WHERE sales > 0;
CREATE INDEX podium_seller_boards_views_idx
  ON podium_seller_boards (period, views DESC, views_reached_at, (seller_id COLLATE "C")) WHERE views > 0;

-- Adds to one cache row, creating it. Atomic (INSERT ... ON CONFLICT DO UPDATE n = n + k): two
-- concurrent events never lose an update, whatever the isolation level.
CREATE FUNCTION podium_seller_boards_add(
  p_seller TEXT, p_period TEXT, p_sales INTEGER, p_views INTEGER,
  p_sales_reached TIMESTAMPTZ, p_views_reached TIMESTAMPTZ, p_at TIMESTAMPTZ
) RETURNS void
LANGUAGE sql
AS $$
  INSERT INTO podium_seller_boards AS b
    (period, seller_id, sales, views, sales_reached_at, views_reached_at, updated_at)
  VALUES (p_period, p_seller, p_sales, p_views, p_sales_reached, p_views_reached, p_at)
  ON CONFLICT (period, seller_id) DO UPDATE SET
    sales = b.sales + EXCLUDED.sales,
    views = b.views + EXCLUDED.views,
    -- GREATEST skips NULLs: the metric not being added keeps its instant.
    sales_reached_at = GREATEST(b.sales_reached_at, EXCLUDED.sales_reached_at),
    views_reached_at = GREATEST(b.views_reached_at, EXCLUDED.views_reached_at),
    updated_at = GREATEST(b.updated_at, EXCLUDED.updated_at)
$$;

-- Takes one sale back out of a cache row (un-sell, or a deleted sold product).
CREATE FUNCTION podium_seller_boards_remove_sale(p_seller TEXT, p_period TEXT, p_at TIMESTAMPTZ)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  -- The decrement first: it takes the row lock, so the next statement's snapshot (a new one per
  -- statement) sees every sale committed by writers that held the row before us. A sale that
  -- commits later raises the instant itself with GREATEST in podium_seller_boards_add.
  UPDATE podium_seller_boards SET sales = sales - 1, updated_at = GREATEST(updated_at, p_at)
   WHERE period = p_period AND seller_id = p_seller;
  UPDATE podium_seller_boards SET sales_reached_at = (
    SELECT max(sold_at) FROM podium_products
     WHERE seller_id = p_seller AND status = 'sold'
       AND (p_period = 'all' OR podium_month_key(sold_at) = p_period))
   WHERE period = p_period AND seller_id = p_seller;
END
$$;

-- Takes one view back out of a cache row (its product was deleted).
CREATE FUNCTION podium_seller_boards_remove_view(p_seller TEXT, p_period TEXT, p_at TIMESTAMPTZ)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  -- Same order as podium_seller_boards_remove_sale, for the same reason.
  UPDATE podium_seller_boards SET views = views - 1, updated_at = GREATEST(updated_at, p_at)
   WHERE period = p_period AND seller_id = p_seller;
  UPDATE podium_seller_boards SET views_reached_at = (
    SELECT max(viewed_at) FROM podium_product_views
     WHERE seller_id = p_seller AND (p_period = 'all' OR podium_month_key(viewed_at) = p_period))
   WHERE period = p_period AND seller_id = p_seller;
END
$$;

-- Sales: a product counts while its status is 'sold', in 'all' and in the month of its sold_at.
-- Every change touches the seller's 'all' row before a month row, so concurrent writers lock a
-- seller's rows in one order and cannot deadlock.
CREATE FUNCTION podium_seller_boards_on_product() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  was_sold BOOLEAN := false;
  is_sold BOOLEAN := false;
  at TIMESTAMPTZ;
BEGIN
  -- Nested IFs: OLD / NEW do not exist for INSERT / DELETE, and AND does not short-circuit.
  IF TG_OP <> 'INSERT' THEN
    IF OLD.status = 'sold' THEN was_sold := true; END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    IF NEW.status = 'sold' THEN is_sold := true; END IF;
    at := NEW.updated_at;
  ELSE
    at := now();
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF OLD.seller_id <> NEW.seller_id THEN
      RAISE EXCEPTION 'A product''s seller never changes (product %)', NEW.id USING ERRCODE = 'check_violation';
    END IF;
    IF was_sold AND is_sold AND OLD.sold_at = NEW.sold_at THEN RETURN NULL; END IF;
  END IF;

  IF was_sold THEN
    PERFORM podium_seller_boards_remove_sale(OLD.seller_id, 'all', at);
    PERFORM podium_seller_boards_remove_sale(OLD.seller_id, podium_month_key(OLD.sold_at), at);
  END IF;
  IF is_sold THEN
    PERFORM podium_seller_boards_add(NEW.seller_id, 'all', 1, 0, NEW.sold_at, NULL, at);
    PERFORM podium_seller_boards_add(NEW.seller_id, podium_month_key(NEW.sold_at), 1, 0, NEW.sold_at, NULL, at);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER podium_seller_boards_product
  AFTER INSERT OR UPDATE OR DELETE ON podium_products
  FOR EACH ROW EXECUTE FUNCTION podium_seller_boards_on_product();

-- Views: every stored view counts (the server stores none for drafts), in 'all' and its month.
CREATE FUNCTION podium_seller_boards_on_view() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM podium_seller_boards_add(NEW.seller_id, 'all', 0, 1, NULL, NEW.viewed_at, NEW.viewed_at);
    PERFORM podium_seller_boards_add(NEW.seller_id, podium_month_key(NEW.viewed_at), 0, 1, NULL, NEW.viewed_at, NEW.viewed_at);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM podium_seller_boards_remove_view(OLD.seller_id, 'all', now());
    PERFORM podium_seller_boards_remove_view(OLD.seller_id, podium_month_key(OLD.viewed_at), now());
  ELSE
    -- A view is a fact: moving it would need the same care as a sale, and nothing does it.
    RAISE EXCEPTION 'Product views are never updated' USING ERRCODE = 'feature_not_supported';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER podium_seller_boards_view
  AFTER INSERT OR UPDATE OR DELETE ON podium_product_views
  FOR EACH ROW EXECUTE FUNCTION podium_seller_boards_on_view();

-- Recomputes the cache from the base tables (imported history, or a check that the triggers kept
-- it right) and returns how many rows it changed: 0 means the cache was exact. Rows it changes
-- get updated_at = p_at; rows of sellers with nothing left drop to zero rather than disappear.
CREATE FUNCTION podium_rebuild_seller_boards(p_at TIMESTAMPTZ) RETURNS INTEGER
LANGUAGE plpgsql
AS $$
DECLARE
  changed INTEGER;
BEGIN
  -- Writers (the triggers take ROW EXCLUSIVE) wait until this transaction ends; readers do not.
  -- The lock also waits for writers in flight, and the next statement's snapshot is taken after
  -- it, so every committed event is counted and every later one is added on top by its trigger.
  LOCK TABLE podium_seller_boards IN EXCLUSIVE MODE;

  WITH events AS (
    SELECT seller_id, podium_month_key(sold_at) AS month, 1 AS sales, 0 AS views,
           sold_at AS sales_reached_at, NULL::TIMESTAMPTZ AS views_reached_at
      FROM podium_products WHERE status = 'sold'
    UNION ALL
    SELECT seller_id, podium_month_key(viewed_at), 0, 1, NULL, viewed_at FROM podium_product_views
  ), expected AS (
    SELECT e.seller_id, p.period, sum(e.sales)::INTEGER AS sales, sum(e.views)::INTEGER AS views,
           max(e.sales_reached_at) AS sales_reached_at, max(e.views_reached_at) AS views_reached_at
      FROM events e CROSS JOIN LATERAL (VALUES ('all'), (e.month)) AS p (period)
     GROUP BY e.seller_id, p.period
  ), target AS (
    SELECT coalesce(e.period, b.period) AS period, coalesce(e.seller_id, b.seller_id) AS seller_id,
           coalesce(e.sales, 0) AS sales, coalesce(e.views, 0) AS views,
           e.sales_reached_at, e.views_reached_at,
           b.period IS NULL AS missing, b.sales AS old_sales, b.views AS old_views,
           b.sales_reached_at AS old_sales_reached_at, b.views_reached_at AS old_views_reached_at
      FROM expected e FULL JOIN podium_seller_boards b ON b.period = e.period AND b.seller_id = e.seller_id
  )
  INSERT INTO podium_seller_boards AS b
    (period, seller_id, sales, views, sales_reached_at, views_reached_at, updated_at)
  SELECT period, seller_id, sales, views, sales_reached_at, views_reached_at, p_at
    FROM target
   WHERE missing
      OR old_sales <> sales OR old_views <> views
      OR old_sales_reached_at IS DISTINCT FROM sales_reached_at
      OR old_views_reached_at IS DISTINCT FROM views_reached_at
  ON CONFLICT (period, seller_id) DO UPDATE SET
    sales = EXCLUDED.sales,
    views = EXCLUDED.views,
    sales_reached_at = EXCLUDED.sales_reached_at,
    views_reached_at = EXCLUDED.views_reached_at,
    updated_at = EXCLUDED.updated_at;
  GET DIAGNOSTICS changed = ROW_COUNT;
  RETURN changed;
END
$$;
