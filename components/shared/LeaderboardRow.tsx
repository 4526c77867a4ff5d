import type { Ref } from 'react';
import type { LeaderboardEntry } from '../../src/shared/leaderboard.js';
import { cx } from './cx.js';
import { formatLabel, pluralLabel } from '../labels.js';
import { Avatar } from './Avatar.js';
import { ArrowDownIcon } from './icons/ArrowDownIcon.js';
import { ArrowUpIcon } from './icons/ArrowUpIcon.js';
import type { LeaderboardClassNames } from './leaderboardSlots.js';
import type { PodiumFormatters } from './useFormatters.js';
import type { LeaderboardLabels } from './leaderboardLabels.js';

/** A competitor's name: their display name, else their id. */
export function leaderboardName(entry: Pick<LeaderboardEntry, 'displayName' | 'userId'>): string {
  return entry.displayName?.trim() || entry.userId;
}

/** The counted label of each unit a board can answer (the response's `unit`, else its `metric`). */
const unitLabels = {
  sales: 'leaderboardSales',
  views: 'leaderboardViews',
  points: 'leaderboardPoints',
  referrals: 'leaderboardReferrals',
} as const;

const pluralKeys = {
  zero: 'Zero',
  one: 'One',
  two: 'Two',
  few: 'Few',
  many: 'Many',
  other: 'Other',
} as const;
const decimalFormats = new Map<string, { number: Intl.NumberFormat; plural: Intl.PluralRules }>();

/** Formatters that always print `digits` decimals (`12.0`), and the plural rules for such numbers. */
function decimalFormat(locale: string, digits: number) {
  const key = `${locale}\u0000${digits}`;
  let format = decimalFormats.get(key);
  if (!format) {
    const create = (l: string) => ({
      number: new Intl.NumberFormat(l, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
      // "1.0 points", not "1.0 point": visible decimals change the plural form in most languages.
      plural: new Intl.PluralRules(l, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    });
    try {
      format = create(locale);
    } catch {
      // A malformed locale from the host must not take the board down.
      format = create('en-US');
    }
    if (decimalFormats.size > 50) decimalFormats.clear();
    decimalFormats.set(key, format);
  }
  return format;
}

/**
 * A board value with its unit, e.g. "12 sales" / "1.234 Aufrufe" / "48.5 points" / "3 referrals" /
 * "17.70 earned" / "43%": `unit` is the
 * response's `unit` (else its `metric`); unknown units print the number alone. With `decimals`
 * (the response's `valueDecimals`, 1 on a trending board) every value shows exactly that many, so
 * the column reads evenly.
 */
export function leaderboardValue(
  unit: string,
  value: number,
  labels: LeaderboardLabels,
  format: PodiumFormatters,
  decimals = 0,
): string {
  // The referrers board's rate (0-1) reads as a percentage; its earnings as an amount earned.
  if (unit === 'conversionRate') return formatLabel(labels.leaderboardConversionRateValue, { rate: format.percent(value) });
  if (unit === 'earnings' && decimals > 0) {
    const amount = decimalFormat(format.locale, decimals).number.format(value).replace(/[\u00a0\u2009\u202f]/g, ' ');
    return formatLabel(labels.leaderboardEarningsValue, { count: amount });
  }
  const base = Object.hasOwn(unitLabels, unit) ? unitLabels[unit as keyof typeof unitLabels] : undefined;
  if (decimals <= 0) {
    const count = format.number(value);
    return base ? formatLabel(pluralLabel(labels, base, value, format.locale), { count }) : count;
  }
  const { number, plural } = decimalFormat(format.locale, decimals);
  // Spaces as `format.number` prints them (plain), so server and browser renders agree.
  const count = number.format(value).replace(/[\u00a0\u2009\u202f]/g, ' ');
  if (!base) return count;
  const table = labels as Readonly<Record<string, string | undefined>>;
  const template = table[`${base}${pluralKeys[plural.select(value)]}`] ?? table[`${base}Other`] ?? base;
  return formatLabel(template, { count });
}

export interface LeaderboardRowProps {
  entry: LeaderboardEntry;
  /** What the values count (`sales`, `views`, `points`: the response's `unit`, else its `metric`). */
  metric: string;
  /** Decimals every value shows (the response's `valueDecimals`). @default 0 */
  valueDecimals?: number;
  /** The signed-in user's row: highlighted, `aria-current`, focusable for "jump to me". */
  current: boolean;
  labels: LeaderboardLabels;
  format: PodiumFormatters;
  styled: boolean;
  classNames: LeaderboardClassNames;
  /** Receives the current user's row element (to focus it). */
  rowRef?: Ref<HTMLLIElement>;
  /**
   * Which way this row last moved between polls: an arrow by the rank. Visual only; the move is
   * announced by the board's live region. @default undefined (no arrow)
   */
  movement?: 'up' | 'down';
}

/** One ranked competitor: rank, avatar (or initials), name, value. */
export function LeaderboardRow({
  entry,
  metric,
  valueDecimals = 0,
  current,
  labels,
  format,
  styled,
  classNames,
  rowRef,
  movement,
}: LeaderboardRowProps) {
  const name = leaderboardName(entry);
  return (
    <li
      ref={rowRef}
      data-user-id={entry.userId}
      data-rank={entry.rank}
      data-current={current || undefined}
      aria-current={current || undefined}
      tabIndex={current ? -1 : undefined}
      className={cx(
        'podium-leaderboard__row',
        styled &&
          'podium:flex podium:items-center podium:gap-2.5 podium:rounded-(--podium-radius) podium:px-3 podium:py-2 podium:scroll-my-16',
        styled &&
          (current
            ? 'podium:bg-(--podium-highlight) podium:outline-2 podium:outline-(--podium-accent) podium:-outline-offset-2'
            : 'podium:odd:bg-(--podium-surface)'),
        classNames.row,
      )}
    >
      <span
        className={cx(
          'podium-leaderboard__rank',
          styled &&
            'podium:flex podium:min-w-10 podium:shrink-0 podium:items-center podium:gap-0.5 podium:text-sm podium:font-semibold podium:tabular-nums podium:text-(--podium-muted)',
          classNames.rank,
        )}
      >
        <span className="podium-sr-only">{formatLabel(labels.leaderboardRankLabel, { rank: format.number(entry.rank) })}</span>
        <span aria-hidden="true">{formatLabel(labels.leaderboardRank, { rank: format.number(entry.rank) })}</span>
        {movement === 'up' ? (
          <ArrowUpIcon data-movement="up" className={cx(styled && 'podium:size-3.5 podium:text-(--podium-success)')} />
        ) : movement === 'down' ? (
          <ArrowDownIcon data-movement="down" className={cx(styled && 'podium:size-3.5 podium:text-(--podium-danger)')} />
        ) : null}
      </span>
      <Avatar
        src={entry.avatarUrl}
        name={name}
        id={entry.userId}
        unstyled={!styled}
        className={cx('podium-leaderboard__avatar', classNames.avatar)}
      />
      <span
        className={cx(
          'podium-leaderboard__name',
          // Wraps: on a phone "You" goes under the name rather than squeezing it to a letter.
          styled &&
            'podium:flex podium:min-w-0 podium:flex-1 podium:flex-wrap podium:items-center podium:gap-x-2 podium:gap-y-0.5 podium:font-medium',
          classNames.name,
        )}
      >
        {/* Two lines before an ellipsis: on a phone a name has little width beside its value. */}
        <span className={cx(styled && 'podium:line-clamp-2 podium:break-words')}>{name}</span>
        {current ? (
          // Outside the clamped name, so a long name never hides it.
          <span
            className={cx(
              'podium-leaderboard__you',
              styled &&
                'podium:shrink-0 podium:rounded-full podium:bg-(--podium-accent) podium:px-2 podium:py-0.5 podium:text-xs podium:text-(--podium-accent-fg)',
            )}
          >
            {labels.leaderboardYou}
          </span>
        ) : null}
      </span>
      <span
        className={cx(
          'podium-leaderboard__value',
          styled && 'podium:shrink-0 podium:text-sm podium:tabular-nums',
          classNames.value,
        )}
      >
        {leaderboardValue(metric, entry.value, labels, format, valueDecimals)}
      </span>
    </li>
  );
}
