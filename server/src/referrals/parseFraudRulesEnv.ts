import { fieldErrorsFromIssues, fraudRulesSchema, type FraudRulesOverride } from 'podium-kit/core';

/** An example of `PODIUM_FRAUD_RULES`, for the messages. */
const example = '{"weights":{"sameIp":30},"thresholds":{"flagAbove":40,"blockAbove":80}}';

/**
 * `PODIUM_FRAUD_RULES`: JSON of fraud rules over the defaults, each part optional. Every problem
 * goes to `problems` naming its field (`PODIUM_FRAUD_RULES: weights.sameIp must be at most 100`),
 * so the server refuses to start instead of scoring with rules nobody meant.
 */
export function parseFraudRulesEnv(
  raw: string | undefined,
  problems: string[],
): FraudRulesOverride | undefined {
  if (raw === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    problems.push(`PODIUM_FRAUD_RULES must be JSON such as ${example}`);
    return undefined;
  }
  const parsed = fraudRulesSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const fields = Object.entries(fieldErrorsFromIssues(parsed.error.issues));
  for (const [field, messages] of fields.slice(0, 10)) {
    problems.push(`PODIUM_FRAUD_RULES: ${field || 'rules'} ${messages.join('; ')}`);
  }
  return undefined;
}
