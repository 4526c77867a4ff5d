import {
  useCallback,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { TrophyIcon } from '../shared/icons/TrophyIcon.js';
import { XIcon } from '../shared/icons/XIcon.js';
import { useLabels } from '../labels.js';
import { LeaderboardBody, type LeaderboardViewOptions } from './LeaderboardBody.js';
import type { LeaderboardClassNames } from '../shared/leaderboardSlots.js';
import { PodiumRoot } from '../shared/PodiumRoot.js';
import { useFormatters } from '../shared/useFormatters.js';
import type { PodiumWidgetProps } from '../shared/widgetProps.js';
import { leaderboardLabels, type LeaderboardLabels } from '../shared/leaderboardLabels.js';
import { sharedLabels } from '../shared/sharedLabels.js';
import { referrersBoardLabels } from '../referrals/referrersBoardLabels.js';

/** The English strings the leaderboard shows (a module-level constant: `useLabels` memoises on it). */
const leaderboardTables = [sharedLabels, leaderboardLabels, referrersBoardLabels] as const;

/** What `renderTrigger` receives: spread `props` on your button (or call `openModal`). */
export interface LeaderboardTriggerContext {
  open: boolean;
  /** Opens the dialog. */
  openModal: () => void;
  /** ARIA and click wiring for a `<button>`. */
  props: {
    type: 'button';
    onClick: () => void;
    'aria-haspopup': 'dialog';
    'aria-expanded': boolean;
    'aria-controls': string | undefined;
    'data-state': 'open' | 'closed';
  };
  labels: LeaderboardLabels;
}

export interface LeaderboardModalProps extends PodiumWidgetProps<LeaderboardClassNames>, LeaderboardViewOptions {
  /** Whether the dialog is open, when you control it; pair with `onOpenChange`. */
  open?: boolean;
  /** Whether an uncontrolled dialog starts open. @default false */
  defaultOpen?: boolean;
  /** Called with the wanted state whenever the user opens or closes the dialog. */
  onOpenChange?: (open: boolean) => void;
  /**
   * Replaces the built-in trigger button. Return `null` for no trigger (a controlled dialog
   * opened from elsewhere); focus still returns to whatever had it before opening.
   */
  renderTrigger?: (context: LeaderboardTriggerContext) => ReactNode;
  /** Text of the built-in trigger. @default labels.leaderboardOpen ("Leaderboard") */
  triggerLabel?: ReactNode;
  /** The dialog's title (it names the dialog). @default labels.leaderboardTitle ("Leaderboard") */
  title?: ReactNode;
}

const noClassNames: LeaderboardClassNames = {};
const noopSubscribe = () => () => {};

const tabbableSelector = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

function tabbables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(tabbableSelector)].filter(
    (element) => !element.closest('[inert]') && element.getAttribute('aria-hidden') !== 'true',
  );
}

/**
 * The leaderboard in an accessible modal dialog (WAI-ARIA dialog pattern, Radix-style API):
 * controlled (`open` + `onOpenChange`) or not (`defaultOpen`); focus moves in and is trapped,
 * Escape and the close button close it, focus returns to the trigger; the rest of the page is
 * inert and does not scroll. Rendered in a portal inside a `.podium-root`, so Podium's styles
 * and theme apply wherever it lands. Polls only while open. Any board: the sellers' (default) or
 * `board="points"` with its timeframe switch.
 */
export function LeaderboardModal({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  renderTrigger,
  triggerLabel,
  title,
  className,
  classNames = noClassNames,
  unstyled = false,
  labels: labelsProp,
  ...view
}: LeaderboardModalProps) {
  const labels = useLabels(leaderboardTables, labelsProp);
  const format = useFormatters();
  const styled = !unstyled;
  const titleId = useId();
  const dialogId = useId();
  const [openState, setOpenState] = useState(defaultOpen);
  const open = openProp ?? openState;
  const controlled = openProp !== undefined;
  // Portals need a document: render the dialog only once mounted (SSR-safe).
  const mounted = useSyncExternalStore(noopSubscribe, () => true, () => false);

  const setOpen = useCallback(
    (next: boolean) => {
      if (!controlled) setOpenState(next);
      onOpenChange?.(next);
    },
    [controlled, onOpenChange],
  );
  const openModal = useCallback(() => setOpen(true), [setOpen]);

  const triggerContext: LeaderboardTriggerContext = {
    open,
    openModal,
    labels,
    props: {
      type: 'button',
      onClick: openModal,
      'aria-haspopup': 'dialog',
      'aria-expanded': open,
      'aria-controls': open ? dialogId : undefined,
      'data-state': open ? 'open' : 'closed',
    },
  };

  const trigger =
    renderTrigger === undefined ? (
      <PodiumRoot unstyled={unstyled} className={cx('podium-leaderboard-trigger', styled && 'podium:contents')}>
        <Button
          {...triggerContext.props}
          unstyled={unstyled}
          variant="primary"
          className={cx('podium-leaderboard__trigger', classNames.trigger)}
        >
          <TrophyIcon />
          {triggerLabel ?? labels.leaderboardOpen}
        </Button>
      </PodiumRoot>
    ) : (
      renderTrigger(triggerContext)
    );

  return (
    <>
      {trigger}
      {mounted && open
        ? createPortal(
            <LeaderboardDialog
              id={dialogId}
              titleId={titleId}
              title={title ?? labels.leaderboardTitle}
              onClose={() => setOpen(false)}
              className={className}
              classNames={classNames}
              unstyled={unstyled}
              labels={labels}
            >
              <LeaderboardBody {...view} labels={labels} format={format} styled={styled} classNames={classNames} />
            </LeaderboardDialog>,
            document.body,
          )
        : null}
    </>
  );
}

interface LeaderboardDialogProps {
  id: string;
  titleId: string;
  title: ReactNode;
  onClose: () => void;
  className?: string;
  classNames: LeaderboardClassNames;
  unstyled: boolean;
  labels: LeaderboardLabels;
  children: ReactNode;
}

/** The open dialog: focus management, inert background, scroll lock. Mounted only while open. */
function LeaderboardDialog({ id, titleId, title, onClose, className, classNames, unstyled, labels, children }: LeaderboardDialogProps) {
  const styled = !unstyled;
  const dialogRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  // Layout effect: the page must be inert and focus inside before the user can do anything.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    // The portal's `.podium-root`: a direct child of <body>, the one thing left interactive.
    const root = dialog?.closest('.podium-root');
    if (!root || !dialog) return;
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;

    // Everything else on the page becomes inert (and hidden from assistive technology).
    const madeInert: HTMLElement[] = [];
    for (const element of document.body.children) {
      if (element === root || !(element instanceof HTMLElement) || element.hasAttribute('inert')) continue;
      if (element.tagName === 'SCRIPT' || element.tagName === 'STYLE') continue;
      element.setAttribute('inert', '');
      madeInert.push(element);
    }
    // Scroll lock, keeping the page from shifting when the scrollbar disappears.
    const { style } = document.body;
    const previousOverflow = style.overflow;
    const previousPadding = style.paddingRight;
    const scrollbar = window.innerWidth - document.documentElement.clientWidth;
    style.overflow = 'hidden';
    if (scrollbar > 0) style.paddingRight = `${scrollbar}px`;

    (tabbables(dialog)[0] ?? dialog).focus();

    // Focus that escapes anyway (a click on the overlay, a script) is pulled back in.
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !dialog.contains(event.target)) (tabbables(dialog)[0] ?? dialog).focus();
    };
    document.addEventListener('focusin', onFocusIn);

    return () => {
      document.removeEventListener('focusin', onFocusIn);
      for (const element of madeInert) element.removeAttribute('inert');
      style.overflow = previousOverflow;
      style.paddingRight = previousPadding;
      if (previouslyFocused?.isConnected) previouslyFocused.focus();
    };
  }, []);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const items = tabbables(dialogRef.current);
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialogRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <PodiumRoot
      unstyled={unstyled}
      className={cx('podium-leaderboard-modal', styled && 'podium:contents', className)}
      data-state="open"
    >
      <div
        aria-hidden="true"
        data-state="open"
        className={cx(
          'podium-leaderboard__overlay',
          styled && 'podium:fixed podium:inset-0 podium:z-[1000] podium:bg-black/50',
          classNames.overlay,
        )}
        onClick={() => onCloseRef.current()}
      />
      <div
        ref={dialogRef}
        id={id}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-state="open"
        onKeyDown={onKeyDown}
        className={cx(
          'podium-leaderboard podium-leaderboard__dialog',
          styled &&
            'podium:fixed podium:left-1/2 podium:top-1/2 podium:z-[1001] podium:flex podium:max-h-[min(90vh,48rem)] podium:w-[min(94vw,36rem)] podium:-translate-x-1/2 podium:-translate-y-1/2 podium:flex-col podium:gap-3 podium:overflow-y-auto podium:rounded-(--podium-radius) podium:border podium:border-(--podium-border) podium:bg-(--podium-bg) podium:p-4 podium:text-(--podium-fg) podium:shadow-2xl podium:outline-none',
          classNames.dialog,
          classNames.root,
        )}
      >
        <div
          className={cx(
            'podium-leaderboard__header',
            styled && 'podium:flex podium:items-center podium:justify-between podium:gap-3',
            classNames.header,
          )}
        >
          <h2 id={titleId} className={cx('podium-leaderboard__title', styled && 'podium:m-0 podium:text-lg podium:font-semibold', classNames.title)}>
            {title}
          </h2>
          <Button
            size="sm"
            unstyled={unstyled}
            aria-label={labels.leaderboardClose}
            className={cx('podium-leaderboard__close', classNames.button)}
            onClick={() => onCloseRef.current()}
          >
            <XIcon />
          </Button>
        </div>
        {children}
      </div>
    </PodiumRoot>
  );
}
