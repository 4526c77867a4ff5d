import { useMemo } from 'react';
import { usePodium } from '../hooks/usePodium.js';
import type { PodiumLabelOverrides, PodiumLabelPacks } from '../hooks/PodiumContext.js';
import { achievementsLabels } from './scoring/achievementsLabels.js';
import { jobStatsLabels } from './jobs/jobStatsLabels.js';
import { leaderboardLabels } from './shared/leaderboardLabels.js';
import { referrersBoardLabels } from './referrals/referrersBoardLabels.js';
import { scoreCardLabels } from './scoring/scoreCardLabels.js';
import { sellerDashboardLabels } from './sellerBoards/sellerDashboardLabels.js';
import { shareAnalyticsLabels } from './referrals/shareAnalyticsLabels.js';
import { shareKitLabels } from './referrals/shareKitLabels.js';
import { sharedLabels } from './shared/sharedLabels.js';
import { statsTabLabels } from './userStats/statsTabLabels.js';
import { templateSelectorLabels } from './referrals/templateSelectorLabels.js';

/*
 * Every string the components show, in English, is in one table per feature next to its widgets
 * (`sharedLabels`, `jobStatsLabels`, `leaderboardLabels`, …): a widget reads only its own tables
 * (`useLabels(tables)`), so a host's bundle holds only the strings of the widgets it imports
 * (issue 10). Packs for `de`, `es`, `fr` and `ja` (in `./locales/`, published as
 * `podium-kit/locales/<language>`) are opt-in: a host registers the ones it wants with
 * `<PodiumProvider labelPacks>` and the provider's `locale` picks one. Hosts override any string by
 * passing `<PodiumProvider labels>` (all widgets) or a component's `labels` prop (that widget only).
 * `{name}` placeholders are filled by the component; keep them in translations.
 *
 * Counts put into words have one key per plural form, picked by `pluralLabel` through
 * `Intl.PluralRules`: `<base>One` and `<base>Other` here, and a host may add `<base>Zero`, `Two`,
 * `Few` or `Many` for languages that need them (Polish: `leaderboardSalesFew`). Where a key had a
 * single string before plurals came (`jobStatsShowing`), that key is the `Other` form.
 */

/** The keys of any of `Table` (a union of tables): distributes, where `keyof (A | B)` would not. */
type KeysOf<Table> = Table extends unknown ? keyof Table : never;

/** Every key of every feature's table: what a locale pack translates and a host may override. */
export type PodiumLabelKey = KeysOf<
  | typeof sharedLabels
  | typeof jobStatsLabels
  | typeof statsTabLabels
  | typeof leaderboardLabels
  | typeof sellerDashboardLabels
  | typeof scoreCardLabels
  | typeof achievementsLabels
  | typeof shareKitLabels
  | typeof templateSelectorLabels
  | typeof shareAnalyticsLabels
  | typeof referrersBoardLabels
>;

/** The full table of component strings. */
export type PodiumLabels = Readonly<Record<PodiumLabelKey, string>>;

/** One feature's English strings (`jobStatsLabels`, …): some of the keys, each with its string. */
export type PodiumLabelTable = Readonly<Partial<Record<PodiumLabelKey, string>>>;

/**
 * The labels a widget reads from its `tables`: every key of each, as a string. Its parts take
 * this type, so a part cannot read a string its widget does not carry.
 */
export type LabelsOf<Tables extends readonly PodiumLabelTable[]> = Readonly<
  Record<KeysOf<Tables[number]>, string>
>;

/**
 * Every English string, merged from the feature tables: for hosts and tests that want the whole
 * table (`labelsForLocale`, a pack of their own). Widgets never read it, and both calls are marked
 * pure, so a bundle that does not use it drops it with the tables of the widgets it lacks (a bare
 * `Object.assign` or `Object.freeze` call counts as a side effect to bundlers).
 */
export const defaultLabels: PodiumLabels = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.assign(
    {},
    sharedLabels,
    jobStatsLabels,
    statsTabLabels,
    leaderboardLabels,
    sellerDashboardLabels,
    scoreCardLabels,
    achievementsLabels,
    shareKitLabels,
    templateSelectorLabels,
    shareAnalyticsLabels,
    referrersBoardLabels,
  ),
);

/** Base names of the counted labels: `leaderboardSales` for `leaderboardSalesOne` / `…Other`. */
export type PodiumPluralLabel = {
  [K in PodiumLabelKey]: K extends `${infer Base}One` ? Base : never;
}[PodiumLabelKey];

/** The language subtag of a BCP 47 locale, lower case: `de-AT` -> `de`, `ja_JP` -> `ja`. */
const languageOf = (locale: string) => locale.split(/[-_]/)[0]!.toLowerCase();

/** The pack of `locale`'s language among `packs` (any region: `de-AT` picks `packs.de`), if any. */
function packFor(locale: string, packs: PodiumLabelPacks): PodiumLabelOverrides | undefined {
  const language = languageOf(locale);
  return Object.hasOwn(packs, language) ? packs[language] : undefined;
}

/**
 * The full table for a locale: English, then the pack of the locale's language among `packs`
 * (any region: `de-AT` picks `packs.de`), else English alone.
 */
export function labelsForLocale(locale: string, packs: PodiumLabelPacks = {}): PodiumLabels {
  const pack = packFor(locale, packs);
  if (!pack) return defaultLabels;
  const merged: Record<string, string> = { ...defaultLabels };
  assignDefined(merged, pack);
  return merged as PodiumLabels;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const categoryKey = {
  zero: 'Zero',
  one: 'One',
  two: 'Two',
  few: 'Few',
  many: 'Many',
  other: 'Other',
} as const;

function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      // A malformed locale from the host must not take the widget down.
      rules = new Intl.PluralRules('en-US');
    }
    if (pluralRules.size > 50) pluralRules.clear();
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/**
 * The template for `count` of a counted label, by `Intl.PluralRules` of `locale`: `<base>Zero`,
 * `One`, `Two`, `Few` or `Many` when the table has that key (hosts add the forms their language
 * needs through the provider's `labels`), else `<base>Other`, else `<base>` itself (the single
 * string such a label had before it was counted). French 0 and 1 are `one`; Japanese is always
 * `other`. Fill it with `formatLabel`.
 */
export function pluralLabel(
  labels: PodiumLabels | Readonly<Record<string, string | undefined>>,
  base: PodiumPluralLabel,
  count: number,
  locale: string,
): string {
  const table = labels as Readonly<Record<string, string | undefined>>;
  return (
    table[`${base}${categoryKey[pluralCategory(locale, count)]}`] ??
    table[`${base}Other`] ??
    table[base] ??
    base
  );
}

/**
 * Fills `{name}` placeholders from `values`; unknown placeholders are kept as written so that a
 * typo in a translation shows up on screen instead of silently disappearing.
 */
export function formatLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : match,
  );
}

function assignDefined(
  target: Record<string, string>,
  source: Readonly<Record<string, string | undefined>> | undefined,
) {
  if (!source) return;
  for (const [key, value] of Object.entries(source)) if (value !== undefined) target[key] = value;
}

/**
 * The labels a widget shows: its English `tables` (`[sharedLabels, jobStatsLabels]`), then the
 * pack of the provider's `locale` among its `labelPacks`, then the provider's `labels`, then the
 * widget's own `labels` (`overrides`). Later wins. Keys beyond the tables (a `<base>Few` plural
 * form from the host) are kept for `pluralLabel`.
 *
 * Pass the tables as a module-level constant: the result is memoised on its identity.
 */
export function useLabels<const Tables extends readonly PodiumLabelTable[]>(
  tables: Tables,
  overrides?: Partial<PodiumLabels>,
): LabelsOf<Tables> {
  const { labels: providerLabels, labelPacks, locale } = usePodium();
  return useMemo(() => {
    const merged: Record<string, string> = {};
    for (const table of tables) assignDefined(merged, table);
    assignDefined(merged, packFor(locale, labelPacks));
    assignDefined(merged, providerLabels);
    assignDefined(merged, overrides);
    return merged as LabelsOf<Tables>;
  }, [tables, providerLabels, overrides, locale, labelPacks]);
}
