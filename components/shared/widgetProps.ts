import type { PodiumLabels } from '../labels.js';

/**
 * Props every Podium widget takes (JobStats, StatsTab, Leaderboard, LeaderboardModal,
 * SellerDashboard): one definition, so they mean the same everywhere. `ClassNames` maps the
 * widget's slots to extra classes.
 */
export interface PodiumWidgetProps<ClassNames> {
  /** Extra classes on the root element. */
  className?: string;
  /** Extra classes per part (see the widget's slot type). @default {} */
  classNames?: ClassNames;
  /**
   * Render without Podium's utility classes and theme styling; only the structural `podium-*`
   * classes and `data-*` state attributes remain. @default false
   */
  unstyled?: boolean;
  /** String overrides for this widget (over the provider's `labels`). @default {} */
  labels?: Partial<PodiumLabels>;
}

/** Props of widgets with a heading. */
export interface PodiumHeadingProps {
  /** Level of the heading; parts use the next level. @default 2 */
  headingLevel?: 2 | 3 | 4 | 5;
}
