import type { Money } from '../../src/referrals/conversionContract.js';
import { cx } from '../shared/cx.js';
import type { ShareKitClassNames } from './shareKitSlots.js';

/**
 * A number (or, with `currency`, an amount) in the locale, with plain spaces (the same on the
 * server and in the browser); a malformed locale or currency code from the host shows it as is.
 * (Not the shared `useFormatters`: ShareKit needs two numbers, not its whole table of formats.)
 */
function formatNumber(value: number, locale: string, currency?: string): string {
  try {
    return new Intl.NumberFormat(locale, currency ? { style: 'currency', currency } : {})
      .format(value)
      .replace(/[\u00a0\u2009\u202f]/g, ' ');
  } catch {
    return currency ? `${value} ${currency}` : String(value);
  }
}

interface ShareKitStatsProps {
  earnings: Money | undefined;
  referrals: number | undefined;
  locale: string;
  labels: { shareKitEarned: string; shareKitReferrals: string };
  styled: boolean;
  classNames: ShareKitClassNames;
}

/** What the member earned and how many joined, as motivation above the link; nothing when neither is given. */
export function ShareKitStats({
  earnings,
  referrals,
  locale,
  labels,
  styled,
  classNames,
}: ShareKitStatsProps) {
  if (earnings === undefined && referrals === undefined) return null;
  const stats: Array<[string, string]> = [];
  if (earnings !== undefined)
    stats.push([labels.shareKitEarned, formatNumber(earnings.amount, locale, earnings.currency)]);
  if (referrals !== undefined) stats.push([labels.shareKitReferrals, formatNumber(referrals, locale)]);
  return (
    <dl
      className={cx(
        'podium-share-kit__stats',
        styled && 'podium:m-0 podium:grid podium:grid-cols-2 podium:gap-3',
        classNames.stats,
      )}
    >
      {stats.map(([label, value]) => (
        <div
          key={label}
          className={cx(
            'podium-share-kit__stat',
            styled &&
              'podium:flex podium:flex-col podium:gap-0.5 podium:rounded-(--podium-radius) podium:bg-(--podium-surface) podium:px-3 podium:py-2.5',
          )}
        >
          <dt className={cx(styled && 'podium:text-xs podium:text-(--podium-muted)')}>{label}</dt>
          <dd className={cx(styled && 'podium:m-0 podium:text-lg podium:font-semibold podium:tabular-nums')}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
