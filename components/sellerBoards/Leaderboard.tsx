import { useId, type ReactNode } from 'react';
import { cx } from '../shared/cx.js';
import { useLabels } from '../labels.js';
import { LeaderboardBody, type LeaderboardClassNames, type LeaderboardViewOptions } from './LeaderboardBody.js';
import { PodiumRoot } from '../shared/PodiumRoot.js';
import { useFormatters } from '../shared/useFormatters.js';
import type { PodiumHeadingProps, PodiumWidgetProps } from '../shared/widgetProps.js';

export interface LeaderboardProps extends PodiumWidgetProps<LeaderboardClassNames>, PodiumHeadingProps, LeaderboardViewOptions {
  /** The heading. @default labels.leaderboardTitle ("Leaderboard") */
  title?: ReactNode;
  /** Poll only while true (e.g. while its tab is shown). @default true */
  enabled?: boolean;
}

const noClassNames: LeaderboardClassNames = {};

/**
 * The leaderboard inline on a page (no dialog): the same body as `LeaderboardModal`, in a
 * labelled section. It polls while mounted, `enabled` and the page is visible.
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
  const labels = useLabels(labelsProp);
  const format = useFormatters();
  const titleId = useId();
  const styled = !unstyled;
  const Heading = `h${headingLevel}` as const;
  return (
    <PodiumRoot
      as="section"
      aria-labelledby={titleId}
      unstyled={unstyled}
      className={cx(
        'podium-leaderboard',
        styled &&
          'podium:flex podium:flex-col podium:gap-3 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:p-4',
        classNames.root,
        className,
      )}
    >
      <Heading id={titleId} className={cx('podium-leaderboard__title', styled && 'podium:m-0 podium:text-lg podium:font-semibold', classNames.title)}>
        {title ?? labels.leaderboardTitle}
      </Heading>
      <LeaderboardBody
        {...view}
        pollIntervalMs={enabled ? pollIntervalMs : false}
        labels={labels}
        format={format}
        styled={styled}
        classNames={classNames}
      />
    </PodiumRoot>
  );
}
