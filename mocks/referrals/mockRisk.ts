import type { Member } from '../../src/referrals/contract.js';
import type { Referee } from '../../src/referrals/conversionContract.js';
import { defaultFraudRules } from '../../src/referrals/fraudRules.js';
import { isDisposableEmail } from '../../src/referrals/isDisposableEmail.js';
import { normalizeEmail } from '../../src/referrals/normalizeEmail.js';
import { scoreConversionRisk, type ConversionRisk } from '../../src/referrals/scoreConversionRisk.js';
import type { RecordedClick, ReferralWorld } from './fixtures.js';

/**
 * The core's fraud scoring with the default rules, on the facts the mocks can know: the member's
 * own user id, the referee's e-mail (disposable, or seen on another referee of the member), the
 * time since the click, the clicks before it, and the member's refunds and chargebacks. The mocks
 * keep no IPs or devices, so the same-IP and same-device signals never fire here.
 */
export function mockConversionRisk(
  world: ReferralWorld,
  member: Member,
  click: RecordedClick | undefined,
  referee: Referee,
  occurredAt: Date,
): ConversionRisk {
  const rules = defaultFraudRules;
  const earlier = world.conversions.filter((c) => c.memberId === member.id);
  const email = referee.email === undefined ? undefined : normalizeEmail(referee.email);
  const windowStart = occurredAt.getTime() - rules.clickVelocity.windowMinutes * 60_000;
  return scoreConversionRisk(
    {
      sameUser: referee.userId !== undefined && referee.userId === member.userId,
      sameDevice: false,
      sameIp: false,
      bot: false,
      clicksInWindow: world.clicks.filter((c) => {
        const at = Date.parse(c.createdAt);
        return c.memberId === member.id && at >= windowStart && at <= occurredAt.getTime();
      }).length,
      secondsSinceClick: click ? (occurredAt.getTime() - Date.parse(click.createdAt)) / 1000 : null,
      memberConversions: earlier.length,
      memberRefunds: earlier.filter((c) => c.status === 'refunded').length,
      memberChargebacks: earlier.filter((c) => c.status === 'chargedBack').length,
      otherRefereesSameDevice: 0,
      otherRefereesSameEmail:
        email === undefined
          ? 0
          : earlier.filter((c) => c.refereeEmail === email && c.refereeUserId !== (referee.userId ?? null))
              .length,
      disposableEmail: referee.email !== undefined && isDisposableEmail(referee.email),
    },
    rules,
  );
}
