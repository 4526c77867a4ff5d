import { useEffect, useState } from 'react';
import { useScoringRules } from '../../hooks/scoring/useScoringRules.js';
import { cx } from '../shared/cx.js';
import { TrophyIcon } from '../shared/icons/TrophyIcon.js';
import { PodiumRoot } from '../shared/PodiumRoot.js';
import { useFormatters } from '../shared/useFormatters.js';
import type { PodiumWidgetProps } from '../shared/widgetProps.js';
import { formatLabel, pluralLabel, useLabels } from '../labels.js';
import { achievementText } from './achievementText.js';
import { sharedLabels } from '../shared/sharedLabels.js';
import { achievementsLabels } from './achievementsLabels.js';

/** The English strings AchievementAnnouncer shows (a module-level constant: `useLabels` memoises on it). */
const achievementsTables = [sharedLabels, achievementsLabels] as const;

export interface AchievementAnnouncerProps extends Omit<PodiumWidgetProps<never>, 'classNames'> {
  /**
   * Achievement ids unlocked just now, newest batch: pass `useRecordAction().achievements`. Each
   * id is announced once while the announcer is mounted, however often it is passed again.
   */
  unlocked: readonly string[];
  /**
   * What to call each achievement, by id. @default the names of the server's catalogue
   * (`useScoringRules`), else the id
   */
  names?: Readonly<Record<string, string>>;
  /**
   * Also show the announcement on screen, as a notice with a trophy that stays until the next one.
   * @default false (screen readers only)
   */
  visible?: boolean;
}

/** The announcer's state, also exposed as `data-state` on the root. */
export type AchievementAnnouncerState = 'idle' | 'announced';

const listFormats = new Map<string, Intl.ListFormat>();

/** "Whale, 10 trades and 1,000 points" in the locale's words. */
function joinNames(names: readonly string[], locale: string): string {
  let list = listFormats.get(locale);
  if (!list) {
    try {
      list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    } catch {
      // A malformed locale from the host must not take the announcer down.
      list = new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' });
    }
    if (listFormats.size > 50) listFormats.clear();
    listFormats.set(locale, list);
  }
  return list.format(names);
}

/**
 * A polite live region (`role="status"`, `aria-live="polite"`) that announces achievements as
 * they unlock: "Achievement unlocked: Whale". Mount it once, near where actions are recorded, and
 * give it what `useRecordAction` returns:
 *
 * @example
 * const record = useRecordAction();
 * <button onClick={() => record.mutate(event)}>Trade</button>
 * <AchievementAnnouncer unlocked={record.achievements} />
 *
 * The region is in the page from the first render (empty), so screen readers hear the first
 * announcement too; each id is announced once per mounted announcer (a replayed event, a
 * re-render or the same list again stays quiet), and names wait for the catalogue so a message
 * is never said twice. Hidden by default: `visible` also shows it as a notice.
 */
export function AchievementAnnouncer({
  unlocked,
  names,
  visible = false,
  className,
  unstyled = false,
  labels: labelsProp,
}: AchievementAnnouncerProps) {
  const labels = useLabels(achievementsTables, labelsProp);
  const format = useFormatters();
  const styled = !unstyled;
  // Every id said so far, and the ids of the latest announcement.
  const [heard, setHeard] = useState<{ seen: readonly string[]; latest: readonly string[] }>({
    seen: [],
    latest: [],
  });
  // Empty on the server and in the first client render: a live region must exist before its
  // text arrives to be read, and the server's HTML then matches the first render.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const rules = useScoringRules({ enabled: names === undefined });

  const fresh = unlocked.filter((id, index) => unlocked.indexOf(id) === index && !heard.seen.includes(id));
  if (fresh.length > 0) {
    // Adjusting state to a new prop during render (React's documented pattern): no extra commit.
    setHeard({ seen: [...heard.seen, ...fresh], latest: fresh });
  }

  const named = names !== undefined || rules.status !== 'pending';
  const nameOf = (id: string) => {
    if (names?.[id]) return names[id];
    const achievement = rules.data?.achievements.find((candidate) => candidate.id === id);
    return achievement ? achievementText(achievement, labels, format.number).name : id;
  };
  const latest = heard.latest;
  const message =
    mounted && named && latest.length > 0
      ? formatLabel(pluralLabel(labels, 'achievementUnlocked', latest.length, format.locale), {
          names: joinNames(latest.map(nameOf), format.locale),
        })
      : '';

  return (
    <PodiumRoot
      unstyled={unstyled}
      className={cx('podium-achievement-announcer', className)}
      data-state={message ? 'announced' : 'idle'}
    >
      <p
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={cx(
          'podium-achievement-announcer__message',
          !visible && 'podium-sr-only',
          visible &&
            styled &&
            'podium:m-0 podium:flex podium:items-center podium:gap-2 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:bg-(--podium-surface) podium:px-3 podium:py-2 podium:text-sm podium:font-medium podium:empty:hidden',
        )}
      >
        {message && visible ? <TrophyIcon className={cx(styled && 'podium:text-(--podium-gold)')} /> : null}
        {message}
      </p>
    </PodiumRoot>
  );
}
