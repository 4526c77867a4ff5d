import { describe, expect, it } from 'vitest';
import { defaultLabels, labelsForLocale, pluralLabel } from '../../components/index.js';
import { labelPacks } from '../../components/locales/index.js';

/** The `{name}` placeholders of a template, as a sorted list. */
const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('label packs', () => {
  it.each(Object.keys(labelPacks))('%s has every English key and nothing else', (language) => {
    const pack = labelPacks[language as keyof typeof labelPacks];
    expect(Object.keys(pack).sort()).toEqual(Object.keys(defaultLabels).sort());
  });

  it.each(Object.keys(labelPacks))('%s keeps the placeholders of every key', (language) => {
    const pack: Readonly<Record<string, string>> = labelPacks[language as keyof typeof labelPacks];
    const wrong = Object.entries(defaultLabels)
      .filter(([key, english]) => placeholders(pack[key] ?? '').join() !== placeholders(english).join())
      .map(([key]) => key);
    expect(wrong).toEqual([]);
  });

  it('ships de, es, fr and ja, each translated (not a copy of English)', () => {
    expect(Object.keys(labelPacks).sort()).toEqual(['de', 'es', 'fr', 'ja']);
    for (const pack of Object.values(labelPacks))
      expect(pack.statsTabUpdated).not.toBe(defaultLabels.statsTabUpdated);
  });

  it('picks a registered pack by the language subtag and falls back to English', () => {
    expect(labelsForLocale('de-DE', labelPacks).statsTabUpdated).toBe('Aktualisiert {time}');
    expect(labelsForLocale('de-AT', labelPacks)).toEqual(labelsForLocale('de', labelPacks));
    expect(labelsForLocale('FR-ca', labelPacks).retry).toBe(labelPacks.fr.retry);
    expect(labelsForLocale('ja_JP', labelPacks).retry).toBe(labelPacks.ja.retry);
    expect(labelsForLocale('pt-BR', labelPacks)).toEqual(defaultLabels);
    expect(labelsForLocale('not a locale', labelPacks)).toEqual(defaultLabels);
  });

  it('uses only the packs a host registers (opt-in), a partial pack over English', () => {
    expect(labelsForLocale('de-DE')).toEqual(defaultLabels);
    expect(labelsForLocale('de-DE', { fr: labelPacks.fr })).toEqual(defaultLabels);
    const pt = labelsForLocale('pt-BR', { pt: { retry: 'Tentar de novo', retrying: undefined } });
    expect(pt.retry).toBe('Tentar de novo');
    expect(pt.retrying).toBe(defaultLabels.retrying);
  });
});

describe('pluralLabel', () => {
  it('follows Intl.PluralRules: English 0 is plural, French 0 and 1 singular, Japanese one form', () => {
    const en = labelsForLocale('en-US');
    expect(pluralLabel(en, 'leaderboardSales', 0, 'en-US')).toBe('{count} sales');
    expect(pluralLabel(en, 'leaderboardSales', 1, 'en-US')).toBe('{count} sale');
    const fr = labelsForLocale('fr-FR', labelPacks);
    expect(pluralLabel(fr, 'leaderboardSales', 0, 'fr-FR')).toBe(fr.leaderboardSalesOne);
    expect(pluralLabel(fr, 'leaderboardSales', 1, 'fr-FR')).toBe(fr.leaderboardSalesOne);
    expect(pluralLabel(fr, 'leaderboardSales', 2, 'fr-FR')).toBe(fr.leaderboardSalesOther);
    const ja = labelsForLocale('ja-JP', labelPacks);
    expect(pluralLabel(ja, 'leaderboardSales', 1, 'ja-JP')).toBe(ja.leaderboardSalesOther);
  });

  it('uses a category key a host adds (Polish few), else Other', () => {
    const pl = {
      ...defaultLabels,
      leaderboardSalesOne: '{count} sprzedaż',
      leaderboardSalesFew: '{count} sprzedaże',
      leaderboardSalesOther: '{count} sprzedaży',
    };
    expect(pluralLabel(pl, 'leaderboardSales', 1, 'pl-PL')).toBe('{count} sprzedaż');
    expect(pluralLabel(pl, 'leaderboardSales', 3, 'pl-PL')).toBe('{count} sprzedaże');
    expect(pluralLabel(pl, 'leaderboardSales', 5, 'pl-PL')).toBe('{count} sprzedaży');
  });

  it('treats a single-string key as the Other form (hosts may have overridden it)', () => {
    const labels = { ...defaultLabels, jobStatsShowing: 'Zeige {shown} von {total} Jobs' };
    expect(pluralLabel(labels, 'jobStatsShowing', 5, 'de-DE')).toBe('Zeige {shown} von {total} Jobs');
    expect(pluralLabel(defaultLabels, 'jobStatsShowing', 1, 'en-US')).toBe(defaultLabels.jobStatsShowingOne);
  });

  it('survives a malformed locale', () => {
    expect(pluralLabel(defaultLabels, 'leaderboardViews', 1, 'not a locale')).toBe('{count} view');
  });
});
