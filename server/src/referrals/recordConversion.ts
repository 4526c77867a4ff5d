import { createHmac } from 'node:crypto';
import {
  errorCodes,
  scoreConversionRisk,
  type Commission,
  type Conversion,
  type FraudRules,
  type recordConversionBodySchema,
} from 'podium-kit/core';
import type { Database } from '../db/Database.js';
import { HttpError, invalidRequest } from '../errors.js';
import type { Attribution, ConversionsStore } from './conversionsStore.js';
import { currencyDecimals, decimalsOf, roundToDecimals } from './currencyAmounts.js';
import { gatherFraudFacts } from './fraudFacts.js';
import { hashGivenIp, hashRefereeEmail } from './refereeHashes.js';
import { canonicalJson } from '../http/canonicalJson.js';

/** A parsed body of `POST /conversions`. */
export type RecordConversionInput = ReturnType<(typeof recordConversionBodySchema)['parse']>;

/** What {@link recordConversion} needs. */
export interface RecordConversionDeps {
  db: Database;
  store: ConversionsStore;
  rules: FraudRules;
  /** The referral secret (the key of every referee hash). */
  secret: () => Promise<string>;
  now: () => Date;
}

/** The commission the rule gives on `amount`, rounded half up to the currency's minor unit. */
export function commissionOf(rule: Commission, amount: number, decimals: number): number {
  return roundToDecimals(rule.type === 'fixed' ? rule.amount : (amount * rule.value) / 100, decimals);
}

/** The stored answer for a retry, or a 409 when the id was used for another body. */
function replay(stored: { conversion: Conversion; requestHash: string }, requestHash: string, id: string) {
  if (stored.requestHash !== requestHash) {
    throw new HttpError(409, errorCodes.conflict, `Conversion "${id}" was recorded with another body`, {
      fields: { conversionId: ['was already recorded with a different body'] },
    });
  }
  return { conversion: stored.conversion, created: false };
}

async function attribute(store: ConversionsStore, body: RecordConversionInput): Promise<Attribution> {
  if (body.clickId !== undefined) {
    const byClick = await store.attributeByClick(body.clickId);
    if (!byClick) {
      throw new HttpError(422, errorCodes.invalidRequest, `No click "${body.clickId}"`, {
        fields: { clickId: ['must be a click id a referral link gave'] },
      });
    }
    return byClick;
  }
  const byCode = await store.attributeByCode(body.referralCode!);
  if (!byCode) {
    throw new HttpError(422, errorCodes.invalidRequest, `No member has the code "${body.referralCode}"`, {
      fields: { referralCode: ['must be a member’s referral code'] },
    });
  }
  return byCode;
}

/**
 * Records a conversion (idempotent by id): attributes it, checks its money against the creator's
 * currency, scores it on the facts in the database and stores it with its audit row. A retry with
 * the same body answers the stored conversion (`created: false`), whatever the concurrency: the
 * insert does nothing on a taken id and the stored row is read back. The answer is the stored
 * conversion as it stands now (a refund in between shows). The request hash is keyed with the
 * referral secret (the body holds the referee's e-mail and IP in clear); the secret outlives
 * restarts (configured, or kept in the database), so a retry after a restart still matches.
 */
export async function recordConversion(
  deps: RecordConversionDeps,
  body: RecordConversionInput,
): Promise<{ conversion: Conversion; created: boolean }> {
  const secret = await deps.secret();
  const requestHash = createHmac('sha256', secret)
    .update(`request:${canonicalJson(body)}`)
    .digest('hex');
  const existing = await deps.store.getConversion(body.conversionId);
  if (existing) return replay(existing, requestHash, body.conversionId);

  const attribution = await attribute(deps.store, body);
  if (body.currency !== attribution.currency) {
    throw invalidRequest(`The creator sells in ${attribution.currency}`, {
      currency: [`must be ${attribution.currency}, the creator’s currency`],
    });
  }
  const decimals = currencyDecimals(body.currency);
  if (decimalsOf(body.amount) > decimals) {
    throw invalidRequest(`${body.currency} amounts have at most ${decimals} decimals`, {
      amount: [`must have at most ${decimals} decimals in ${body.currency}`],
    });
  }
  const createdAt = deps.now();
  const occurredAt = body.occurredAt ? new Date(body.occurredAt) : createdAt;
  const { referee } = body;
  const hashed = {
    emailHash: referee.email === undefined ? null : hashRefereeEmail(secret, referee.email),
    ipHash: referee.ip === undefined ? null : hashGivenIp(secret, referee.ip),
  };
  const facts = await gatherFraudFacts(
    deps.db,
    {
      conversionId: body.conversionId,
      memberId: attribution.memberId,
      memberUserId: attribution.memberUserId,
      click: attribution.click,
      referee: { ...referee, ...hashed },
      occurredAt,
    },
    deps.rules,
  );
  const risk = scoreConversionRisk(facts, deps.rules);
  const inserted = await deps.store.insertConversion({
    id: body.conversionId,
    attribution,
    referee: {
      userId: referee.userId ?? null,
      ...hashed,
      fingerprint: referee.fingerprint ?? null,
      userAgent: referee.userAgent ?? null,
    },
    amount: body.amount,
    commission: commissionOf(attribution.commission, body.amount, decimals),
    ...risk,
    requestHash,
    occurredAt,
    createdAt,
  });
  const stored = await deps.store.getConversion(body.conversionId);
  if (!stored) throw new Error(`Conversion "${body.conversionId}" vanished after its insert`);
  return inserted
    ? { conversion: stored.conversion, created: true }
    : replay(stored, requestHash, body.conversionId);
}
