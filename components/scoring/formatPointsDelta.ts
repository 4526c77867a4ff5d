import type { PodiumFormatters } from '../shared/useFormatters.js';

/** Points as a change, signed: "+30", "-50" (an adjustment can take points away), "0". */
export function formatPointsDelta(points: number, format: Pick<PodiumFormatters, 'number'>): string {
  return points > 0 ? `+${format.number(points)}` : format.number(points);
}
