/**
 * Opens a share link without tripping popup blockers. Browsers allow `window.open` only during the
 * click itself, and the tracked link arrives later (after `POST /shares`): so a blank window is
 * opened at once and sent to the link when it is ready. `mailto:` and `sms:` links navigate the
 * current page instead (they hand over to an app and leave the page where it was; a blank tab
 * would stay behind).
 */
export interface PendingShareWindow {
  /** Sends the window (or the page) to `url`; later calls are ignored. */
  go: (url: string) => void;
  /** Closes the blank window without going anywhere (the share was abandoned). */
  cancel: () => void;
}

/** Call synchronously inside the click handler. */
export function openPendingShareWindow(url: { viaLocation: boolean }): PendingShareWindow {
  let done = false;
  // No `noopener` in the features: with it `window.open` answers null and the window cannot be
  // sent anywhere. The opener is cut by hand instead, before the window leaves about:blank.
  const popup = url.viaLocation ? null : window.open('', '_blank');
  if (popup) popup.opener = null;
  return {
    go: (target) => {
      if (done) return;
      done = true;
      if (url.viaLocation) window.location.href = target;
      else if (popup && !popup.closed) popup.location.href = target;
      // Blocked (or closed by the user): one last try, which a blocker may refuse too.
      else window.open(target, '_blank', 'noopener,noreferrer');
    },
    cancel: () => {
      if (done) return;
      done = true;
      popup?.close();
    },
  };
}

/** The referral link with `?p=<platform>`: what is shared when tracking failed or is slow. */
export function untrackedLink(link: string, platform: string): string {
  try {
    const url = new URL(link);
    url.searchParams.set('p', platform);
    return url.href;
  } catch {
    return link;
  }
}
