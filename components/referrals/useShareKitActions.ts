import { useEffect, useRef, useState } from 'react';
import { useShareTracking } from '../../hooks/referrals/useShareTracking.js';
import type { ShareChannel, Member } from '../../src/referrals/contract.js';
import type { Money } from '../../src/referrals/conversionContract.js';
import type { SharePlatform } from '../../src/referrals/platforms.js';
import { smsStyleFor } from '../../src/referrals/smsStyleFor.js';
import { formatLabel } from '../labels.js';
import { copyText } from './shareKitClipboard.js';
import type { ShareKitLabels } from './shareKitLabels.js';
import { openPendingShareWindow, untrackedLink } from './shareKitOpen.js';

/** What `onShare` receives: where the member shared and the link that went out. */
export interface ShareKitShareEvent {
  platform: ShareChannel;
  /** The link shared: tracked (`?p=&s=`), or `?p=` alone when tracking failed or was slow. */
  url: string;
  /** The recorded share's id, or `null` when tracking failed or was slow. */
  shareId: string | null;
}

/** A message for one platform, given the link to put in it. */
export type ShareKitMessage = string | ((platform: SharePlatform | 'native', link: string) => string);

/** How long to wait for `POST /shares` before sharing the untracked link instead. */
const trackingPatienceMs = 1500;
const copiedForMs = 2000;

interface ShareKitActionsOptions {
  /** The member and their link; the actions are only called once both are known. */
  member: Member | undefined;
  referralLink: string | undefined;
  message: ShareKitMessage | undefined;
  community: string | undefined;
  earnings: Money | undefined;
  referrals: number | undefined;
  /** The share sheet's title when the kit's title is a string. */
  title: unknown;
  labels: ShareKitLabels;
  locale: string;
  onShare: ((event: ShareKitShareEvent) => void) | undefined;
}

/**
 * What ShareKit's buttons do: share to a platform (the window opened in the click, the share
 * recorded, the tracked link and message filled in), copy, open the QR panel, and the device's
 * share sheet; with the state they show ("Copied", the announcement, the QR link).
 */
export function useShareKitActions({
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
}: ShareKitActionsOptions) {
  const { track } = useShareTracking();
  const [announcement, setAnnouncement] = useState('');
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const [qrOpen, setQrOpen] = useState(false);
  const [qrUrl, setQrUrl] = useState<string | undefined>();
  // Known only in the browser, after mount: the server and the first render agree (no button).
  const [canShareNatively, setCanShareNatively] = useState(false);
  const copiedTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    setCanShareNatively(typeof navigator !== 'undefined' && typeof navigator.share === 'function');
    return () => clearTimeout(copiedTimer.current);
  }, []);

  /**
   * Records a share and answers the link to send: tracked, or `?p=` alone when tracking failed or
   * took longer than `trackingPatienceMs` (the share is still recorded when it lands).
   */
  const trackedLink = async (platform: ShareChannel, templateId?: string): Promise<ShareKitShareEvent> => {
    const fallback: ShareKitShareEvent = {
      platform,
      url: untrackedLink(referralLink!, platform),
      shareId: null,
    };
    const share = await Promise.race([
      track({ memberId: member!.id, platform, templateId }),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), trackingPatienceMs)),
    ]);
    return share ? { platform, url: share.url, shareId: share.shareId } : fallback;
  };

  const vars = {
    name: member?.displayName ?? undefined,
    community,
    earnings: earnings?.amount,
    referrals,
  };
  const english = locale.toLowerCase().startsWith('en');
  /** The text for a platform, filled with `link`: the host's, a core template, or the labels'. */
  const labelMessage = (link: string) =>
    formatLabel(community ? labels.shareKitMessageCommunity : labels.shareKitMessage, {
      community: community ?? '',
      link,
    });

  const shareTo = async (platform: SharePlatform) => {
    // All of this runs in the click: the SMS style from this device, the window before any await.
    const smsStyle = platform === 'sms' ? smsStyleFor(navigator.userAgent) : undefined;
    const pending = openPendingShareWindow({ viaLocation: platform === 'email' || platform === 'sms' });
    // The share-link builder loads on the first click, alongside the tracking request it waits for.
    const builder = import('../../src/referrals/buildShareUrl.js');
    builder.catch(() => undefined); // awaited below; a failure then cancels the share
    try {
      // The 31 templates load on the first click, not with the page.
      // A chunk that fails to load (offline) or a template that cannot be filled (a bad currency
      // code) must not lose the share: the labels' message stands in.
      const pick =
        message === undefined && english
          ? await import('./shareKitMessage.js')
              .then((module) =>
                module.shareKitTemplate(
                  platform,
                  { ...vars, community },
                  { locale, currency: earnings?.currency },
                ),
              )
              .catch(() => null)
          : null;
      const event = await trackedLink(platform, pick?.templateId);
      let filled: { text: string; title?: string };
      try {
        filled =
          typeof message === 'function'
            ? { text: message(platform, event.url) }
            : typeof message === 'string'
              ? { text: formatLabel(message, { link: event.url }) }
              : (pick?.fill(event.url) ?? { text: labelMessage(event.url) });
      } catch {
        filled = { text: labelMessage(event.url) };
      }
      const { buildShareUrl } = await builder;
      pending.go(
        buildShareUrl(platform, { url: event.url, text: filled.text, title: filled.title, smsStyle }),
      );
      onShare?.(event);
    } catch {
      pending.cancel();
    }
  };

  const copy = () => {
    // Copied at once, in the click (Safari allows the clipboard only there); the share is
    // recorded alongside, so copies count, with `?p=copy` telling where the visit came from.
    const url = untrackedLink(referralLink!, 'copy');
    void copyText(url).then((ok) => {
      setCopied(ok ? 'copied' : 'failed');
      setAnnouncement(ok ? labels.shareKitCopiedAnnouncement : labels.shareKitCopyFailed);
      clearTimeout(copiedTimer.current);
      copiedTimer.current = setTimeout(() => setCopied(null), copiedForMs);
    });
    void track({ memberId: member!.id, platform: 'copy' }).then((share) =>
      onShare?.({ platform: 'copy', url, shareId: share?.shareId ?? null }),
    );
  };

  const toggleQr = () => {
    const open = !qrOpen;
    setQrOpen(open);
    if (open && qrUrl === undefined) {
      void trackedLink('qr').then((event) => {
        setQrUrl(event.url);
        onShare?.(event);
      });
    }
  };

  const shareNatively = async () => {
    const event = await trackedLink('native');
    const text =
      typeof message === 'function'
        ? message('native', event.url)
        : typeof message === 'string'
          ? formatLabel(message, { link: event.url })
          : undefined;
    const shareTitle = typeof title === 'string' ? title : labels.shareKitTitle;
    try {
      // A text that carries the link goes alone: many targets append `url` to the text.
      await navigator.share(
        text?.includes(event.url) ? { title: shareTitle, text } : { title: shareTitle, text, url: event.url },
      );
      onShare?.(event);
    } catch {
      // Dismissed by the user, or the browser refused (no gesture left): nothing to report.
    }
  };

  return { announcement, copied, qrOpen, qrUrl, canShareNatively, shareTo, copy, toggleQr, shareNatively };
}
