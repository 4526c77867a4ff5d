import type { Queryable } from '../../src/db/Database.js';

/** Plain-SQL writers of referral rows for the analytics tests (conversions have no route here). */
let sequence = 0;
const next = (prefix: string) => `${prefix}_${(sequence += 1).toString(36)}`;

export async function insertCreator(db: Queryable, id: string, at: Date, currency = 'USD') {
  await db.query(
    `INSERT INTO podium_referral_creators (id, name, destination_url, commission, currency, created_at, updated_at)
     VALUES ($1, $1, 'https://example.com/', '{"type":"percent","value":10}', $2, $3, $3)`,
    [id, currency, at],
  );
}

export async function insertMember(db: Queryable, id: string, creatorId: string, userId: string, at: Date) {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  let code = '';
  for (let n = (sequence += 1) * 7919 + 1e6, i = 0; i < 8; i += 1, n = Math.floor(n / 31))
    code += alphabet[n % 31];
  await db.query(
    `INSERT INTO podium_referral_members (id, creator_id, user_id, display_name, referral_code, created_at, updated_at)
     VALUES ($1, $2, $3, $3, $4, $5, $5)`,
    [id, creatorId, userId, code, at],
  );
}

export async function insertShare(db: Queryable, memberId: string, platform: string, at: Date) {
  const id = next('shr');
  await db.query(
    'INSERT INTO podium_referral_shares (id, member_id, platform, created_at) VALUES ($1, $2, $3, $4)',
    [id, memberId, platform, at],
  );
  return id;
}

/** A click; `counted` ones get their own IP so the hourly dedupe never merges them. */
export async function insertClick(
  db: Queryable,
  memberId: string,
  platform: string | null,
  at: Date,
  counted = true,
) {
  const id = next('clk');
  await db.query(
    `INSERT INTO podium_referral_clicks (click_id, member_id, platform, ip_hash, is_bot, counted, counted_hour, created_at)
     VALUES ($1, $2, $3, $1, false, $4, $5, $6)`,
    [
      id,
      memberId,
      platform,
      counted,
      counted ? new Date(Math.floor(at.getTime() / 3.6e6) * 3.6e6) : null,
      at,
    ],
  );
  return id;
}

export type ConversionStatus = 'approved' | 'flagged' | 'blocked' | 'rejected' | 'refunded' | 'chargedBack';

export async function insertConversion(
  db: Queryable,
  input: {
    creatorId: string;
    memberId: string;
    status: ConversionStatus;
    amount: number;
    commission: number;
    at: Date;
    refereeUserId?: string | null;
    platform?: string | null;
  },
) {
  const id = next('ord');
  await db.query(
    `INSERT INTO podium_referral_conversions
       (id, creator_id, member_id, platform, referee_user_id, amount, currency, commission, risk_score,
        status, reasons, request_hash, occurred_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'USD', $7, 0, $8, '[]', 'h', $9, $9)`,
    [
      id,
      input.creatorId,
      input.memberId,
      input.platform ?? null,
      input.refereeUserId ?? null,
      input.amount,
      input.commission,
      input.status,
      input.at,
    ],
  );
  return id;
}
