/**
 * A progress line for the long-running CLI commands (`stats:backfill`, `stats:sync`) on stderr:
 * `[#####-----] 52% 5,200/10,000 users 1,234/s ETA 4s`. Redrawn in place on a terminal; plain
 * periodic lines otherwise (CI logs, pipes), so a log file does not fill with redraws.
 */

/** What one line shows. */
export interface ProgressState {
  done: number;
  /** `undefined` when the total is not known (paging an indexer): no bar, no ETA. */
  total?: number | undefined;
  /** What is counted: `users`, `listings`, ... */
  unit: string;
  /** Since this phase started. */
  elapsedMs: number;
}

const barWidth = 10;
const numberFormat = new Intl.NumberFormat('en-US');

/** Formats one progress line (pure, for tests). */
export function formatProgress({ done, total, unit, elapsedMs }: ProgressState): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  const rateText = `${numberFormat.format(Math.round(rate))}/s`;
  if (total === undefined) return `${numberFormat.format(done)} ${unit} ${rateText}`;
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * barWidth);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
  const eta = rate > 0 ? ` ETA ${formatDuration(((total - done) / rate) * 1000)}` : '';
  return `${bar} ${Math.floor(fraction * 100)}% ${numberFormat.format(done)}/${numberFormat.format(total)} ${unit} ${rateText}${eta}`;
}

/** `4s`, `2m05s`, `1h02m`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** Where the bar writes: `process.stderr` or a test double. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

/** Options of {@link createProgressBar}. */
export interface ProgressBarOptions {
  stream: ProgressStream;
  /** Least time between two plain lines when not a TTY. @default 2000 */
  plainIntervalMs?: number;
  /** Least time between two redraws on a TTY. @default 100 */
  ttyIntervalMs?: number;
  /** The clock, in milliseconds. @default performance.now */
  nowMs?: () => number;
}

/** A progress display: one phase at a time. */
export interface ProgressBar {
  /** Shows progress of a phase; a new `unit` starts a new phase (and a new rate). */
  update(done: number, total: number | undefined, unit: string): void;
  /** Ends the current line (prints the final state). */
  finish(): void;
}

/** Creates a {@link ProgressBar} on `stream`. */
export function createProgressBar(options: ProgressBarOptions): ProgressBar {
  const { stream } = options;
  const tty = stream.isTTY === true;
  const nowMs = options.nowMs ?? (() => performance.now());
  const interval = tty ? (options.ttyIntervalMs ?? 100) : (options.plainIntervalMs ?? 2000);
  let phase: { unit: string; startedAt: number } | undefined;
  let last: ProgressState | undefined;
  let drawnAt = -Infinity;
  let lineOpen = false;
  let pending = false;

  const draw = (state: ProgressState) => {
    pending = false;
    const text = formatProgress(state);
    if (tty) {
      stream.write(`\r\x1b[2K${text}`);
      lineOpen = true;
    } else stream.write(`${text}\n`);
    drawnAt = nowMs();
  };

  const finishLine = () => {
    if (last && pending) draw(last);
    if (tty && lineOpen) stream.write('\n');
    lineOpen = false;
    last = undefined;
  };

  return {
    update(done, total, unit) {
      if (!phase || phase.unit !== unit) {
        if (phase) finishLine();
        phase = { unit, startedAt: nowMs() };
        drawnAt = -Infinity;
      }
      last = { done, total, unit, elapsedMs: nowMs() - phase.startedAt };
      pending = true;
      const complete = total !== undefined && done >= total;
      if (complete || nowMs() - drawnAt >= interval) draw(last);
    },
    finish() {
      finishLine();
      phase = undefined;
    },
  };
}
