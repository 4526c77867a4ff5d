import {
  errorCodes,
  type Commission,
  type Conversion,
  type ConversionStatus,
  type RiskReason,
  type RiskStatus,
} from 'podium-kit/core';
import type { Database } from '../db/Database.js';
import { HttpError } from '../errors.js';
import { lockConversion, recordConversionAudit } from './conversionAudit.js';
import { conversionColumns, toConversion, type ConversionRow } from './conversionRows.js';

/** Whom a conversion is credited to: the member, its creator's terms, and the click if any. */
export interface Attribution {
  memberId: string;
  memberUserId: string;
  creatorId: string;
  currency: string;
  commission: Commission;
  click: {
    clickId: string;
    shareId: string | null;
    platform: string | null;
    ipHash: string;
    isBot: boolean;
    createdAt: Date;
  } | null;
}

/** A scored conversion, ready to insert. */
export interface NewConversion {
  id: string;
  attribution: Attribution;
  referee: {
    userId: string | null;
    emailHash: string | null;
    ipHash: string | null;
    fingerprint: string | null;
    userAgent: string | null;
  };
  amount: number;
  commission: number;
  riskScore: number;
  status: RiskStatus;
  reasons: RiskReason[];
  requestHash: string;
  occurredAt: Date;
  createdAt: Date;
}

interface AttributionRow {
  member_id: string;
  user_id: string;
  creator_id: string;
  currency: string;
  commission: unknown;
  click_id?: string;
  share_id?: string | null;
  platform?: string | null;
  ip_hash?: string;
  is_bot?: boolean;
  created_at?: unknown;
}

const attributionColumns = 'm.id AS member_id, m.user_id, m.creator_id, c.currency, c.commission';

function toAttribution(row: AttributionRow): Attribution {
  return {
    memberId: row.member_id,
    memberUserId: row.user_id,
    creatorId: row.creator_id,
    currency: row.currency,
    commission: (typeof row.commission === 'string'
      ? JSON.parse(row.commission)
      : row.commission) as Commission,
    click:
      row.click_id === undefined
        ? null
        : {
            clickId: row.click_id,
            shareId: row.share_id ?? null,
            platform: row.platform ?? null,
            ipHash: row.ip_hash!,
            isBot: row.is_bot === true,
            createdAt: new Date(row.created_at as string | Date),
          },
  };
}

/** The SQL store of conversions and their reversals (the reviews: `fraudReviewsStore`). */
export function createConversionsStore(db: Database) {
  return {
    async attributeByClick(clickId: string): Promise<Attribution | null> {
      const [row] = await db.query<AttributionRow>(
        `SELECT ${attributionColumns}, k.click_id, k.share_id, k.platform, k.ip_hash, k.is_bot, k.created_at
           FROM podium_referral_clicks k
           JOIN podium_referral_members m ON m.id = k.member_id
           JOIN podium_referral_creators c ON c.id = m.creator_id
          WHERE k.click_id = $1`,
        [clickId],
      );
      return row ? toAttribution(row) : null;
    },

    async attributeByCode(code: string): Promise<Attribution | null> {
      const [row] = await db.query<AttributionRow>(
        `SELECT ${attributionColumns}
           FROM podium_referral_members m JOIN podium_referral_creators c ON c.id = m.creator_id
          WHERE m.referral_code = $1`,
        [code],
      );
      return row ? toAttribution(row) : null;
    },

    /** The stored conversion with its request hash, or null. */
    async getConversion(id: string): Promise<{ conversion: Conversion; requestHash: string } | null> {
      const [row] = await db.query<ConversionRow>(
        `SELECT ${conversionColumns} FROM podium_referral_conversions WHERE id = $1`,
        [id],
      );
      return row ? { conversion: toConversion(row), requestHash: row.request_hash } : null;
    },

    /**
     * Inserts the conversion and its `recorded` audit row in one transaction; false when the id
     * was already taken (by a concurrent request too: the insert waits for it, then does nothing).
     */
    async insertConversion(record: NewConversion): Promise<boolean> {
      const { attribution: a, referee: r } = record;
      return db.transaction(async (tx) => {
        const inserted = await tx.query(
          `INSERT INTO podium_referral_conversions
             (id, creator_id, member_id, click_id, share_id, platform, referee_user_id, referee_email_hash,
              referee_ip_hash, referee_fingerprint, referee_user_agent, amount, currency, commission,
              risk_score, status, reasons, request_hash, occurred_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::jsonb, $18, $19, $20)
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [
            record.id,
            a.creatorId,
            a.memberId,
            a.click?.clickId ?? null,
            a.click?.shareId ?? null,
            a.click?.platform ?? null,
            r.userId,
            r.emailHash,
            r.ipHash,
            r.fingerprint,
            r.userAgent,
            record.amount,
            a.currency,
            record.commission,
            record.riskScore,
            record.status,
            JSON.stringify(record.reasons),
            record.requestHash,
            record.occurredAt,
            record.createdAt,
          ],
        );
        if (inserted.length === 0) return false;
        await recordConversionAudit(tx, {
          id: record.id,
          action: 'recorded',
          from: null,
          to: record.status,
          actor: null,
          note: null,
          at: record.createdAt,
        });
        return true;
      });
    },

    /**
     * Reverses a conversion: a refund or a chargeback. Repeating one changes nothing; a chargeback
     * may follow a refund (the bank reversed a refunded sale: the worse record wins), a refund may
     * not follow a chargeback (the money is already back: 409).
     */
    async reverse(
      id: string,
      kind: 'refund' | 'chargeback',
      reason: string | null,
      now: Date,
    ): Promise<Conversion> {
      const to: ConversionStatus = kind === 'refund' ? 'refunded' : 'chargedBack';
      return db.transaction(async (tx) => {
        const row = await lockConversion(tx, id);
        if (row.status === to) return toConversion(row);
        if (row.status === 'chargedBack') {
          throw new HttpError(
            409,
            errorCodes.conflict,
            `Conversion "${id}" was charged back; it cannot be refunded`,
          );
        }
        const [updated] = await tx.query<ConversionRow>(
          `UPDATE podium_referral_conversions SET status = $2, reversed_at = $3, reversal_reason = $4
            WHERE id = $1 RETURNING ${conversionColumns}`,
          [id, to, now, reason],
        );
        await recordConversionAudit(tx, {
          id,
          action: kind,
          from: row.status,
          to,
          actor: null,
          note: reason,
          at: now,
        });
        return toConversion(updated!);
      });
    },
  };
}

export type ConversionsStore = ReturnType<typeof createConversionsStore>;
