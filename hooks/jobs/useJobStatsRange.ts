import { useCallback, useState } from 'react';
import type { JobStatsRange } from './resolveJobStatsRange.js';
import { usePodiumStore } from '../usePodiumStore.js';

export interface UseJobStatsRangeOptions {
  /** The range, when the caller controls it (pair with `onRangeChange`). */
  range?: JobStatsRange;
  /**
   * The initial range of an uncontrolled view that keeps its own state.
   * @default undefined: share the provider store's range with the other uncontrolled views
   */
  defaultRange?: JobStatsRange;
  /** Called with every range the user picks, controlled or not. */
  onRangeChange?: (range: JobStatsRange) => void;
}

/**
 * The selected range of a job-statistics view, controlled (`range`), uncontrolled with its own
 * state (`defaultRange`), or by default shared through the provider's store so that every view
 * under one provider moves together.
 */
export function useJobStatsRange({
  range,
  defaultRange,
  onRangeChange,
}: UseJobStatsRangeOptions = {}): [JobStatsRange, (range: JobStatsRange) => void] {
  const storeRange = usePodiumStore((state) => state.jobStatsRange);
  const setStoreRange = usePodiumStore((state) => state.setJobStatsRange);
  // The mode is fixed at mount, like an <input>'s defaultValue: later defaultRange changes are ignored.
  const [ownRange, setOwnRange] = useState(defaultRange);
  const [ownsState] = useState(defaultRange !== undefined);

  const current = range ?? (ownsState ? ownRange : undefined) ?? storeRange;
  const controlled = range !== undefined;

  const setRange = useCallback(
    (next: JobStatsRange) => {
      if (!controlled) {
        if (ownsState) setOwnRange(next);
        else setStoreRange(next);
      }
      onRangeChange?.(next);
    },
    [controlled, ownsState, setStoreRange, onRangeChange],
  );

  return [current, setRange];
}
