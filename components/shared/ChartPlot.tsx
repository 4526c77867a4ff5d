import {
  useId,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react';
import { cx } from './cx.js';

/** One labelled line of a chart's value axis. */
export interface ChartTick {
  /** Height as a share of the plot: 0 at the bottom, 1 at the top. */
  at: number;
  /** The value, formatted (e.g. `format.axis`). */
  label: string;
}

export interface ChartPlotProps {
  /** Structural class prefix, e.g. `podium-job-stats__chart`; parts add `-plot`, `-svg`, `-tooltip`, ... */
  block: string;
  /** How many points (days) the chart has. */
  count: number;
  /** The horizontal centre of point `index`, as a share of the plot's width. */
  positionOf: (index: number) => number;
  /** The point under a pointer at `share` of the plot's width. */
  indexAt: (share: number) => number;
  /** The value axis: gridlines and their labels. */
  ticks: readonly ChartTick[];
  /** The SVG's coordinate system; it is stretched over the plot (`preserveAspectRatio="none"`). */
  viewBox: string;
  /** SVG content (bars, lines), given the point under the pointer or keyboard, else `null`. */
  renderSvg: (active: number | null) => ReactNode;
  /** HTML over the plot (markers that must stay round however the SVG stretches). */
  renderOverlay?: (active: number | null) => ReactNode;
  /** The tooltip's content for a point: the date and each exact value. */
  renderTooltip: (index: number) => ReactNode;
  /** The tooltip in one sentence, announced as the keyboard moves. */
  describe: (index: number) => string;
  /** Id of the chart's heading, which names the focusable plot. */
  labelledBy: string;
  /** How to read the chart from the keyboard. */
  keyboardHint: string;
  /** Under the plot, e.g. the first and last dates. */
  xAxis: ReactNode;
  styled: boolean;
}

/** Keys that move the cursor, and where to (`null`: stay). */
const moves: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index) => index + 1,
  ArrowLeft: (index) => index - 1,
  PageDown: (index) => index + 7,
  PageUp: (index) => index - 7,
  Home: () => 0,
  End: (_, count) => count - 1,
};

/**
 * The interactive frame both charts share: round gridlines with labelled ticks, the SVG, and a
 * tooltip with the exact values of the point under the pointer, or of the point the arrow keys
 * chose when the plot has focus (Home, End, Page Up/Down by a week, Escape hides it). Each move
 * is announced through a polite live region; the charts keep their visually hidden data tables
 * for reading everything at once. No window during render: positions come from pointer events.
 */
export function ChartPlot({
  block,
  count,
  positionOf,
  indexAt,
  ticks,
  viewBox,
  renderSvg,
  renderOverlay,
  renderTooltip,
  describe,
  labelledBy,
  keyboardHint,
  xAxis,
  styled,
}: ChartPlotProps) {
  const hintId = useId();
  const [active, setActive] = useState<number | null>(null);
  const [keyboard, setKeyboard] = useState(false);
  const clamp = (index: number) => Math.min(count - 1, Math.max(0, Math.round(index)));
  const shown = active === null || count === 0 ? null : clamp(active);

  const onPointer = (event: ReactPointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0 || count === 0) return;
    setKeyboard(false);
    setActive(clamp(indexAt((event.clientX - box.left) / box.width)));
  };
  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return;
    if (event.key === 'Escape') {
      if (shown !== null) event.stopPropagation(); // Close the tooltip, not a dialog around it.
      setActive(null);
      return;
    }
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault(); // The arrows and Page keys would scroll the page.
    setKeyboard(true);
    setActive(clamp(move(shown ?? count - 1, count)));
  };

  const position = shown === null ? 0 : positionOf(shown);
  return (
    <>
      <div
        className={cx(
          `${block}-area`,
          styled &&
            'podium:grid podium:grid-cols-[auto_minmax(0,1fr)] podium:gap-x-2 podium:gap-y-1.5 podium:pt-2',
        )}
      >
        <div
          aria-hidden="true"
          className={cx(
            `${block}-y-axis`,
            styled &&
              'podium:grid podium:h-40 podium:text-end podium:text-xs podium:leading-none podium:text-(--podium-muted) podium:tabular-nums',
          )}
        >
          {ticks.map((tick) => (
            // All in one grid cell: the column is as wide as the widest label, and each label is
            // lifted from the bottom by its share of the height, centred on its gridline.
            <span
              key={tick.at}
              className={cx(styled && 'podium:relative podium:[grid-area:1/1] podium:self-end podium:translate-y-1/2')}
              style={{ bottom: `${tick.at * 100}%` }}
            >
              {tick.label}
            </span>
          ))}
        </div>
        <div
          role="group"
          aria-labelledby={labelledBy}
          aria-describedby={hintId}
          tabIndex={count > 0 ? 0 : undefined}
          data-active={shown ?? undefined}
          onPointerMove={onPointer}
          onPointerDown={onPointer}
          onPointerLeave={() => {
            if (!keyboard) setActive(null);
          }}
          onFocus={(event) => {
            // Focus from the keyboard shows the latest day; a click already chose one.
            if (event.target === event.currentTarget && active === null && count > 0) {
              setKeyboard(true);
              setActive(count - 1);
            }
          }}
          onBlur={() => {
            setKeyboard(false);
            setActive(null);
          }}
          onKeyDown={onKeyDown}
          className={cx(
            `${block}-plot`,
            styled && 'podium:relative podium:h-40 podium:cursor-crosshair podium:rounded-sm',
          )}
        >
          {ticks.map((tick) => (
            <span
              key={tick.at}
              aria-hidden="true"
              className={cx(
                `${block}-gridline`,
                styled && 'podium:pointer-events-none podium:absolute podium:inset-x-0 podium:border-t',
                styled && (tick.at === 0 ? 'podium:border-(--podium-control-border)' : 'podium:border-(--podium-border)'),
              )}
              style={{ bottom: `${tick.at * 100}%` }}
            />
          ))}
          <svg
            aria-hidden="true"
            focusable="false"
            viewBox={viewBox}
            preserveAspectRatio="none"
            className={cx(
              `${block}-svg`,
              styled && 'podium:absolute podium:inset-0 podium:size-full podium:overflow-visible',
            )}
          >
            {renderSvg(shown)}
          </svg>
          {renderOverlay?.(shown)}
          {shown !== null ? (
            <div
              aria-hidden="true"
              className={cx(
                `${block}-tooltip`,
                styled &&
                  'podium:pointer-events-none podium:absolute podium:top-0 podium:z-10 podium:flex podium:w-max podium:max-w-[15rem] podium:flex-col podium:gap-1 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:bg-(--podium-bg) podium:px-2.5 podium:py-2 podium:text-xs podium:text-(--podium-fg) podium:shadow-lg podium:tabular-nums',
              )}
              // Slides with the point: its left edge on the first day, its right edge on the last.
              style={{ left: `${position * 100}%`, transform: `translateX(-${position * 100}%)` }}
            >
              {renderTooltip(shown)}
            </div>
          ) : null}
        </div>
        <div
          aria-hidden="true"
          className={cx(
            `${block}-axis`,
            styled &&
              'podium:col-start-2 podium:flex podium:justify-between podium:gap-2 podium:text-xs podium:text-(--podium-muted) podium:tabular-nums',
          )}
        >
          {xAxis}
        </div>
      </div>
      <span id={hintId} className="podium-sr-only">
        {keyboardHint}
      </span>
      {/* Not role="status": the widget has its own status line, and this one only speaks on moves. */}
      <div aria-live="polite" className="podium-sr-only">
        {keyboard && shown !== null ? describe(shown) : ''}
      </div>
    </>
  );
}

/** A tooltip line: a colour key, the series' name and its value, aligned in two columns. */
export function ChartTooltipRow({
  label,
  value,
  swatch,
  styled,
}: {
  label: string;
  value: string;
  /** A CSS background for the key; no key when left out. */
  swatch?: string;
  styled: boolean;
}) {
  return (
    <span className={cx(styled && 'podium:flex podium:items-center podium:gap-2')}>
      <span
        className={cx(styled && 'podium:size-2 podium:shrink-0 podium:rounded-full')}
        style={swatch ? { background: swatch } : undefined}
      />
      <span className={cx(styled && 'podium:flex-1 podium:text-(--podium-muted)')}>{label}</span>
      <span className={cx(styled && 'podium:ms-3 podium:font-semibold')}>{value}</span>
    </span>
  );
}
