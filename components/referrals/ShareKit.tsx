import { lazy, Suspense, useId, type ReactNode } from 'react';
import { useReferralLink } from '../../hooks/referrals/useReferralLink.js';
import type { Money } from '../../src/referrals/conversionContract.js';
import { sharePlatforms, type SharePlatform } from '../../src/referrals/platforms.js';
import { Button } from '../shared/Button.js';
import { cx } from '../shared/cx.js';
import { CheckIcon } from '../shared/icons/CheckIcon.js';
import { CopyIcon } from '../shared/icons/CopyIcon.js';
import { QrIcon } from '../shared/icons/QrIcon.js';
import { ShareIcon } from '../shared/icons/ShareIcon.js';
import { usePodium } from '../../hooks/usePodium.js';
import { WidgetCard } from '../shared/WidgetCard.js';
import { WidgetState, type WidgetStateBase } from '../shared/WidgetState.js';
import type { PodiumHeadingProps, PodiumWidgetProps } from '../shared/widgetProps.js';
import { useLabels } from '../labels.js';
import type { ShareKitClassNames } from './shareKitSlots.js';
import { shareKitLabels } from './shareKitLabels.js';
import { ShareKitPlatforms } from './ShareKitPlatforms.js';
import { ShareKitSkeleton } from './ShareKitSkeleton.js';
import { ShareKitStats } from './ShareKitStats.js';
import { useShareKitActions, type ShareKitMessage, type ShareKitShareEvent } from './useShareKitActions.js';

export type { ShareKitMessage, ShareKitShareEvent } from './useShareKitActions.js';
import { sharedLabels } from '../shared/sharedLabels.js';

/** The English strings ShareKit shows (a module-level constant: `useLabels` memoises on it). */
const shareKitTables = [sharedLabels, shareKitLabels] as const;

/** The kit's state, also exposed as `data-state` on the root. */
export type ShareKitState = 'idle' | 'loading' | 'not-member' | 'error' | 'ready';

export interface ShareKitProps extends PodiumWidgetProps<ShareKitClassNames>, PodiumHeadingProps {
  /** The creator (community) whose referral link to share. An empty id shows a hint and sends nothing. */
  creatorId: string;
  /**
   * The community's name, for the default messages ("Join me in {community}"). @default none:
   * the messages then leave the community unnamed
   */
  community?: string;
  /**
   * The text shared with the link: one string for every platform (`{link}` marks where the link
   * goes; without it the platform adds the link), or a function of the platform and the tracked
   * link. @default in English, the core's first message template for the platform that can be
   * filled; in other languages `labels.shareKitMessage`
   */
  message?: ShareKitMessage;
  /** Which platforms to offer, in this order. @default all eight (`sharePlatforms`) */
  platforms?: readonly SharePlatform[];
  /** What the member has earned so far, shown as motivation (and usable by templates). */
  earnings?: Money;
  /** How many people joined through the member's link, shown as motivation. */
  referrals?: number;
  /** Called after each share, once the link went out (copy, QR, native and the platforms). */
  onShare?: (event: ShareKitShareEvent) => void;
  /** The heading. @default labels.shareKitTitle ("Invite friends") */
  title?: ReactNode;
}

const noClassNames: ShareKitClassNames = {};
/** The QR panel and the `qrcode` library it imports: one chunk, loaded when the panel first opens. */
const ShareKitQrPanel = lazy(() =>
  import('./ShareKitQrPanel.js').then((module) => ({ default: module.ShareKitQrPanel })),
);

/**
 * Referral sharing in one card: the member's link with Copy (a visible "Copied" and a polite
 * announcement), one button per platform (X, Facebook, LinkedIn, WhatsApp, Telegram, Reddit,
 * e-mail, SMS) that records the share (`POST /shares`) so the link that goes out carries
 * `?p=&s=`, a QR code made on the device (its library loads only when the panel opens) with PNG
 * and SVG downloads, and the device's own share sheet where there is one. Handles loading, "not
 * a member yet", and errors with retry. Renders on the server: nothing reads `window` or
 * `navigator` before a click or an effect.
 */
export function ShareKit({
  creatorId,
  community,
  message,
  platforms = sharePlatforms,
  earnings,
  referrals,
  onShare,
  title,
  headingLevel = 2,
  className,
  classNames = noClassNames,
  unstyled = false,
  labels: labelsProp,
}: ShareKitProps) {
  const labels = useLabels(shareKitTables, labelsProp);
  const { locale } = usePodium();
  const styled = !unstyled;
  const query = useReferralLink({ creatorId });
  const { member, referralLink, error } = query;
  const qrId = useId();
  const { announcement, copied, qrOpen, qrUrl, canShareNatively, shareTo, copy, toggleQr, shareNatively } =
    useShareKitActions({
      member,
      referralLink,
      message,
      community,
      earnings,
      referrals,
      title,
      labels,
      locale,
      onShare,
    });

  const id = creatorId.trim();
  const state: ShareKitState = !id
    ? 'idle'
    : member && referralLink
      ? 'ready'
      : query.isNotMember
        ? 'not-member'
        : error && query.status === 'error'
          ? 'error'
          : 'loading';

  const states: WidgetStateBase = { block: 'podium-share-kit', labels, classNames, unstyled };
  let content: ReactNode = null;
  if (state === 'idle') {
    content = (
      <p className={cx(styled && 'podium:m-0 podium:text-sm podium:text-(--podium-muted)')}>
        {labels.shareKitNoCreator}
      </p>
    );
  } else if (state === 'loading') {
    content = (
      <ShareKitSkeleton
        label={labels.shareKitLoading}
        count={platforms.length}
        styled={styled}
        classNames={classNames}
      />
    );
  } else if (state === 'not-member') {
    content = (
      <WidgetState
        kind="empty"
        {...states}
        title={labels.shareKitNotMemberTitle}
        description={labels.shareKitNotMemberHint}
      />
    );
  } else if (state === 'error' && error) {
    content = (
      <WidgetState
        kind="error"
        {...states}
        title={labels.shareKitErrorTitle}
        description={error.message}
        onRetry={error.isRetryable ? () => void query.refetch() : undefined}
        isRetrying={query.isFetching}
      />
    );
  } else if (state === 'ready' && referralLink) {
    const action = cx(styled && 'podium:flex-1 podium:basis-36 podium:@md:flex-none', classNames.button);
    content = (
      <div className={cx(styled && 'podium:flex podium:flex-col podium:gap-5')}>
        <ShareKitStats
          earnings={earnings}
          referrals={referrals}
          locale={locale}
          labels={labels}
          styled={styled}
          classNames={classNames}
        />
        <div
          className={cx(
            'podium-share-kit__link',
            styled && 'podium:flex podium:flex-col podium:gap-1.5',
            classNames.link,
          )}
        >
          <label htmlFor={`${qrId}-link`} className={cx(styled && 'podium:text-sm podium:font-medium')}>
            {labels.shareKitLinkLabel}
          </label>
          <div className={cx(styled && 'podium:flex podium:flex-col podium:gap-2 podium:@sm:flex-row')}>
            <input
              id={`${qrId}-link`}
              readOnly
              value={referralLink}
              onFocus={(event) => event.currentTarget.select()}
              className={cx(
                'podium-share-kit__link-input',
                styled &&
                  'podium:min-w-0 podium:flex-1 podium:rounded-(--podium-radius) podium:border podium:border-(--podium-control-border) podium:bg-(--podium-surface) podium:px-3 podium:py-2 podium:font-mono podium:text-sm podium:text-(--podium-fg)',
                classNames.linkInput,
              )}
            />
            <Button
              variant="primary"
              unstyled={unstyled}
              onClick={copy}
              data-copied={copied === 'copied' || undefined}
              className={cx(
                'podium-share-kit__copy',
                styled && 'podium:shrink-0 podium:min-w-28',
                classNames.copy,
              )}
            >
              {copied === 'copied' ? <CheckIcon /> : <CopyIcon />}
              {copied === 'copied' ? labels.shareKitCopied : labels.shareKitCopy}
            </Button>
          </div>
          {copied === 'failed' ? (
            <p className={cx(styled && 'podium:m-0 podium:text-sm podium:text-(--podium-danger)')}>
              {labels.shareKitCopyFailed}
            </p>
          ) : null}
        </div>
        <div className={cx(styled && 'podium:flex podium:flex-col podium:gap-2')}>
          <p
            id={`${qrId}-platforms`}
            className={cx(styled && 'podium:m-0 podium:text-sm podium:font-medium')}
          >
            {labels.shareKitPlatformsLabel}
          </p>
          <ShareKitPlatforms
            platforms={platforms}
            labelledBy={`${qrId}-platforms`}
            labels={labels}
            onShare={(platform) => void shareTo(platform)}
            styled={styled}
            classNames={classNames}
          />
        </div>
        <div
          className={cx(
            'podium-share-kit__actions',
            styled && 'podium:flex podium:flex-wrap podium:gap-2',
            classNames.actions,
          )}
        >
          <Button
            unstyled={unstyled}
            aria-expanded={qrOpen}
            aria-controls={qrOpen ? qrId : undefined}
            onClick={toggleQr}
            className={action}
          >
            <QrIcon />
            {qrOpen ? labels.shareKitQrHide : labels.shareKitQrShow}
          </Button>
          {canShareNatively ? (
            <Button
              unstyled={unstyled}
              onClick={() => void shareNatively()}
              className={cx('podium-share-kit__native', action, classNames.native)}
            >
              <ShareIcon />
              {labels.shareKitNativeShare}
            </Button>
          ) : null}
        </div>
        {qrOpen ? (
          <Suspense fallback={null}>
            <ShareKitQrPanel
              id={qrId}
              url={qrUrl}
              fileName={`referral-${member!.referralCode}`}
              labels={labels}
              styled={styled}
              classNames={classNames}
            />
          </Suspense>
        ) : null}
      </div>
    );
  }

  return (
    <WidgetCard
      block="podium-share-kit"
      title={title ?? labels.shareKitTitle}
      headingLevel={headingLevel}
      subtitle={
        state === 'ready' ? (
          <p className={cx(styled && 'podium:m-0 podium:text-sm podium:text-(--podium-muted)')}>
            {labels.shareKitSubtitle}
          </p>
        ) : null
      }
      announcement={announcement}
      className={className}
      classNames={classNames}
      unstyled={unstyled}
      data-state={state}
      data-error-status={state === 'error' ? error?.status : undefined}
    >
      <div aria-busy={state === 'loading'}>{content}</div>
    </WidgetCard>
  );
}
