import { cx } from './cx.js';

export interface LeaderboardSwitchProps<T extends string> {
  /** Names the group for assistive technology, e.g. "Rank by". */
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  /** Names the switch for `data-switch` (tests, host CSS). */
  name: string;
  styled: boolean;
  className?: string;
  buttonClassName?: string;
}

/**
 * Segmented buttons: a labelled group of toggle buttons, the chosen one `aria-pressed="true"`.
 * Each is a plain button in the tab order, so the switch works with Tab and Enter/Space alone.
 */
export function LeaderboardSwitch<T extends string>({
  label,
  options,
  value,
  onChange,
  name,
  styled,
  className,
  buttonClassName,
}: LeaderboardSwitchProps<T>) {
  return (
    <div
      role="group"
      aria-label={label}
      data-switch={name}
      className={cx(
        'podium-leaderboard__switch',
        styled &&
          // Wraps rather than overflows: five timeframes (or long translations) exceed a phone's width.
          'podium:inline-flex podium:max-w-full podium:flex-wrap podium:rounded-(--podium-radius) podium:border podium:border-(--podium-control-border) podium:p-0.5 podium:gap-0.5',
        className,
      )}
    >
      {options.map((option) => {
        const pressed = option.value === value;
        return (
          <button
            key={option.value}
            type="button"
            aria-pressed={pressed}
            data-value={option.value}
            onClick={() => {
              if (!pressed) onChange(option.value);
            }}
            className={cx(
              'podium-leaderboard__switch-button',
              styled &&
                'podium:cursor-pointer podium:rounded-[calc(var(--podium-radius)-2px)] podium:border-0 podium:px-3 podium:py-1 podium:text-sm podium:font-medium',
              styled &&
                (pressed
                  ? 'podium:bg-(--podium-accent) podium:text-(--podium-accent-fg)'
                  : 'podium:bg-transparent podium:text-(--podium-fg) podium:hover:bg-(--podium-surface)'),
              buttonClassName,
            )}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
