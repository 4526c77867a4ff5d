import { isDisposableEmail, type ConversionRiskFacts, type FraudRules } from 'podium-kit/core';
import { toNumber, type Queryable } from '../db/Database.js';
import { isBotUserAgent } from './referralSecret.js';

/** What a conversion brings to the fraud checks: the member, its click, the referee (hashed). */
export interface FraudFactsInput {
  conversionId: string;
  memberId: string;
  memberUserId: string;
  click: { ipHash: string; isBot: boolean; createdAt: Date } | null;
  referee: {
    userId?: string | undefined;
    email?: string | undefined;
    emailHash: string | null;
    ipHash: string | null;
    fingerprint?: string | undefined;
    userAgent?: string | undefined;
  };
  occurredAt: Date;
}

interface FactsRow {
  same_device: boolean;
  same_ip: boolean;
  clicks: unknown;
  conversions: unknown;
  refunds: unknown;
  chargebacks: unknown;
  same_device_referees: unknown;
  same_email_referees: unknown;
}

/**
 * Reads the facts of {@link scoreConversionRisk} from the database in one statement: the member's
 * own devices (`podium_referral_member_signals`) against the referee's IP (and its click's) and
 * fingerprint, the clicks on the member's links in the velocity window, the member's earlier
 * conversions and their reversals, and the other referees of the member with the referee's
 * device or e-mail (another user id, or none known: the same account buying twice is not two).
 */
export async function gatherFraudFacts(
  db: Queryable,
  input: FraudFactsInput,
  rules: FraudRules,
): Promise<ConversionRiskFacts> {
  const { referee, click } = input;
  const ipHashes = [referee.ipHash, click?.ipHash].filter((hash): hash is string => !!hash);
  const windowStart = new Date(input.occurredAt.getTime() - rules.clickVelocity.windowMinutes * 60_000);
  const [row] = await db.query<FactsRow>(
    `WITH earlier AS (
       SELECT status, referee_user_id, referee_fingerprint, referee_email_hash, id
         FROM podium_referral_conversions WHERE member_id = $1 AND id <> $2
     ), others AS (
       SELECT * FROM earlier
        WHERE referee_user_id IS NULL OR $7::text IS NULL OR referee_user_id <> $7::text
     )
     SELECT
       EXISTS (SELECT 1 FROM podium_referral_member_signals
                WHERE member_id = $1 AND fingerprint = $3::text) AS same_device,
       EXISTS (SELECT 1 FROM podium_referral_member_signals
                WHERE member_id = $1 AND ip_hash = ANY ($4::text[])) AS same_ip,
       (SELECT count(*) FROM podium_referral_clicks
         WHERE member_id = $1 AND NOT is_bot AND created_at > $5 AND created_at <= $6) AS clicks,
       (SELECT count(*) FROM earlier) AS conversions,
       (SELECT count(*) FROM earlier WHERE status = 'refunded') AS refunds,
       (SELECT count(*) FROM earlier WHERE status = 'chargedBack') AS chargebacks,
       (SELECT count(DISTINCT coalesce(referee_user_id, id)) FROM others
         WHERE referee_fingerprint = $3::text) AS same_device_referees,
       (SELECT count(DISTINCT coalesce(referee_user_id, id)) FROM others
         WHERE referee_email_hash = $8::text) AS same_email_referees`,
    [
      input.memberId,
      input.conversionId,
      referee.fingerprint ?? null,
      ipHashes,
      windowStart,
      input.occurredAt,
      referee.userId ?? null,
      referee.emailHash,
    ],
  );
  return {
    sameUser: referee.userId !== undefined && referee.userId === input.memberUserId,
    sameDevice: row!.same_device === true,
    sameIp: row!.same_ip === true,
    // A missing user agent means the host did not pass one, not that a bot converted.
    bot: (referee.userAgent !== undefined && isBotUserAgent(referee.userAgent)) || click?.isBot === true,
    clicksInWindow: toNumber(row!.clicks),
    secondsSinceClick: click ? (input.occurredAt.getTime() - click.createdAt.getTime()) / 1000 : null,
    memberConversions: toNumber(row!.conversions),
    memberRefunds: toNumber(row!.refunds),
    memberChargebacks: toNumber(row!.chargebacks),
    otherRefereesSameDevice: toNumber(row!.same_device_referees),
    otherRefereesSameEmail: toNumber(row!.same_email_referees),
    disposableEmail:
      referee.email !== undefined && isDisposableEmail(referee.email, rules.disposableEmail.extraDomains),
  };
}
