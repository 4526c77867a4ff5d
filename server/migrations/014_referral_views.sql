-- Referral analytics (issue 12): what the creator dashboard and the referrers board read, as
-- materialized views refreshed every few minutes (and by the cron route and the CLI), so those
-- reads never scan the event tables. A member's own counts are read live (see memberStats.ts);
-- only the rank comes from here. Each view has a UNIQUE index on plain columns, which
-- REFRESH MATERIALIZED VIEW CONCURRENTLY needs (readers are never blocked by a refresh).

-- Per member: counted clicks, shares, referrals (distinct referees of approved or flagged
-- conversions: the referee's user id, else the conversion itself), approved conversions, earnings
-- (commission of approved ones; refunds and chargebacks change the status, so they drop out) and
-- pending earnings (flagged), and the rank among the creator's members by referrals (standard
-- ties; NULL without a referral).
CREATE MATERIALIZED VIEW podium_referral_member_stats AS
WITH clicks AS (
  SELECT member_id, count(*) AS clicks FROM podium_referral_clicks WHERE counted GROUP BY member_id
), shares AS (
  SELECT member_id, count(*) AS shares FROM podium_referral_shares GROUP BY member_id
), conversions AS (
  SELECT member_id,
         count(DISTINCT coalesce('u:' || referee_user_id, 'c:' || id))
           FILTER (WHERE status IN ('approved', 'flagged')) AS referrals,
         count(*) FILTER (WHERE status = 'approved') AS conversions,
         coalesce(sum(commission) FILTER (WHERE status = 'approved'), 0) AS earnings,
         coalesce(sum(commission) FILTER (WHERE status = 'flagged'), 0) AS pending
    FROM podium_referral_conversions GROUP BY member_id
), totals AS (
  SELECT m.id AS member_id, m.creator_id, m.user_id, m.display_name,
         coalesce(k.clicks, 0)::integer AS clicks,
         coalesce(s.shares, 0)::integer AS shares,
         coalesce(v.referrals, 0)::integer AS referrals,
         coalesce(v.conversions, 0)::integer AS conversions,
         coalesce(v.earnings, 0)::numeric(20, 4) AS earnings,
         coalesce(v.pending, 0)::numeric(20, 4) AS pending
    FROM podium_referral_members m
    LEFT JOIN clicks k ON k.member_id = m.id
    LEFT JOIN shares s ON s.member_id = m.id
    LEFT JOIN conversions v ON v.member_id = m.id
)
SELECT *,
       -- Members without a referral sort last, so the ranks of those with one are right.
       CASE WHEN referrals > 0
            THEN rank() OVER (PARTITION BY creator_id ORDER BY referrals DESC)::integer END AS rank
  FROM totals;
CREATE UNIQUE INDEX podium_referral_member_stats_key ON podium_referral_member_stats (member_id);
CREATE INDEX podium_referral_member_stats_creator_idx
  ON podium_referral_member_stats (creator_id, referrals DESC);

-- Per creator: the dashboard's totals.
CREATE MATERIALIZED VIEW podium_referral_creator_analytics AS
WITH conversions AS (
  SELECT creator_id,
         coalesce(sum(amount) FILTER (WHERE status = 'approved'), 0) AS revenue,
         coalesce(sum(commission) FILTER (WHERE status = 'approved'), 0) AS commissions,
         count(*) FILTER (WHERE status = 'approved') AS conversions,
         count(*) FILTER (WHERE status = 'flagged') AS flagged,
         count(*) FILTER (WHERE status = 'blocked') AS blocked
    FROM podium_referral_conversions GROUP BY creator_id
), members AS (
  SELECT creator_id, count(*) AS members, count(*) FILTER (WHERE shares > 0) AS active_members,
         sum(shares) AS shares, sum(clicks) AS clicks
    FROM podium_referral_member_stats GROUP BY creator_id
)
SELECT c.id AS creator_id, c.currency,
       coalesce(v.revenue, 0)::numeric(20, 4) AS revenue,
       coalesce(v.commissions, 0)::numeric(20, 4) AS commissions,
       coalesce(m.members, 0)::integer AS members,
       coalesce(m.active_members, 0)::integer AS active_members,
       coalesce(m.shares, 0)::integer AS shares,
       coalesce(m.clicks, 0)::integer AS clicks,
       coalesce(v.conversions, 0)::integer AS conversions,
       coalesce(v.flagged, 0)::integer AS flagged,
       coalesce(v.blocked, 0)::integer AS blocked
  FROM podium_referral_creators c
  LEFT JOIN conversions v ON v.creator_id = c.id
  LEFT JOIN members m ON m.creator_id = c.id;
CREATE UNIQUE INDEX podium_referral_creator_analytics_key ON podium_referral_creator_analytics (creator_id);

-- Per creator and ISO week (UTC, keyed with the ISO week-year: 2024-12-30 is 2025-W01): the
-- growth chart. A view of its own rather than read-time queries: the chart then agrees with the
-- totals above (same refresh), and a read is 12 rows by index however many events there are.
-- All weeks are kept (a few rows per creator and week), so it does not depend on when it ran.
CREATE MATERIALIZED VIEW podium_referral_creator_weeks AS
WITH events AS (
  SELECT creator_id, created_at AS at, 1 AS new_members, 0 AS clicks, 0 AS conversions, 0::numeric AS revenue
    FROM podium_referral_members
  UNION ALL
  SELECT m.creator_id, k.created_at, 0, 1, 0, 0
    FROM podium_referral_clicks k JOIN podium_referral_members m ON m.id = k.member_id WHERE k.counted
  UNION ALL
  SELECT creator_id, occurred_at, 0, 0, 1, amount
    FROM podium_referral_conversions WHERE status = 'approved'
)
SELECT creator_id,
       to_char(date_trunc('week', at AT TIME ZONE 'UTC'), 'IYYY-"W"IW') AS week,
       sum(new_members)::integer AS new_members,
       sum(clicks)::integer AS clicks,
       sum(conversions)::integer AS conversions,
       sum(revenue)::numeric(20, 4) AS revenue
  FROM events GROUP BY 1, 2;
CREATE UNIQUE INDEX podium_referral_creator_weeks_key ON podium_referral_creator_weeks (creator_id, week);

-- When each view was last refreshed, how long it took and how many rows it has (health, CLI,
-- the `asOf` of the answers and the leaderboard's ETag). Written in the refresh's transaction.
CREATE TABLE podium_referral_view_refreshes (
  view_name TEXT PRIMARY KEY,
  refreshed_at TIMESTAMPTZ(3) NOT NULL,
  duration_ms INTEGER NOT NULL,
  row_count INTEGER NOT NULL
);
