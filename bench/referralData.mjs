// Bulk referral data for bench/referrals.mjs: creators, members, shares, clicks and conversions
// generated inside the database with generate_series (seconds, not minutes, for a million rows).
// Deterministic: every value is a function of the row number.

import { performance } from 'node:perf_hooks';

const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** SQL for member i's referral code: i written in base 31 with the code alphabet, 8 digits. */
const codeOf = (i) =>
  Array.from({ length: 8 }, (_, k) => `substr('${alphabet}', ((${i} / ${31 ** k}) % 31)::int + 1, 1)`).join(
    ' || ',
  );

/**
 * Loads `members` members spread over `creators` creators, `shares` shares, `clicks` counted
 * clicks (plus one bot click in twenty, not counted) and a conversion for one click in
 * `convertEvery`, all in the `days` before `now`. Returns row counts and the seconds it took.
 */
export async function loadReferralData(
  db,
  {
    creators = 10,
    members = 10_000,
    shares = 100_000,
    clicks = 1_000_000,
    convertEvery = 40,
    days = 90,
    now,
  },
) {
  const started = performance.now();
  const at = (seriesColumn, spread) =>
    `($1::timestamptz - interval '1 hour' - ((${seriesColumn}::bigint * 7919) % ${spread}) * interval '1 second')`;
  const span = days * 86_400;
  await db.query(
    `INSERT INTO podium_referral_creators (id, name, destination_url, commission, currency, created_at, updated_at)
     SELECT 'c' || i, 'Creator ' || i, 'https://creator' || i || '.example/join',
            '{"type":"percent","value":10}', 'USD', $1, $1
     FROM generate_series(0, ${creators - 1}) AS i`,
    [now],
  );
  await db.query(
    `INSERT INTO podium_referral_members (id, creator_id, user_id, display_name, referral_code, created_at, updated_at)
     SELECT 'm' || i, 'c' || (i % ${creators}), 'u' || i, 'Member ' || i, ${codeOf('i')},
            ${at('i', span)}, $1
     FROM generate_series(0, ${members - 1}) AS i`,
    [now],
  );
  const platforms = `(ARRAY['x','facebook','whatsapp','email','copy','linkedin','telegram','qr'])`;
  await db.query(
    `INSERT INTO podium_referral_shares (id, member_id, platform, template_id, share_type, created_at)
     SELECT 'shr_' || i, 'm' || (i % ${members}), ${platforms}[(i % 8) + 1], NULL, 'link', ${at('i', span)}
     FROM generate_series(0, ${shares - 1}) AS i`,
    [now],
  );
  // Click i follows share (i % shares), so it belongs to that share's member and platform.
  await db.query(
    `INSERT INTO podium_referral_clicks
       (click_id, member_id, share_id, platform, ip_hash, user_agent, is_bot, counted, counted_hour, created_at)
     SELECT 'clk_' || i, 'm' || ((i % ${shares}) % ${members}), 'shr_' || (i % ${shares}),
            ${platforms}[((i % ${shares}) % 8) + 1], md5(i::text), 'Mozilla/5.0', i % 20 = 0, i % 20 <> 0,
            CASE WHEN i % 20 <> 0 THEN date_trunc('hour', ${at('i', span)}) END, ${at('i', span)}
     FROM generate_series(0, ${clicks - 1}) AS i`,
    [now],
  );
  // One in fifty of the conversions flagged, one in a hundred blocked, one in a hundred refunded.
  await db.query(
    `INSERT INTO podium_referral_conversions
       (id, creator_id, member_id, click_id, share_id, platform, referee_user_id, amount, currency,
        commission, risk_score, status, reasons, request_hash, occurred_at, created_at, reversed_at)
     SELECT 'conv_' || i, 'c' || (((i % ${shares}) % ${members}) % ${creators}), 'm' || ((i % ${shares}) % ${members}),
            'clk_' || i, 'shr_' || (i % ${shares}), ${platforms}[((i % ${shares}) % 8) + 1], 'r' || i,
            20 + (i % 100), 'USD', (20 + (i % 100)) / 10.0,
            CASE WHEN (i / ${convertEvery}) % 50 = 1 THEN 40 WHEN (i / ${convertEvery}) % 100 = 3 THEN 90 ELSE 0 END,
            CASE WHEN (i / ${convertEvery}) % 50 = 1 THEN 'flagged' WHEN (i / ${convertEvery}) % 100 = 3 THEN 'blocked'
                 WHEN (i / ${convertEvery}) % 100 = 5 THEN 'refunded' ELSE 'approved' END,
            '[]', 'bench', ${at('i', span)} + interval '10 minutes', ${at('i', span)} + interval '10 minutes',
            CASE WHEN (i / ${convertEvery}) % 100 = 5 THEN $1::timestamptz END
     FROM generate_series(0, ${clicks - 1}) AS i WHERE i % ${convertEvery} = 1`,
    [now],
  );
  await db.exec(
    'ANALYZE podium_referral_members; ANALYZE podium_referral_shares; ANALYZE podium_referral_clicks; ANALYZE podium_referral_conversions',
  );
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM podium_referral_clicks) AS clicks,
            (SELECT count(*) FROM podium_referral_conversions) AS conversions`,
  );
  return {
    members,
    shares,
    clicks: Number(row.clicks),
    conversions: Number(row.conversions),
    seconds: (performance.now() - started) / 1000,
  };
}
