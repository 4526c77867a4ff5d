import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  achievementsLabels,
  defaultLabels,
  jobStatsLabels,
  leaderboardLabels,
  pluralLabel,
  referrersBoardLabels,
  scoreCardLabels,
  sellerDashboardLabels,
  shareAnalyticsLabels,
  shareKitLabels,
  sharedLabels,
  statsTabLabels,
  templateSelectorLabels,
  useLabels,
} from '../../components/index.js';
import { de } from '../../components/locales/de.js';
import { providerWrapper } from './providerWrapper.js';

// The English strings are one table per feature so a widget bundles only its own (issue 10);
// `defaultLabels` and the packs still cover every key.
const tables = {
  sharedLabels,
  jobStatsLabels,
  statsTabLabels,
  leaderboardLabels,
  referrersBoardLabels,
  sellerDashboardLabels,
  scoreCardLabels,
  achievementsLabels,
  shareKitLabels,
  templateSelectorLabels,
  shareAnalyticsLabels,
};

describe('English label tables', () => {
  it('hold each key once: defaultLabels is exactly their union', () => {
    const owners = new Map<string, string[]>();
    for (const [name, table] of Object.entries(tables))
      for (const key of Object.keys(table)) owners.set(key, [...(owners.get(key) ?? []), name]);
    expect([...owners].filter(([, names]) => names.length > 1)).toEqual([]);
    expect([...owners.keys()].sort()).toEqual(Object.keys(defaultLabels).sort());
    for (const table of Object.values(tables))
      for (const [key, value] of Object.entries(table))
        expect(defaultLabels[key as keyof typeof defaultLabels]).toBe(value);
  });
});

const jobStatsTables = [sharedLabels, jobStatsLabels] as const;

describe('useLabels', () => {
  it('gives the widget its own tables in English, without other widgets’ strings', () => {
    const { result } = renderHook(() => useLabels(jobStatsTables), { wrapper: providerWrapper().Wrapper });
    expect(result.current.retry).toBe('Retry');
    expect(result.current.jobStatsTitle).toBe('Job statistics');
    expect(Object.keys(result.current).sort()).toEqual(
      [...Object.keys(sharedLabels), ...Object.keys(jobStatsLabels)].sort(),
    );
    expect(result.current).not.toHaveProperty('shareKitTitle');
  });

  it('merges English < locale pack < provider labels < component labels', () => {
    const { Wrapper } = providerWrapper({
      locale: 'de-AT',
      labelPacks: { de },
      labels: { jobStatsTitle: 'Provider', jobStatsLoading: 'Provider lädt' },
    });
    const { result } = renderHook(() => useLabels(jobStatsTables, { jobStatsLoading: 'Widget lädt' }), {
      wrapper: Wrapper,
    });
    expect(result.current.retry).toBe(de.retry);
    expect(result.current.jobStatsRangeLabel).toBe(de.jobStatsRangeLabel);
    expect(result.current.jobStatsTitle).toBe('Provider');
    expect(result.current.jobStatsLoading).toBe('Widget lädt');
  });

  it('keeps plural forms a host adds beyond the tables (Polish `Few`)', () => {
    const { Wrapper } = providerWrapper({
      locale: 'pl-PL',
      labels: { jobStatsPartialOne: '{count} zadanie', jobStatsPartialFew: '{count} zadania' },
    });
    const { result } = renderHook(() => useLabels(jobStatsTables), { wrapper: Wrapper });
    expect(pluralLabel(result.current, 'jobStatsPartial', 3, 'pl-PL')).toBe('{count} zadania');
    expect(pluralLabel(result.current, 'jobStatsPartial', 1, 'pl-PL')).toBe('{count} zadanie');
  });

  it('keeps the same object across renders while nothing changes', () => {
    const { result, rerender } = renderHook(() => useLabels(jobStatsTables), {
      wrapper: providerWrapper().Wrapper,
    });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });
});
