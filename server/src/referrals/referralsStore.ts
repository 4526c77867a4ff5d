import { randomBytes, randomInt } from 'node:crypto';
import {
  errorCodes,
  referralCodeAlphabet,
  referralCodeLength,
  type Commission,
  type Creator,
  type PutCreatorBody,
  type ShareChannel,
} from 'podium-kit/core';
import { toIsoString, type Database } from '../db/Database.js';
import { HttpError } from '../errors.js';

/** A member as stored (the link is added by the routes, which know the public URL). */
export interface StoredMember {
  id: string;
  creatorId: string;
  userId: string;
  displayName: string | null;
  referralCode: string;
  createdAt: string;
  updatedAt: string;
}

/** What the member's own devices showed: IP (hashed), fingerprint, user agent. */
export interface SignalInput {
  ipHash?: string | undefined;
  fingerprint?: string | undefined;
  userAgent?: string | undefined;
}

/** One click on a tracked link, as recorded. */
export interface ClickInput {
  code: string;
  platform: ShareChannel | undefined;
  shareId: string | undefined;
  ipHash: string;
  userAgent: string | undefined;
  isBot: boolean;
}

/** The outcome of a click on a known code. */
export interface RecordedClick {
  clickId: string;
  memberId: string;
  destinationUrl: string;
  counted: boolean;
}

/** How many fresh codes to try when one is taken (31^8 ≈ 8.5e11 codes: a retry is rare). */
const maxCodeAttempts = 8;

/** A fresh referral code from crypto randomness (uniform over the alphabet: `randomInt`). */
export function generateReferralCode(): string {
  let code = '';
  for (let i = 0; i < referralCodeLength; i += 1)
    code += referralCodeAlphabet[randomInt(referralCodeAlphabet.length)];
  return code;
}

/** Random ids of shares and clicks (`shr_…`, `clk_…`): unguessable, URL-safe. */
export function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

interface CreatorRow {
  id: string;
  name: string;
  destination_url: string;
  commission: unknown;
  currency: string;
  created_at: unknown;
  updated_at: unknown;
  created?: unknown;
}

interface MemberRow {
  id: string;
  creator_id: string;
  user_id: string;
  display_name: string | null;
  referral_code: string;
  created_at: unknown;
  updated_at: unknown;
  created?: unknown;
}

const memberColumns = 'id, creator_id, user_id, display_name, referral_code, created_at, updated_at';

function toCreator(row: CreatorRow): Creator {
  const commission = (
    typeof row.commission === 'string' ? JSON.parse(row.commission) : row.commission
  ) as Commission;
  return {
    id: row.id,
    name: row.name,
    destinationUrl: row.destination_url,
    commission,
    currency: row.currency,
    createdAt: toIsoString(row.created_at),
    updatedAt: toIsoString(row.updated_at),
  };
}

function toMember(row: MemberRow): StoredMember {
  return {
    id: row.id,
    creatorId: row.creator_id,
    userId: row.user_id,
    displayName: row.display_name,
    referralCode: row.referral_code,
    createdAt: toIsoString(row.created_at),
    updatedAt: toIsoString(row.updated_at),
  };
}

function postgresError(error: unknown): { code?: string; constraint?: string; message?: string } {
  return typeof error === 'object' && error !== null ? (error as { code?: string }) : {};
}

/** The creator's currency: as given, else a fixed commission's, else USD. */
export function creatorCurrency(input: PutCreatorBody): string {
  return input.currency ?? (input.commission.type === 'fixed' ? input.commission.currency : 'USD');
}

/** Options of {@link createReferralsStore}. */
export interface ReferralsStoreOptions {
  /** Makes a candidate code (tests pass a sequence to force a collision). @default generateReferralCode */
  generateCode?: () => string;
}

/** The SQL store of referral sharing. */
export function createReferralsStore(
  db: Database,
  { generateCode = generateReferralCode }: ReferralsStoreOptions = {},
) {
  return {
    /** Creates or replaces a creator. */
    async putCreator(id: string, input: PutCreatorBody, now: Date) {
      const [row] = await db.query<CreatorRow>(
        `INSERT INTO podium_referral_creators (id, name, destination_url, commission, currency, created_at, updated_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $6)
         ON CONFLICT (id) DO UPDATE
           SET name = EXCLUDED.name, destination_url = EXCLUDED.destination_url,
               commission = EXCLUDED.commission, currency = EXCLUDED.currency,
               updated_at = EXCLUDED.updated_at
         RETURNING *, (xmax = 0) AS created`,
        [id, input.name, input.destinationUrl, JSON.stringify(input.commission), creatorCurrency(input), now],
      );
      return { creator: toCreator(row!), created: row!.created === true };
    },

    /**
     * Creates a member (with a fresh code) or updates its display name. The creator and user of
     * a member never change: another pair under the same id, or the pair under another id, is a
     * 409. The code is made once, on the insert, and never changed.
     */
    async putMember(
      id: string,
      input: { creatorId: string; userId: string; displayName: string | null },
      now: Date,
    ): Promise<{ member: StoredMember; created: boolean }> {
      for (let attempt = 1; ; attempt += 1) {
        let rows: MemberRow[];
        try {
          rows = await db.query<MemberRow>(
            `INSERT INTO podium_referral_members (${memberColumns})
             VALUES ($1, $2, $3, $4, $5, $6, $6)
             ON CONFLICT (id) DO UPDATE
               SET display_name = EXCLUDED.display_name, updated_at = EXCLUDED.updated_at
               WHERE podium_referral_members.creator_id = EXCLUDED.creator_id
                 AND podium_referral_members.user_id = EXCLUDED.user_id
             RETURNING ${memberColumns}, (xmax = 0) AS created`,
            [id, input.creatorId, input.userId, input.displayName, generateCode(), now],
          );
        } catch (error) {
          const pg = postgresError(error);
          const about = `${pg.constraint ?? ''} ${pg.message ?? ''}`;
          if (pg.code === '23503') {
            throw new HttpError(400, errorCodes.invalidRequest, `No creator "${input.creatorId}"`, {
              fields: { creatorId: ['must name a creator registered with PUT /creators/:id'] },
            });
          }
          if (pg.code === '23505' && about.includes('referral_code') && attempt < maxCodeAttempts) continue;
          if (pg.code === '23505' && about.includes('user_id')) {
            throw new HttpError(
              409,
              errorCodes.conflict,
              `User "${input.userId}" is already a member of creator "${input.creatorId}" under another id`,
              { fields: { userId: ['is already a member of this creator under another member id'] } },
            );
          }
          throw error;
        }
        const [row] = rows;
        if (!row) {
          throw new HttpError(
            409,
            errorCodes.conflict,
            `Member "${id}" belongs to another creator or user; a member's creator and user never change`,
            {
              fields: {
                creatorId: ['must be the member\u2019s creator'],
                userId: ['must be the member\u2019s user'],
              },
            },
          );
        }
        return { member: toMember(row), created: row.created === true };
      }
    },

    async getMember(id: string): Promise<StoredMember | null> {
      const [row] = await db.query<MemberRow>(
        `SELECT ${memberColumns} FROM podium_referral_members WHERE id = $1`,
        [id],
      );
      return row ? toMember(row) : null;
    },

    async getMemberOfUser(creatorId: string, userId: string): Promise<StoredMember | null> {
      const [row] = await db.query<MemberRow>(
        `SELECT ${memberColumns} FROM podium_referral_members WHERE creator_id = $1 AND user_id = $2`,
        [creatorId, userId],
      );
      return row ? toMember(row) : null;
    },

    /** Remembers a device the member used (one row per distinct IP hash, fingerprint, user agent). */
    async recordSignals(memberId: string, signals: SignalInput, now: Date): Promise<void> {
      const { ipHash = null, fingerprint = null, userAgent = null } = signals;
      if (ipHash === null && fingerprint === null && userAgent === null) return;
      await db.query(
        `INSERT INTO podium_referral_member_signals (member_id, ip_hash, fingerprint, user_agent, first_seen_at, seen_at)
         VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (member_id, (coalesce(ip_hash, '')), (coalesce(fingerprint, '')), (coalesce(user_agent, '')))
         DO UPDATE SET seen_at = greatest(podium_referral_member_signals.seen_at, EXCLUDED.seen_at)`,
        [memberId, ipHash, fingerprint, userAgent, now],
      );
    },

    async createShare(
      memberId: string,
      share: { platform: ShareChannel; templateId?: string | undefined; shareType?: string | undefined },
      now: Date,
    ): Promise<string> {
      const id = randomId('shr');
      await db.query(
        `INSERT INTO podium_referral_shares (id, member_id, platform, template_id, share_type, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, memberId, share.platform, share.templateId ?? null, share.shareType ?? null, now],
      );
      return id;
    },

    /**
     * Records a click on `code`; `null` when no member has it. One click per IP hash, code and
     * UTC hour is counted: the counted insert conflicts on the dedupe index for every other one
     * (whatever the concurrency), which is then recorded as not counted.
     */
    async recordClick(click: ClickInput, now: Date): Promise<RecordedClick | null> {
      const [target] = await db.query<{ member_id: string; destination_url: string }>(
        `SELECT m.id AS member_id, c.destination_url
           FROM podium_referral_members m JOIN podium_referral_creators c ON c.id = m.creator_id
          WHERE m.referral_code = $1`,
        [click.code],
      );
      if (!target) return null;
      const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
      const clickId = randomId('clk');
      const insert = (counted: boolean) =>
        db.query(
          `INSERT INTO podium_referral_clicks
             (click_id, member_id, share_id, platform, ip_hash, user_agent, is_bot, counted, counted_hour, created_at)
           VALUES ($1, $2, (SELECT id FROM podium_referral_shares WHERE id = $3 AND member_id = $2),
                   $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (member_id, ip_hash, counted_hour) DO NOTHING
           RETURNING click_id`,
          [
            clickId,
            target.member_id,
            click.shareId ?? null,
            click.platform ?? null,
            click.ipHash,
            click.userAgent ?? null,
            click.isBot,
            counted,
            counted ? hour : null,
            now,
          ],
        );
      let counted = false;
      if (!click.isBot) counted = (await insert(true)).length > 0;
      if (!counted) await insert(false);
      return { clickId, memberId: target.member_id, destinationUrl: target.destination_url, counted };
    },
  };
}

export type ReferralsStore = ReturnType<typeof createReferralsStore>;
