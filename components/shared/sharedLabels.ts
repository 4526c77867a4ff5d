/**
 * The English strings every widget shows (retry, the empty-value dash, the chart keyboard hint).
 * Keys and placeholders as in `PodiumLabels`; every locale pack translates them.
 */
export const sharedLabels = {
  retry: 'Retry',
  retrying: 'Retrying…',
  notAvailable: '—',
  /** How to read a chart from the keyboard (said when the chart gets focus). */
  chartKeyboardHint: 'Use the left and right arrow keys to read each day.',
};
