import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { AlertIcon } from '../shared/icons/AlertIcon.js';
import { RefreshIcon } from '../shared/icons/RefreshIcon.js';
import type { PodiumLabels } from '../labels.js';

export interface ScoringStaleNoticeProps {
  /** The widget's structural class: the notice is `<block>__notice`. */
  block: string;
  /** "Could not refresh. Showing points from 5 minutes ago." */
  message: string;
  onRetry: () => void;
  /** True while the retry is in flight: the button reads `labels.retrying` and is `aria-disabled`. */
  isRetrying: boolean;
  labels: Pick<PodiumLabels, 'retry' | 'retrying'>;
  unstyled: boolean;
  /** The widget's `classNames.notice`. */
  className?: string;
  /** The widget's `classNames.button`. */
  buttonClassName?: string;
}

/**
 * Over figures that are still shown after a refresh failed: says how old they are, with a Retry
 * button (polite status, as JobStats does, so a failed background refresh is not an alarm).
 */
export function ScoringStaleNotice({
  block,
  message,
  onRetry,
  isRetrying,
  labels,
  unstyled,
  className,
  buttonClassName,
}: ScoringStaleNoticeProps) {
  const styled = !unstyled;
  return (
    <div
      role="status"
      data-tone="warning"
      className={cx(
        `${block}__notice`,
        styled &&
          'podium:flex podium:flex-wrap podium:items-center podium:gap-3 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-warning) podium:px-3 podium:py-2 podium:text-sm podium:text-(--podium-warning)',
        className,
      )}
    >
      <p className={cx(styled && 'podium:m-0')}>
        <AlertIcon className={cx(styled && 'podium:me-1.5')} />
        {message}
      </p>
      <Button size="sm" unstyled={unstyled} className={buttonClassName} onClick={onRetry} aria-disabled={isRetrying || undefined}>
        <RefreshIcon className={cx(styled && isRetrying && 'podium:animate-spin podium:motion-reduce:animate-none')} />
        {isRetrying ? labels.retrying : labels.retry}
      </Button>
    </div>
  );
}
