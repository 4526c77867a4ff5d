import type { ReactNode } from 'react';
import { useAchievements } from '../../hooks/scoring/useAchievements.js';
import { useScoringRules } from '../../hooks/scoring/useScoringRules.js';
import { normalizeScoreUserId } from '../../hooks/scoring/userScoreQueryOptions.js';
import type { AchievementRule } from '../../src/scoring/rules.js';
import type { PodiumApiError } from '../../src/shared/PodiumApiError.js';
import { cx } from '../shared/cx.js';
import { useFormatters } from '../shared/useFormatters.js';
import { WidgetCard } from '../shared/WidgetCard.js';
import { WidgetState, type WidgetStateBase } from '../shared/WidgetState.js';
import type { PodiumHeadingProps, PodiumWidgetProps } from '../shared/widgetProps.js';
import { formatLabel, useLabels } from '../labels.js';
import { AchievementTile } from './AchievementTile.js';
import type { AchievementsGridClassNames } from './achievementsGridSlots.js';
import { ScoringStaleNotice } from './ScoringStaleNotice.js';
import { achievementsLabels, type AchievementsLabels } from './achievementsLabels.js';
import { sharedLabels } from '../shared/sharedLabels.js';

/** The English strings AchievementsGrid shows (a module-level constant: `useLabels` memoises on it). */
const achievementsTables = [sharedLabels, achievementsLabels] as const;

/** The grid's state, also exposed as `data-state` on the root. */
export type AchievementsGridState = 'idle' | 'loading' | 'error' | 'empty' | 'ready';

/** What `renderError` gets: a load that failed with nothing to show. */
export interface AchievementsGridErrorContext {
  error: PodiumApiError;
  /** Loads again; offer it only when `error.isRetryable`. */
  retry: () => void;
  isRetrying: boolean;
  labels: AchievementsLabels;
}

export interface AchievementsGridProps extends PodiumWidgetProps<AchievementsGridClassNames>, PodiumHeadingProps {
  /** Whose achievements (a user id). An empty id shows a hint and sends no request. */
  userId: string;
  /** The heading. @default labels.achievementsTitle ("Achievements") */
  title?: ReactNode;
  /** Ask again this often (ms) while the page is visible; `false` never. @default false */
  pollIntervalMs?: number | false;
  /** Replaces the error state (a load that failed with nothing to show). */
  renderError?: (context: AchievementsGridErrorContext) => ReactNode;
}

const noClassNames: AchievementsGridClassNames = {};
const tileGrid =
  'podium:m-0 podium:grid podium:list-none podium:gap-3 podium:p-0 podium:grid-cols-[repeat(auto-fill,minmax(min(100%,14rem),1fr))]';

/**
 * Every achievement of the catalogue as a tile, in the catalogue's order: unlocked ones with the
 * unlock date and rarity ("Held by 3 % of players"), locked ones greyed with their progress
 * ("7 / 10 trades", an accessible progress bar). The grid fills the width: one column on a phone,
 * as many as fit on a desktop. Handles loading, error with retry, and keeps the last answer (with
 * a notice) when a refresh fails. Refreshes by itself after `useRecordAction` records an action.
 */
export function AchievementsGrid({
  userId,
  title,
  headingLevel = 2,
  pollIntervalMs = false,
  renderError,
  className,
  classNames = noClassNames,
  unstyled = false,
  labels: labelsProp,
}: AchievementsGridProps) {
  const labels = useLabels(achievementsTables, labelsProp);
  const format = useFormatters();
  const styled = !unstyled;
  const id = normalizeScoreUserId(userId);
  const query = useAchievements(id, { pollIntervalMs });
  // The rules say what each achievement counts ("trades", "points"); without them the progress
  // is plain numbers. Cached for an hour and shared with every other widget.
  const rules = useScoringRules({ enabled: id.length > 0 });
  const { data, error, achievements, unlocked } = query;
  const retry = () => void query.refetch();

  const state: AchievementsGridState = !id
    ? 'idle'
    : data
      ? achievements.length === 0
        ? 'empty'
        : 'ready'
      : error && query.status === 'error'
        ? 'error'
        : 'loading';
  // React Query keeps the last data when a refresh fails: show it, and say it is not fresh.
  const stale = Boolean(data && error && query.status === 'error');
  const now = Date.now();
  const partHeading = (headingLevel + 1) as 3 | 4 | 5 | 6;
  const states: WidgetStateBase = { block: 'podium-achievements', labels, classNames, unstyled };
  const ruleOf = new Map<string, AchievementRule>(rules.data?.achievements.map((rule) => [rule.id, rule]) ?? []);

  let content: ReactNode = null;
  if (state === 'idle') {
    content = <p className={cx(styled && 'podium:m-0 podium:text-sm podium:text-(--podium-muted)')}>{labels.achievementsNoUser}</p>;
  } else if (state === 'loading') {
    content = (
      <div className={cx('podium-achievements__skeleton', styled && tileGrid, classNames.skeleton)}>
        <span className="podium-sr-only">{labels.achievementsLoading}</span>
        {Array.from({ length: 6 }, (_, index) => (
          <div
            key={index}
            aria-hidden="true"
            className={cx(
              styled &&
                'podium:h-32 podium:rounded-(--podium-radius) podium:bg-(--podium-surface) podium:animate-pulse podium:motion-reduce:animate-none',
            )}
          />
        ))}
      </div>
    );
  } else if (state === 'error' && error) {
    const context: AchievementsGridErrorContext = { error, retry, isRetrying: query.isFetching, labels };
    content = renderError ? (
      renderError(context)
    ) : (
      <WidgetState
        kind="error"
        {...states}
        title={labels.achievementsErrorTitle}
        description={error.message}
        onRetry={error.isRetryable ? retry : undefined}
        isRetrying={context.isRetrying}
      />
    );
  } else if (state === 'empty') {
    content = (
      <WidgetState kind="empty" {...states} title={labels.achievementsEmptyTitle} description={labels.achievementsEmptyHint} />
    );
  } else if (state === 'ready') {
    content = (
      <ul className={cx('podium-achievements__grid', styled && tileGrid, classNames.grid)}>
        {achievements.map((achievement) => (
          <AchievementTile
            key={achievement.id}
            achievement={achievement}
            rule={ruleOf.get(achievement.id)}
            labels={labels}
            format={format}
            headingLevel={partHeading}
            styled={styled}
            classNames={classNames}
          />
        ))}
      </ul>
    );
  }

  return (
    <WidgetCard
      block="podium-achievements"
      title={title ?? labels.achievementsTitle}
      headingLevel={headingLevel}
      subtitle={
        state === 'ready' ? (
          <p
            className={cx(
              'podium-achievements__summary',
              styled && 'podium:m-0 podium:text-sm podium:text-(--podium-muted) podium:tabular-nums',
              classNames.summary,
            )}
          >
            {formatLabel(labels.achievementsSummary, {
              unlocked: format.number(unlocked.length),
              total: format.number(achievements.length),
            })}
          </p>
        ) : null
      }
      announcement={state === 'ready' || state === 'empty' ? labels.achievementsAnnounceLoaded : ''}
      className={className}
      classNames={classNames}
      unstyled={unstyled}
      data-state={state}
      data-unlocked={state === 'ready' ? unlocked.length : undefined}
      data-error-status={state === 'error' ? error?.status : undefined}
      data-fetching={query.isFetching || undefined}
      data-stale={stale || undefined}
    >
      {stale ? (
        <ScoringStaleNotice
          block="podium-achievements"
          message={formatLabel(labels.achievementsStale, { time: format.relativeTime(query.dataUpdatedAt, now) })}
          onRetry={retry}
          isRetrying={query.isFetching}
          labels={labels}
          unstyled={unstyled}
          className={classNames.notice}
          buttonClassName={classNames.button}
        />
      ) : null}
      <div aria-busy={state === 'loading'}>{content}</div>
    </WidgetCard>
  );
}
