import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PodiumProvider } from '../../hooks/PodiumProvider.js';
import { useFormatters } from '../../components/shared/useFormatters.js';

function formattersFor(locale: string, timeZone = 'UTC') {
  const { result } = renderHook(() => useFormatters(), {
    wrapper: ({ children }) => (
      <PodiumProvider baseUrl="http://podium.test/api" locale={locale} timeZone={timeZone}>
        {children}
      </PodiumProvider>
    ),
  });
  return result.current;
}

/** Spaces that ICU versions disagree on: no-break (U+00A0), thin (U+2009), narrow no-break (U+202F). */
const icuVersionSpaces = /[\u00a0\u2009\u202f]/;

describe('useFormatters', () => {
  // A Next.js host renders on Node and hydrates in the browser; their ICU versions differ in
  // which space they put around a range dash or before AM/PM. Any difference is a hydration
  // mismatch. The same normalisation runs on both sides, so reducing every variant to a plain
  // space makes them agree whichever variant each ICU prints.
  it.each(['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP'])(
    'prints no ICU-version-dependent spaces in %s',
    (locale) => {
      const format = formattersFor(locale, 'America/New_York');
      const samples = [
        format.dayRange('2025-03-09', '2025-04-15'),
        format.dayRange('2024-12-30', '2025-01-02'),
        format.dateTime('2025-03-09T16:24:00Z'),
        format.time('2025-03-09T16:24:00Z'),
        format.day('2025-03-09'),
        format.number(1_234_567),
        format.percent(0.875),
        format.axis(1_500_000, 500_000),
        format.relativeTime(Date.parse('2025-03-09T10:00:00Z'), Date.parse('2025-03-09T12:00:00Z')),
      ];
      for (const sample of samples) expect(sample, JSON.stringify(sample)).not.toMatch(icuVersionSpaces);
    },
  );

  it('keeps the words and numbers of each format', () => {
    const format = formattersFor('en-US');
    expect(format.dayRange('2025-03-09', '2025-03-15')).toBe('Mar 9 – 15, 2025');
    expect(format.dateTime('2025-03-09T16:24:00Z')).toBe('Mar 9, 2025, 4:24 PM');
    expect(format.number(1_234_567)).toBe('1,234,567');
    expect(format.date('2025-03-09T16:24:00Z')).toBe('Mar 9, 2025');
    expect(format.time('2025-03-09T16:24:00Z')).toBe('4:24 PM');
  });

  it('prints axis ticks with the decimals their step needs, compact from a step of 1,000', () => {
    const format = formattersFor('en-US');
    expect([0, 0.25, 0.5].map((value) => format.axis(value, 0.25))).toEqual(['0', '0.25', '0.5']);
    expect(format.axis(0.0005, 0.0005)).toBe('0.0005');
    expect(format.axis(40, 10)).toBe('40');
    expect(format.axis(15_000, 5000)).toBe('15K');
    expect(formattersFor('de-DE').axis(2.5, 2.5)).toBe('2,5');
  });
});
