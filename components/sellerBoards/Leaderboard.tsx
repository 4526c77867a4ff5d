import type { ReactNode } from 'react';
import { useLabels } from '../labels.js';
import { LeaderboardBody, type LeaderboardViewOptions } from './LeaderboardBody.js';
import type { LeaderboardClassNames } from '../shared/leaderboardSlots.js';
import { useFormatters } from '../shared/useFormatters.js';
import { WidgetCard } from '../shared/WidgetCard.js';
import type { PodiumHeadingProps, PodiumWidgetProps } from '../shared/widgetProps.js';
import { sharedLabels } from '../shared/sharedLabels.js';
import { leaderboardLabels } from '../shared/leaderboardLabels.js';
import { referrersBoardLabels } from '../referrals/referrersBoardLabels.js';

/** The English strings the leaderboard shows (a module-level constant: `useLabels` memoises on it). */
const leaderboardTables = [sharedLabels, leaderboardLabels, referrersBoardLabels] as const;

export interface LeaderboardProps extends PodiumWidgetProps<LeaderboardClassNames>, PodiumHeadingProps, LeaderboardViewOptions {
  /** The heading. @default labels.leaderboardTitle ("Leaderboard") */
  title?: ReactNode;
  /** Poll only while true (e.g. while its tab is shown). @default true */
  enabled?: boolean;
}

const noClassNames: LeaderboardClassNames = {};

/**
 * The leaderboard inline on a page (no dialog): the same body as `LeaderboardModal`, in a
 * labelled section. It polls while mounted, `enabled` and the page is visible. `board="points"`
 * shows the points board with its timeframe switch (and `category` for one category's points).
 */
export function Leaderboard({
  title,
  headingLevel = 2,
  enabled = true,
  className,
  classNames = noClassNames,
  unstyled = false,
  labels: labelsProp,
  pollIntervalMs,
  ...view
}: LeaderboardProps) {
  const labels = useLabels(leaderboardTables, labelsProp);
  const format = useFormatters();
  return (
    <WidgetCard
      block="podium-leaderboard"
      title={title ?? labels.leaderboardTitle}
      headingLevel={headingLevel}
      compact
      // The body needs no container queries, and a container would collapse in a host's
      // shrink-to-fit layout (a flex row, an inline-block) where the board sizes to its content.
      containerQueries={false}
      className={className}
      classNames={classNames}
      unstyled={unstyled}
    >
      <LeaderboardBody
        {...view}
        pollIntervalMs={enabled ? pollIntervalMs : false}
        labels={labels}
        format={format}
        styled={!unstyled}
        classNames={classNames}
      />
    </WidgetCard>
  );
}
