import { errorCodes, type Conversion, type ConversionStatus } from 'podium-kit/core';
import type { Database } from '../db/Database.js';
import { HttpError } from '../errors.js';
import { lockConversion, recordConversionAudit } from './conversionAudit.js';
import { conversionColumns, toConversion, type ConversionRow } from './conversionRows.js';

/** The SQL store of the review queue: flagged conversions and the reviewers' decisions. */
export function createFraudReviewsStore(db: Database) {
  return {
    /** The flagged conversions, oldest first, and how many there are. */
    async listFlagged(query: { creatorId?: string | undefined; limit: number; offset: number }) {
      const creator = query.creatorId ?? null;
      const rows = await db.query<ConversionRow & { total: unknown }>(
        `SELECT ${conversionColumns}, count(*) OVER () AS total FROM podium_referral_conversions
          WHERE status = 'flagged' AND ($1::text IS NULL OR creator_id = $1::text)
          ORDER BY created_at, id LIMIT $2 OFFSET $3`,
        [creator, query.limit, query.offset],
      );
      let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
      if (rows.length === 0 && query.offset > 0) {
        const [row] = await db.query<{ n: unknown }>(
          `SELECT count(*) AS n FROM podium_referral_conversions
            WHERE status = 'flagged' AND ($1::text IS NULL OR creator_id = $1::text)`,
          [creator],
        );
        total = Number(row!.n);
      }
      return { reviews: rows.map(toConversion), total };
    },

    /** Approves or rejects a flagged conversion; anything else is a 409 (the row lock makes one decision win). */
    async decide(
      id: string,
      decision: { decision: 'approve' | 'reject'; reviewer: string | null; note: string | null },
      now: Date,
    ): Promise<Conversion> {
      return db.transaction(async (tx) => {
        const row = await lockConversion(tx, id);
        if (row.status !== 'flagged') {
          throw new HttpError(
            409,
            errorCodes.conflict,
            `Conversion "${id}" is ${row.status}; only a flagged one can be reviewed`,
          );
        }
        const to: ConversionStatus = decision.decision === 'approve' ? 'approved' : 'rejected';
        const [updated] = await tx.query<ConversionRow>(
          `UPDATE podium_referral_conversions
              SET status = $2, review_decision = $3, reviewer = $4, review_note = $5, reviewed_at = $6
            WHERE id = $1 RETURNING ${conversionColumns}`,
          [id, to, decision.decision, decision.reviewer, decision.note, now],
        );
        await recordConversionAudit(tx, {
          id,
          action: decision.decision,
          from: 'flagged',
          to,
          actor: decision.reviewer,
          note: decision.note,
          at: now,
        });
        return toConversion(updated!);
      });
    },
  };
}

export type FraudReviewsStore = ReturnType<typeof createFraudReviewsStore>;
