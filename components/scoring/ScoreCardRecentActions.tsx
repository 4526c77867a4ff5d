import { useId } from 'react';
import type { RecentAction } from '../../src/scoring/contract.js';
import { cx } from '../shared/cx.js';
import { MedalIcon } from '../shared/icons/MedalIcon.js';
import { formatLabel } from '../labels.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import { formatPointsDelta } from './formatPointsDelta.js';
import { scoringActionName } from './scoringActionName.js';
import type { ScoreCardPartStyle } from './scoreCardSlots.js';
import type { ScoreCardLabels } from './scoreCardLabels.js';

export interface ScoreCardRecentActionsProps extends ScoreCardPartStyle {
  /** Newest first, as the server sends them. */
  actions: readonly RecentAction[];
  /** "Now" for relative times (ms since epoch). */
  now: number;
  labels: ScoreCardLabels;
  format: PodiumFormatters;
  /** Names of the host's own actions, over the built-in ones. */
  actionNames?: Readonly<Record<string, string | undefined>>;
  /** Level of the part's heading. @default 3 */
  headingLevel?: 3 | 4 | 5 | 6;
}

/**
 * The last actions with their points ("+30 pts") and when they happened ("2 hours ago", the
 * exact time as the `<time>` element's title), newest first. Milestone bonuses carry a medal.
 */
export function ScoreCardRecentActions({
  actions,
  now,
  labels,
  format,
  actionNames,
  headingLevel = 3,
  styled,
  classNames,
}: ScoreCardRecentActionsProps) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  if (actions.length === 0) return null;
  return (
    <section
      aria-labelledby={titleId}
      className={cx('podium-score-card__recent', styled && 'podium:flex podium:min-w-0 podium:flex-col podium:gap-2', classNames.recent)}
    >
      <Heading
        id={titleId}
        className={cx(
          'podium-score-card__recent-title',
          styled && 'podium:m-0 podium:text-sm podium:font-semibold',
          classNames.recentTitle,
        )}
      >
        {labels.scoreCardRecent}
      </Heading>
      <ol
        className={cx(
          'podium-score-card__actions',
          styled &&
            'podium:m-0 podium:list-none podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:p-0',
        )}
      >
        {actions.map((action) => {
          const milestone = action.category === 'milestone';
          return (
            <li
              key={action.eventId}
              data-action={action.action}
              data-category={action.category}
              className={cx(
                'podium-score-card__action',
                // Rules between rows as borders of the rows: Tailwind's divide-y writes a selector
                // outside .podium-root, which the scoped stylesheet refuses.
                styled &&
                  'podium:flex podium:items-center podium:justify-between podium:gap-3 podium:border-t podium:border-(--podium-border) podium:px-3 podium:py-2 podium:first:border-t-0',
                classNames.action,
              )}
            >
              <span className={cx(styled && 'podium:flex podium:min-w-0 podium:flex-col')}>
                <span
                  className={cx(
                    'podium-score-card__action-name',
                    styled && 'podium:flex podium:items-center podium:gap-1.5 podium:text-sm podium:font-medium podium:break-words',
                  )}
                >
                  {milestone ? <MedalIcon className={cx(styled && 'podium:text-(--podium-gold)')} /> : null}
                  {scoringActionName(action.action, labels, actionNames)}
                </span>
                <time
                  dateTime={action.occurredAt}
                  title={format.dateTime(action.occurredAt)}
                  className={cx('podium-score-card__action-time', styled && 'podium:text-xs podium:text-(--podium-muted)')}
                >
                  {format.relativeTime(action.occurredAt, now)}
                </time>
              </span>
              <span
                className={cx(
                  'podium-score-card__action-points',
                  styled && 'podium:shrink-0 podium:text-sm podium:font-semibold podium:tabular-nums',
                  styled && (action.points < 0 ? 'podium:text-(--podium-danger)' : 'podium:text-(--podium-success)'),
                )}
              >
                {formatLabel(labels.scoreCardPointsDelta, { points: formatPointsDelta(action.points, format) })}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
