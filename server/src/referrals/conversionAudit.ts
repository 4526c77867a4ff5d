import { errorCodes } from 'podium-kit/core';
import type { Queryable } from '../db/Database.js';
import { HttpError } from '../errors.js';
import { conversionColumns, type ConversionRow } from './conversionRows.js';

/** Reads a conversion's row, locked for the rest of the transaction. */
export async function lockConversion(tx: Queryable, id: string): Promise<ConversionRow> {
  const [row] = await tx.query<ConversionRow>(
    `SELECT ${conversionColumns} FROM podium_referral_conversions WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!row) throw new HttpError(404, errorCodes.notFound, `No conversion "${id}"`);
  return row;
}

/** Adds a line to the conversion's audit trail: who changed its status, from what, why. */
export async function recordConversionAudit(
  tx: Queryable,
  entry: {
    id: string;
    action: string;
    from: string | null;
    to: string;
    actor: string | null;
    note: string | null;
    at: Date;
  },
) {
  await tx.query(
    `INSERT INTO podium_referral_conversion_audit (conversion_id, action, from_status, to_status, actor, note, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [entry.id, entry.action, entry.from, entry.to, entry.actor, entry.note, entry.at],
  );
}
