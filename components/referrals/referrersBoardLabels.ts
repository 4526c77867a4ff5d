/**
 * The English strings of the referrers board (issue 12): the leaderboard's metric switch and values
 * for `board="referrers"`. Shown by the leaderboard widgets, next to `leaderboardLabels`.
 * Keys and placeholders as in `PodiumLabels`; every locale pack translates them.
 */
export const referrersBoardLabels = {
  /** The referrers board's metric switch. */
  leaderboardMetricReferrals: 'Referrals',
  leaderboardMetricEarnings: 'Earnings',
  leaderboardMetricConversionRate: 'Conversion rate',
  leaderboardReferralsOne: '{count} referral',
  leaderboardReferralsOther: '{count} referrals',
  /** `{count}` is an amount in the creator's currency units. */
  leaderboardEarningsValue: '{count} earned',
  leaderboardConversionRateValue: '{rate}',
  leaderboardReferrersEmptyHint: 'Rankings appear as soon as members bring their first referrals.',
};
