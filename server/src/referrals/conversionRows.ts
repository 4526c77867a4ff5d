import type { Conversion, ConversionStatus, RiskReason, ShareChannel } from 'podium-kit/core';
import { toIsoString, toNumber } from '../db/Database.js';

/** A row of `podium_referral_conversions` as the drivers return it. */
export interface ConversionRow {
  id: string;
  creator_id: string;
  member_id: string;
  click_id: string | null;
  share_id: string | null;
  platform: string | null;
  amount: unknown;
  currency: string;
  commission: unknown;
  risk_score: unknown;
  status: ConversionStatus;
  reasons: unknown;
  request_hash: string;
  occurred_at: unknown;
  created_at: unknown;
  review_decision: 'approve' | 'reject' | null;
  reviewer: string | null;
  review_note: string | null;
  reviewed_at: unknown;
  reversed_at: unknown;
}

/** The columns {@link toConversion} reads. */
export const conversionColumns = `id, creator_id, member_id, click_id, share_id, platform, amount, currency,
  commission, risk_score, status, reasons, request_hash, occurred_at, created_at, review_decision,
  reviewer, review_note, reviewed_at, reversed_at`;

/** A stored conversion as every conversion and review endpoint answers it. */
export function toConversion(row: ConversionRow): Conversion {
  const reasons = (typeof row.reasons === 'string' ? JSON.parse(row.reasons) : row.reasons) as RiskReason[];
  return {
    conversionId: row.id,
    creatorId: row.creator_id,
    memberId: row.member_id,
    clickId: row.click_id,
    shareId: row.share_id,
    platform: row.platform as ShareChannel | null,
    amount: { amount: toNumber(row.amount), currency: row.currency },
    commission: { amount: toNumber(row.commission), currency: row.currency },
    riskScore: toNumber(row.risk_score),
    status: row.status,
    reasons,
    review:
      row.review_decision === null
        ? null
        : {
            decision: row.review_decision,
            reviewer: row.reviewer,
            note: row.review_note,
            decidedAt: toIsoString(row.reviewed_at),
          },
    occurredAt: toIsoString(row.occurred_at),
    createdAt: toIsoString(row.created_at),
    reversedAt: row.reversed_at === null ? null : toIsoString(row.reversed_at),
  };
}
