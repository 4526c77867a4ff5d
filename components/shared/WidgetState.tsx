import type { ReactNode } from 'react';
import type { PodiumLabels } from '../labels.js';
import { Button } from './Button.js';
import { cx } from './cx.js';
import { AlertIcon } from './icons/AlertIcon.js';
import { InboxIcon } from './icons/InboxIcon.js';
import { RefreshIcon } from './icons/RefreshIcon.js';
import type { PodiumWidgetProps } from './widgetProps.js';

/** The parts of a state a host can add classes to; a widget passes its own `classNames` through. */
export type WidgetStateSlot = 'error' | 'empty' | 'button';

/** Extra classes per part, e.g. `{ error: 'shadow-sm', button: 'uppercase' }`. */
export type WidgetStateClassNames = Partial<Record<WidgetStateSlot, string>>;

export interface WidgetStateProps extends Pick<PodiumWidgetProps<WidgetStateClassNames>, 'className' | 'classNames' | 'unstyled'> {
  /**
   * `error`: a load failed and there is nothing to show (announced at once, `role="alert"`);
   * `empty`: the load worked and there is nothing to show yet.
   */
  kind: 'error' | 'empty';
  /**
   * The widget's structural class, e.g. `podium-job-stats`: the part is `<block>__error` or
   * `<block>__empty`, which stays when `unstyled`.
   */
  block: string;
  /** The first line, e.g. "Could not load stats" or "No activity yet". */
  title: ReactNode;
  /** The second line: the error's message or the empty state's hint. Left out when `null`. */
  description?: ReactNode;
  /**
   * Shows a Retry button that calls this. Leave it out for failures a retry cannot fix (a 404,
   * a 400, any error that is not `isRetryable`).
   */
  onRetry?: () => void;
  /** True while the retry is in flight: the button reads `labels.retrying` and is `aria-disabled`. @default false */
  isRetrying?: boolean;
  /** The button's words: pass the widget's resolved labels so its `labels` overrides apply. */
  labels: Pick<PodiumLabels, 'retry' | 'retrying'>;
}

/**
 * The props a widget passes to each of its states alike; bind them once
 * (`const states = { block, labels, classNames, unstyled }`) and spread them.
 */
export type WidgetStateBase = Pick<WidgetStateProps, 'block' | 'labels' | 'classNames' | 'unstyled'>;

const noClassNames: WidgetStateClassNames = {};

/**
 * What a widget shows instead of its content when a load failed or found nothing: a title, a
 * line of detail and (for retryable failures) a Retry button. One part, so every widget's error
 * and empty states look, read and announce the same.
 */
export function WidgetState({
  kind,
  block,
  title,
  description,
  onRetry,
  isRetrying = false,
  labels,
  className,
  classNames = noClassNames,
  unstyled = false,
}: WidgetStateProps) {
  const styled = !unstyled;
  const error = kind === 'error';
  return (
    <div
      role={error ? 'alert' : undefined}
      className={cx(
        `${block}__${kind}`,
        styled &&
          (error
            ? 'podium:flex podium:flex-col podium:items-start podium:gap-2 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-danger) podium:p-4'
            : 'podium:flex podium:flex-col podium:items-center podium:gap-1 podium:rounded-(--podium-radius) podium:border podium:border-dashed podium:border-(--podium-border) podium:p-8 podium:text-center'),
        classNames[kind],
        className,
      )}
    >
      {error ? null : <InboxIcon className={cx(styled && 'podium:mb-1 podium:size-8 podium:text-(--podium-muted)')} />}
      <p className={cx(styled && (error ? 'podium:m-0 podium:font-semibold podium:text-(--podium-danger)' : 'podium:m-0 podium:font-semibold'))}>
        {error ? <AlertIcon className={cx(styled && 'podium:me-1.5')} /> : null}
        {title}
      </p>
      {description == null ? null : (
        <p className={cx(styled && (error ? 'podium:m-0 podium:text-sm' : 'podium:m-0 podium:text-sm podium:text-(--podium-muted)'))}>
          {description}
        </p>
      )}
      {onRetry ? (
        <Button unstyled={unstyled} className={classNames.button} onClick={onRetry} aria-disabled={isRetrying || undefined}>
          <RefreshIcon className={cx(styled && isRetrying && 'podium:animate-spin podium:motion-reduce:animate-none')} />
          {isRetrying ? labels.retrying : labels.retry}
        </Button>
      ) : null}
    </div>
  );
}
