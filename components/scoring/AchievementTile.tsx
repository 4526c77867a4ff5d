import type { UserAchievement } from '../../src/scoring/contract.js';
import type { AchievementRule } from '../../src/scoring/rules.js';
import { cx } from '../shared/cx.js';
import { TrophyIcon } from '../shared/icons/TrophyIcon.js';
import type { PodiumFormatters } from '../shared/useFormatters.js';
import { formatLabel } from '../labels.js';
import type { AchievementsGridPartStyle } from './achievementsGridSlots.js';
import { achievementText } from './achievementText.js';
import { LockIcon } from './LockIcon.js';
import type { AchievementsLabels } from './achievementsLabels.js';

export interface AchievementTileProps extends AchievementsGridPartStyle {
  achievement: UserAchievement;
  /** The achievement's rule, when the rules are loaded: it says what the progress counts. */
  rule?: AchievementRule;
  labels: AchievementsLabels;
  format: PodiumFormatters;
  /** Level of the name's heading. @default 3 */
  headingLevel?: 3 | 4 | 5 | 6;
}

/** Rarity (the share of players who hold it, 0-100) at or under which an unlocked achievement is "Rare". */
export const rareAchievementPercent = 10;

/** What a locked achievement's progress counts, for its words ("7 / 10 trades"). */
type ProgressUnit = 'trades' | 'points' | 'steps';

function progressUnit(rule: AchievementRule | undefined): ProgressUnit {
  if (rule?.condition.kind === 'points') return 'points';
  // The default rules count trades; a host's own counted actions read as plain steps.
  if (rule?.condition.kind === 'count' && rule.condition.action === 'TRADE_EXECUTE') return 'trades';
  return 'steps';
}

const progressLabels: Record<
  ProgressUnit,
  { text: keyof AchievementsLabels; value: keyof AchievementsLabels }
> = {
  trades: { text: 'achievementsProgressTrades', value: 'achievementsProgressValueTrades' },
  points: { text: 'achievementsProgressPoints', value: 'achievementsProgressValuePoints' },
  steps: { text: 'achievementsProgress', value: 'achievementsProgressValue' },
};

/**
 * One achievement: unlocked ones on a gold disc with the unlock date and how many players hold
 * it ("Held by 3 % of players", "Rare" at 10 % or less); locked ones greyed behind a padlock with
 * a progress bar (`role="progressbar"`, named by the achievement, "7 of 10 trades" as its
 * value text) when the condition has steps.
 */
export function AchievementTile({
  achievement,
  rule,
  labels,
  format,
  headingLevel = 3,
  styled,
  classNames,
}: AchievementTileProps) {
  const Heading = `h${headingLevel}` as const;
  const { unlocked, progress } = achievement;
  const target = Math.max(progress.target, 0);
  const current = Math.min(Math.max(progress.current, 0), target);
  const stepped = !unlocked && target > 1;
  const rare = achievement.rarity > 0 && achievement.rarity <= rareAchievementPercent;
  const unit = progressLabels[progressUnit(rule)];
  const counts = { current: format.number(current), target: format.number(target) };
  // The date is a <time> inside the sentence, wherever the language puts it.
  const [unlockedBefore, unlockedAfter] = labels.achievementsUnlockedOn.split('{date}');
  const meta = cx(styled && 'podium:m-0 podium:text-xs podium:text-(--podium-muted)');
  const { name, description } = achievementText(achievement, labels, format.number);

  return (
    <li
      data-achievement={achievement.id}
      data-state={unlocked ? 'unlocked' : 'locked'}
      data-rare={(unlocked && rare) || undefined}
      className={cx(
        'podium-achievements__tile',
        styled &&
          'podium:flex podium:min-w-0 podium:flex-col podium:gap-2 podium:rounded-(--podium-radius) podium:border podium:p-3',
        styled &&
          (unlocked
            ? 'podium:border-(--podium-border) podium:bg-(--podium-surface)'
            : 'podium:border-dashed podium:border-(--podium-border) podium:bg-(--podium-bg)'),
        classNames.tile,
      )}
    >
      <div className={cx(styled && 'podium:flex podium:items-start podium:gap-3')}>
        <span
          aria-hidden="true"
          className={cx(
            'podium-achievements__badge',
            styled &&
              'podium:grid podium:size-10 podium:shrink-0 podium:place-items-center podium:rounded-full podium:text-lg',
            styled &&
              (unlocked
                ? 'podium:bg-(--podium-gold-fill) podium:text-(--podium-medal-fg)'
                : 'podium:border podium:border-(--podium-border) podium:bg-(--podium-surface) podium:text-(--podium-muted)'),
            classNames.badge,
          )}
        >
          {unlocked ? <TrophyIcon /> : <LockIcon />}
        </span>
        <div className={cx(styled && 'podium:flex podium:min-w-0 podium:flex-col podium:gap-0.5')}>
          <Heading
            className={cx(
              'podium-achievements__name',
              styled && 'podium:m-0 podium:text-sm podium:font-semibold podium:break-words',
              styled && !unlocked && 'podium:text-(--podium-muted)',
              classNames.name,
            )}
          >
            {name}
            {/* In brackets: browsers put a space before this hidden text, which a comma would not take. */}
            <span className="podium-sr-only">{` (${unlocked ? labels.achievementsUnlocked : labels.achievementsLocked})`}</span>
          </Heading>
          <p
            className={cx(
              'podium-achievements__description',
              styled && 'podium:m-0 podium:text-sm podium:text-(--podium-muted) podium:break-words',
              classNames.description,
            )}
          >
            {description}
          </p>
        </div>
      </div>

      {stepped ? (
        <div
          className={cx(
            'podium-achievements__progress',
            styled && 'podium:flex podium:flex-col podium:gap-1',
            classNames.progress,
          )}
        >
          <div
            role="progressbar"
            aria-label={name}
            aria-valuemin={0}
            aria-valuemax={target}
            aria-valuenow={current}
            aria-valuetext={formatLabel(labels[unit.value], counts)}
            className={cx(
              'podium-achievements__progress-bar',
              styled &&
                'podium:h-1.5 podium:w-full podium:overflow-hidden podium:rounded-full podium:bg-(--podium-surface) podium:outline podium:outline-1 podium:-outline-offset-1 podium:outline-(--podium-border)',
              classNames.progressBar,
            )}
          >
            <div
              className={cx(
                styled &&
                  'podium:h-full podium:rounded-full podium:bg-(--podium-accent) podium:transition-[width]',
              )}
              style={{ width: `${target > 0 ? (current / target) * 100 : 0}%` }}
            />
          </div>
          <p className={cx('podium-achievements__progress-text', meta, styled && 'podium:tabular-nums')}>
            {formatLabel(labels[unit.text], counts)}
          </p>
        </div>
      ) : null}

      <div
        className={cx(
          'podium-achievements__meta',
          styled &&
            'podium:mt-auto podium:flex podium:flex-wrap podium:items-center podium:gap-x-2 podium:gap-y-1',
          classNames.meta,
        )}
      >
        {unlocked && achievement.unlockedAt ? (
          <p className={meta}>
            {unlockedBefore}
            <time dateTime={achievement.unlockedAt} title={format.dateTime(achievement.unlockedAt)}>
              {format.date(achievement.unlockedAt)}
            </time>
            {unlockedAfter}
          </p>
        ) : !unlocked && !stepped ? (
          <p className={meta}>{labels.achievementsNotYet}</p>
        ) : null}
        <p className={cx('podium-achievements__rarity', meta)}>
          {achievement.rarity > 0
            ? formatLabel(labels.achievementsRarity, { percent: format.percent(achievement.rarity / 100) })
            : labels.achievementsRarityNone}
        </p>
        {unlocked && rare ? (
          <span
            className={cx(
              'podium-achievements__rare',
              styled &&
                'podium:rounded-full podium:border podium:border-(--podium-gold) podium:px-1.5 podium:text-xs podium:font-medium podium:text-(--podium-gold)',
            )}
          >
            {labels.achievementsRare}
          </span>
        ) : null}
      </div>
    </li>
  );
}
