import type { ActionRule, Multiplier } from './rules.js';

/** Event metadata: what multipliers read (numbers, booleans, short strings). */
export type ActionMetadata = Readonly<Record<string, unknown>>;

/** One multiplier that applied to an event, for the result and the UI ("×2 volume"). */
export interface AppliedMultiplier {
  field: string;
  factor: number;
}

/** Points of one event before caps. */
export interface ActionPoints {
  points: number;
  multipliers: AppliedMultiplier[];
}

/** The factor one multiplier gives `metadata`, or `undefined` when it does not apply (×1). */
export function multiplierFactor(multiplier: Multiplier, metadata: ActionMetadata): number | undefined {
  const value = metadata[multiplier.field];
  if (multiplier.kind === 'flag') return value === true ? multiplier.factor : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (multiplier.kind === 'proportional') return Math.min(Math.max(value, 0), multiplier.max);
  const tier = multiplier.tiers.find((t) => (t.min !== undefined ? value >= t.min : value < t.below!));
  return tier?.factor;
}

/**
 * Points = `base` × every applicable multiplier, rounded half up. The product is first rounded
 * to 9 decimals so that binary fractions do not turn an exact .5 into .4999… (15 × 1.5 × 1.1).
 */
export function scoreAction(rule: ActionRule, metadata: ActionMetadata = {}): ActionPoints {
  let product = rule.base;
  const multipliers: AppliedMultiplier[] = [];
  for (const multiplier of rule.multipliers ?? []) {
    const factor = multiplierFactor(multiplier, metadata);
    if (factor === undefined || factor === 1) continue;
    product *= factor;
    multipliers.push({ field: multiplier.field, factor });
  }
  const points = Math.floor(Math.round(product * 1e9) / 1e9 + 0.5);
  return { points, multipliers };
}
