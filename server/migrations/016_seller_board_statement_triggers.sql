-- Seller boards (issue 13): statement-level triggers instead of row-level ones. A row-level trigger
-- ran two upserts per view (PL/pgSQL calls, two index updates each); one statement of 50,000 views
-- cost 7.5 times the plain insert on Postgres. Each trigger below reads the statement's rows from
-- its transition table, nets them per board row (period, seller) with one GROUP BY and writes each
-- board row once. Transition tables allow one event per trigger: one trigger per INSERT / UPDATE /
-- DELETE.
--
-- The semantics are 004's (the rebuild, podium_rebuild_seller_boards, is still the reference):
-- sales count while a product is 'sold', in 'all' and the month of its sold_at; every stored view
-- counts in 'all' and its month; *_reached_at is the latest counted instant; updated_at rises to
-- the event's instant (a product's updated_at, a view's viewed_at, now() for deletes); a product
-- whose sale is unchanged (still sold, same sold_at) leaves the boards alone; a product's seller
-- never changes; views are never updated.
--
-- Lock order: every writer touches board rows sorted by seller (code-point order), and a seller's
-- 'all' row before its month rows, which is 004's per-row order extended to many sellers. A
-- statement that only adds (views, new sales: the hot paths) takes its locks in one ordered upsert.
-- 004 locked in row order within a statement; a multi-row statement now locks in one global order.

DROP TRIGGER podium_seller_boards_product ON podium_products;
DROP TRIGGER podium_seller_boards_view ON podium_product_views;
DROP FUNCTION podium_seller_boards_on_product();
DROP FUNCTION podium_seller_boards_on_view();
DROP FUNCTION podium_seller_boards_add(TEXT, TEXT, INTEGER, INTEGER, TIMESTAMPTZ, TIMESTAMPTZ, TIMESTAMPTZ);
DROP FUNCTION podium_seller_boards_remove_sale(TEXT, TEXT, TIMESTAMPTZ);
DROP FUNCTION podium_seller_boards_remove_view(TEXT, TEXT, TIMESTAMPTZ);

-- Applies one statement's changes, already netted per board row (parallel arrays, one element per
-- (period, seller)): counts added and taken out, the latest added instants, and the latest event
-- instant (updated_at). Rows are taken in the lock order, whatever the path:
--   * additions only (new sales): one ordered upsert;
--   * anything taken out (un-sells, deletes; rare and small): row by row in that order, 004's steps
--     for each: the decrement first (it takes the row lock), the additions, then the instant
--     recomputed from the base tables in a later statement, whose snapshot sees every event
--     committed by writers that held the row before us (one committing later raises the instant
--     itself with GREATEST). A removal from a row that is missing changes nothing, as in 004.
CREATE FUNCTION podium_seller_boards_apply(
  p_period TEXT[], p_seller TEXT[],
  p_sales_added INTEGER[], p_sales_removed INTEGER[], p_views_added INTEGER[], p_views_removed INTEGER[],
  p_sales_reached TIMESTAMPTZ[], p_views_reached TIMESTAMPTZ[], p_at TIMESTAMPTZ[]
) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
  g RECORD;
BEGIN
  IF p_period IS NULL THEN RETURN; END IF; -- the statement changed no counted row

  IF NOT EXISTS (SELECT 1 FROM unnest(p_sales_removed, p_views_removed) AS r (s, v) WHERE s > 0 OR v > 0) THEN
    INSERT INTO podium_seller_boards AS b
      (period, seller_id, sales, views, sales_reached_at, views_reached_at, updated_at)
    SELECT d.period, d.seller_id, d.sales_added, d.views_added, d.sales_reached, d.views_reached, d.at
      FROM unnest(p_period, p_seller, p_sales_added, p_views_added, p_sales_reached, p_views_reached, p_at)
        AS d (period, seller_id, sales_added, views_added, sales_reached, views_reached, at)
     WHERE d.sales_added > 0 OR d.views_added > 0
     ORDER BY d.seller_id COLLATE "C", d.period <> 'all', d.period
    ON CONFLICT (period, seller_id) DO UPDATE SET
      sales = b.sales + EXCLUDED.sales,
      views = b.views + EXCLUDED.views,
      -- GREATEST skips NULLs: a metric the statement did not add to keeps its instant.
      sales_reached_at = GREATEST(b.sales_reached_at, EXCLUDED.sales_reached_at),
      views_reached_at = GREATEST(b.views_reached_at, EXCLUDED.views_reached_at),
      updated_at = GREATEST(b.updated_at, EXCLUDED.updated_at);
    RETURN;
  END IF;

  FOR g IN
    SELECT *
      FROM unnest(p_period, p_seller, p_sales_added, p_sales_removed, p_views_added, p_views_removed,
                  p_sales_reached, p_views_reached, p_at)
        AS d (period, seller_id, sales_added, sales_removed, views_added, views_removed,
              sales_reached, views_reached, at)
     ORDER BY d.seller_id COLLATE "C", d.period <> 'all', d.period
  LOOP
    IF g.sales_removed > 0 OR g.views_removed > 0 THEN
      UPDATE podium_seller_boards
         SET sales = sales - g.sales_removed, views = views - g.views_removed,
             updated_at = GREATEST(updated_at, g.at)
       WHERE period = g.period AND seller_id = g.seller_id;
    END IF;
    IF g.sales_added > 0 OR g.views_added > 0 THEN
      INSERT INTO podium_seller_boards AS b
        (period, seller_id, sales, views, sales_reached_at, views_reached_at, updated_at)
      VALUES (g.period, g.seller_id, g.sales_added, g.views_added, g.sales_reached, g.views_reached, g.at)
      ON CONFLICT (period, seller_id) DO UPDATE SET
        sales = b.sales + EXCLUDED.sales,
        views = b.views + EXCLUDED.views,
        sales_reached_at = GREATEST(b.sales_reached_at, EXCLUDED.sales_reached_at),
        views_reached_at = GREATEST(b.views_reached_at, EXCLUDED.views_reached_at),
        updated_at = GREATEST(b.updated_at, EXCLUDED.updated_at);
    END IF;
    IF g.sales_removed > 0 THEN
      UPDATE podium_seller_boards SET sales_reached_at = (
        SELECT max(p.sold_at) FROM podium_products p
         WHERE p.seller_id = g.seller_id AND p.status = 'sold'
           AND (g.period = 'all' OR podium_month_key(p.sold_at) = g.period))
       WHERE period = g.period AND seller_id = g.seller_id;
    END IF;
    IF g.views_removed > 0 THEN
      UPDATE podium_seller_boards SET views_reached_at = (
        SELECT max(v.viewed_at) FROM podium_product_views v
         WHERE v.seller_id = g.seller_id
           AND (g.period = 'all' OR podium_month_key(v.viewed_at) = g.period))
       WHERE period = g.period AND seller_id = g.seller_id;
    END IF;
  END LOOP;
END
$$;

-- New products: those inserted as sold add a sale.
CREATE FUNCTION podium_seller_boards_on_products_inserted() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM podium_seller_boards_apply(
    array_agg(g.period), array_agg(g.seller_id), array_agg(g.added), array_agg(0), array_agg(0), array_agg(0),
    array_agg(g.reached), array_agg(NULL::TIMESTAMPTZ), array_agg(g.at))
    FROM (SELECT p.period, n.seller_id, count(*)::INTEGER AS added, max(n.sold_at) AS reached,
                 max(n.updated_at) AS at
            FROM podium_new_products n
           CROSS JOIN LATERAL (VALUES ('all'), (podium_month_key(n.sold_at))) AS p (period)
           WHERE n.status = 'sold'
           GROUP BY n.seller_id, p.period) AS g;
  RETURN NULL;
END
$$;

-- Updated products, paired by id: a sale is taken out unless the same seller's product is still
-- sold at the same instant, and added unless it already was. (An UPDATE that changes ids may pair
-- rows differently; the counts stay exact, since an unpaired row is a removal plus an addition.)
CREATE FUNCTION podium_seller_boards_on_products_updated() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM podium_seller_boards_apply(
    array_agg(g.period), array_agg(g.seller_id), array_agg(g.added), array_agg(g.removed),
    array_agg(0), array_agg(0), array_agg(g.reached), array_agg(NULL::TIMESTAMPTZ), array_agg(g.at))
    FROM (SELECT p.period, e.seller_id,
                 count(*) FILTER (WHERE e.added)::INTEGER AS added,
                 count(*) FILTER (WHERE NOT e.added)::INTEGER AS removed,
                 max(e.sold_at) FILTER (WHERE e.added) AS reached, max(e.at) AS at
            FROM (SELECT n.seller_id, n.sold_at, true AS added, n.updated_at AS at
                    FROM podium_new_products n LEFT JOIN podium_old_products o ON o.id = n.id
                   WHERE n.status = 'sold'
                     AND NOT coalesce(o.status = 'sold' AND o.sold_at = n.sold_at AND o.seller_id = n.seller_id, false)
                  UNION ALL
                  SELECT o.seller_id, o.sold_at, false, coalesce(n.updated_at, now())
                    FROM podium_old_products o LEFT JOIN podium_new_products n ON n.id = o.id
                   WHERE o.status = 'sold'
                     AND NOT coalesce(n.status = 'sold' AND n.sold_at = o.sold_at AND n.seller_id = o.seller_id, false)
                 ) AS e
           CROSS JOIN LATERAL (VALUES ('all'), (podium_month_key(e.sold_at))) AS p (period)
           GROUP BY e.seller_id, p.period) AS g;
  RETURN NULL;
END
$$;

-- Deleted products: a sold one takes its sale out (its views go by the cascade, and their trigger).
CREATE FUNCTION podium_seller_boards_on_products_deleted() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM podium_seller_boards_apply(
    array_agg(g.period), array_agg(g.seller_id), array_agg(0), array_agg(g.removed), array_agg(0), array_agg(0),
    array_agg(NULL::TIMESTAMPTZ), array_agg(NULL::TIMESTAMPTZ), array_agg(now()))
    FROM (SELECT p.period, o.seller_id, count(*)::INTEGER AS removed
            FROM podium_old_products o
           CROSS JOIN LATERAL (VALUES ('all'), (podium_month_key(o.sold_at))) AS p (period)
           WHERE o.status = 'sold'
           GROUP BY o.seller_id, p.period) AS g;
  RETURN NULL;
END
$$;

-- A product's seller never changes (004 refused it in its row trigger). Row-level, but its WHEN is
-- evaluated without calling the function: an update that keeps the seller costs nothing here.
CREATE FUNCTION podium_products_refuse_seller_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'A product''s seller never changes (product %)', NEW.id USING ERRCODE = 'check_violation';
END
$$;

CREATE TRIGGER podium_products_seller_fixed
  BEFORE UPDATE ON podium_products
  FOR EACH ROW WHEN (OLD.seller_id IS DISTINCT FROM NEW.seller_id)
  EXECUTE FUNCTION podium_products_refuse_seller_change();
CREATE TRIGGER podium_seller_boards_products_inserted
  AFTER INSERT ON podium_products REFERENCING NEW TABLE AS podium_new_products
  FOR EACH STATEMENT EXECUTE FUNCTION podium_seller_boards_on_products_inserted();
CREATE TRIGGER podium_seller_boards_products_updated
  AFTER UPDATE ON podium_products REFERENCING OLD TABLE AS podium_old_products NEW TABLE AS podium_new_products
  FOR EACH STATEMENT EXECUTE FUNCTION podium_seller_boards_on_products_updated();
CREATE TRIGGER podium_seller_boards_products_deleted
  AFTER DELETE ON podium_products REFERENCING OLD TABLE AS podium_old_products
  FOR EACH STATEMENT EXECUTE FUNCTION podium_seller_boards_on_products_deleted();

-- New views, the hot path: one ordered upsert per (period, seller) of the statement, inline (no
-- arrays): each adds the group's count, its latest viewed_at as both instants. One aggregation
-- pass makes both rows of a seller (GROUPING SETS: per month, and the seller's 'all'), and the
-- month is truncated per view and formatted per group (podium_month_key's 'YYYY-MM' of the UTC
-- month), so that a 50,000-view statement does 50,000 rather than 100,000 rows of grouping.
CREATE FUNCTION podium_seller_boards_on_views_inserted() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO podium_seller_boards AS b (period, seller_id, views, views_reached_at, updated_at)
  SELECT CASE WHEN GROUPING(n.month) = 1 THEN 'all' ELSE to_char(n.month, 'YYYY-MM') END,
         n.seller_id, count(*)::INTEGER, max(n.viewed_at), max(n.viewed_at)
    FROM (SELECT seller_id, viewed_at, date_trunc('month', viewed_at AT TIME ZONE 'UTC') AS month
            FROM podium_new_views) AS n
   GROUP BY GROUPING SETS ((n.seller_id), (n.seller_id, n.month))
   -- The lock order: a seller's 'all' row (GROUPING = 1) first, then its months in time order.
   ORDER BY n.seller_id COLLATE "C", GROUPING(n.month) = 0, n.month
  ON CONFLICT (period, seller_id) DO UPDATE SET
    views = b.views + EXCLUDED.views,
    views_reached_at = GREATEST(b.views_reached_at, EXCLUDED.views_reached_at),
    updated_at = GREATEST(b.updated_at, EXCLUDED.updated_at);
  RETURN NULL;
END
$$;

-- Deleted views (their product was deleted): each takes its view out.
CREATE FUNCTION podium_seller_boards_on_views_deleted() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM podium_seller_boards_apply(
    array_agg(g.period), array_agg(g.seller_id), array_agg(0), array_agg(0), array_agg(0), array_agg(g.removed),
    array_agg(NULL::TIMESTAMPTZ), array_agg(NULL::TIMESTAMPTZ), array_agg(now()))
    FROM (SELECT p.period, o.seller_id, count(*)::INTEGER AS removed
            FROM podium_old_views o
           CROSS JOIN LATERAL (VALUES ('all'), (podium_month_key(o.viewed_at))) AS p (period)
           GROUP BY o.seller_id, p.period) AS g;
  RETURN NULL;
END
$$;

-- A view is a fact: moving it would need the same care as a sale, and nothing does it.
CREATE FUNCTION podium_product_views_refuse_update() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'Product views are never updated' USING ERRCODE = 'feature_not_supported';
END
$$;

CREATE TRIGGER podium_product_views_never_updated
  BEFORE UPDATE ON podium_product_views
  FOR EACH ROW EXECUTE FUNCTION podium_product_views_refuse_update();
CREATE TRIGGER podium_seller_boards_views_inserted
  AFTER INSERT ON podium_product_views REFERENCING NEW TABLE AS podium_new_views
  FOR EACH STATEMENT EXECUTE FUNCTION podium_seller_boards_on_views_inserted();
CREATE TRIGGER podium_seller_boards_views_deleted
  AFTER DELETE ON podium_product_views REFERENCING OLD TABLE AS podium_old_views
  FOR EACH STATEMENT EXECUTE FUNCTION podium_seller_boards_on_views_deleted();
