import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultLabels, ShareKit, type ShareKitProps } from '../../components/index.js';
import { de } from '../../components/locales/de.js';
import { referralCreatorId, referralCurrentUserId } from '../../mocks/referrals/fixtures.js';
import { createReferralHandlers, type ReferralScenarioName } from '../../mocks/referrals/handlers.js';
import { errorResponse } from '../../mocks/shared/errorResponses.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';
import { renderWithPodium } from '../shared/renderWithPodium.js';
import { setupMswServer } from '../shared/setupMswServer.js';

/** The shares this test made (`sh_<n>`), not the world's seeded history (`sh_<member>_<n>`). */
const recorded = <T extends { shareId: string }>(shares: T[]) =>
  shares.filter((s) => /^sh_\d+$/.test(s.shareId));

// Counts imports of the QR library: the factory runs only when `import('qrcode')` first happens.
const qrLoads = vi.hoisted(() => ({ count: 0 }));
vi.mock('qrcode', async (importOriginal) => {
  qrLoads.count += 1;
  return importOriginal();
});

const { server } = setupMswServer();

function serve(scenario: ReferralScenarioName = 'success', failing = false) {
  const mocks = createReferralHandlers({
    baseUrl,
    scenario: () => scenario,
    throttle: async () => (failing ? errorResponse(500, 'internal_error', 'Down') : undefined),
  });
  server.use(...mocks.handlers);
  return mocks;
}

function renderKit(props: Partial<ShareKitProps> = {}, locale = 'en-US') {
  return renderWithPodium(<ShareKit creatorId={referralCreatorId} {...props} />, {
    getToken: () => referralCurrentUserId,
    locale,
    labelPacks: { de },
  });
}

const root = (container: HTMLElement) => container.querySelector('.podium-share-kit') as HTMLElement;
const expectState = (container: HTMLElement, state: string) =>
  waitFor(() => expect(root(container)).toHaveAttribute('data-state', state), { timeout: 4000 });

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** A stand-in for the blank window `window.open('')` answers; records where it is sent. */
function fakePopup() {
  const popup = { opener: {} as unknown, closed: false, close: vi.fn(), location: { href: 'about:blank' } };
  const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
  return { popup, open };
}

describe('ShareKit', () => {
  it('shows a skeleton, then the link, the eight platforms as named buttons and the motivation', async () => {
    serve();
    const { container } = renderKit({ earnings: { amount: 124.5, currency: 'USD' }, referrals: 12 });
    expect(root(container)).toHaveAttribute('data-state', 'loading');
    expect(container.querySelector('[aria-busy="true"]')).toHaveTextContent(defaultLabels.shareKitLoading);
    await expectState(container, 'ready');
    expect(screen.getByRole('textbox', { name: 'Your referral link' })).toHaveValue(
      'https://podium.example/r/ALC7K2QZ',
    );
    const list = screen.getByRole('list', { name: 'Share on' });
    const names = within(list)
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label'));
    expect(names).toEqual([
      'Share on X',
      'Share on Facebook',
      'Share on LinkedIn',
      'Share on WhatsApp',
      'Share on Telegram',
      'Share on Reddit',
      'Share on Email',
      'Share on SMS',
    ]);
    expect(container.querySelector('.podium-share-kit__stats')).toHaveTextContent(
      'Earned$124.50Friends joined12',
    );
  });

  it('keeps the platforms given, in their order', async () => {
    serve();
    const { container } = renderKit({ platforms: ['whatsapp', 'x'] });
    await expectState(container, 'ready');
    expect(
      [...container.querySelectorAll('[data-platform]')].map((b) => b.getAttribute('data-platform')),
    ).toEqual(['whatsapp', 'x']);
  });

  it('opens a blank window in the click, tracks the share and sends the window to the tracked link (?p=&s=)', async () => {
    const mocks = serve();
    const { popup, open } = fakePopup();
    const onShare = vi.fn();
    const { container } = renderKit({ community: 'Studio', onShare });
    await expectState(container, 'ready');
    await userEvent.click(screen.getByRole('button', { name: 'Share on X' }));
    // Synchronously in the click, before any request: popup blockers allow only that.
    expect(open).toHaveBeenCalledWith('', '_blank');
    expect(popup.opener).toBeNull();
    await waitFor(() => expect(popup.location.href).toMatch(/^https:\/\/x\.com\/intent\/tweet\?/));
    expect(recorded(mocks.world().shares)).toHaveLength(1);
    const share = recorded(mocks.world().shares)[0]!;
    expect(share).toMatchObject({ memberId: 'm_alice', platform: 'x', templateId: 'x-casual' });
    const text = new URL(popup.location.href).searchParams.get('text')!;
    expect(text).toContain('Studio');
    const shared = new URL(text.match(/https:\/\/podium\.example\S+/)![0]);
    expect(shared.searchParams.get('p')).toBe('x');
    expect(shared.searchParams.get('s')).toBe(share.shareId);
    expect(onShare).toHaveBeenCalledWith({ platform: 'x', url: share.url, shareId: share.shareId });
  });

  it('falls back to the untracked link (?p= only) when tracking fails', async () => {
    serve();
    const { popup } = fakePopup();
    const { container } = renderKit({ message: 'Join me {link}' });
    await expectState(container, 'ready');
    server.use(
      ...createReferralHandlers({
        baseUrl,
        throttle: async () => errorResponse(500, 'internal_error', 'Down'),
      }).handlers.slice(1),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Share on WhatsApp' }));
    await waitFor(() => expect(popup.location.href).toMatch(/^https:\/\/wa\.me\//));
    const text = new URL(popup.location.href).searchParams.get('text');
    expect(text).toBe('Join me https://podium.example/r/ALC7K2QZ?p=whatsapp');
  });

  it('shares the untracked link (?p= only) when tracking takes longer than 1.5 s', async () => {
    serve();
    const { popup } = fakePopup();
    const onShare = vi.fn();
    const { container } = renderKit({ message: 'Join me {link}', onShare });
    await expectState(container, 'ready');
    server.use(http.post(`${baseUrl}/shares`, async () => delay(4000)));
    const started = Date.now();
    await userEvent.click(screen.getByRole('button', { name: 'Share on Telegram' }));
    await waitFor(() => expect(popup.location.href).toMatch(/^https:\/\/t\.me\//), { timeout: 3000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(new URL(popup.location.href).searchParams.get('url')).toBe(
      'https://podium.example/r/ALC7K2QZ?p=telegram',
    );
    expect(onShare).toHaveBeenCalledWith({
      platform: 'telegram',
      url: 'https://podium.example/r/ALC7K2QZ?p=telegram',
      shareId: null,
    });
  });

  it('sends email and SMS through the current page, with the SMS style of the clicking device', async () => {
    serve();
    const open = vi.spyOn(window, 'open');
    const assigned: string[] = [];
    const location = {
      ...window.location,
      set href(value: string) {
        assigned.push(value);
      },
    };
    vi.stubGlobal('location', location);
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)',
    );
    const { container } = renderKit({ message: (platform, link) => `${platform}: ${link}` });
    await expectState(container, 'ready');
    await userEvent.click(screen.getByRole('button', { name: 'Share on SMS' }));
    await waitFor(() => expect(assigned).toHaveLength(1));
    expect(assigned[0]).toMatch(
      /^sms:&body=sms%3A%20https%3A%2F%2Fpodium\.example%2Fr%2FALC7K2QZ%3Fp%3Dsms%26s%3D/,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Share on Email' }));
    await waitFor(() => expect(assigned).toHaveLength(2));
    expect(assigned[1]).toMatch(/^mailto:\?body=email/);
    expect(open).not.toHaveBeenCalled();
  });

  it('copies the link, shows "Copied" and announces it politely', async () => {
    const mocks = serve();
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    const { container } = renderKit();
    await expectState(container, 'ready');
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    await screen.findByRole('button', { name: 'Copied' });
    expect(writeText).toHaveBeenCalledWith('https://podium.example/r/ALC7K2QZ?p=copy');
    expect(screen.getByRole('status')).toHaveTextContent('Link copied to the clipboard.');
    await waitFor(() => expect(recorded(mocks.world().shares).map((s) => s.platform)).toEqual(['copy']));
  });

  it('falls back to execCommand when the Clipboard API is refused', async () => {
    serve();
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    const { container } = renderKit();
    await expectState(container, 'ready');
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    await screen.findByRole('button', { name: 'Copied' });
    expect(execCommand).toHaveBeenCalledWith('copy');
  });

  it('loads the QR library only when the panel opens, and offers PNG and SVG downloads of the tracked link', async () => {
    const mocks = serve();
    const { container } = renderKit();
    await expectState(container, 'ready');
    expect(qrLoads.count).toBe(0);
    const toggle = screen.getByRole('button', { name: 'Show QR code' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const image = await screen.findByRole(
      'img',
      { name: 'QR code of your referral link' },
      { timeout: 4000 },
    );
    expect(qrLoads.count).toBe(1);
    expect(image.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(screen.getByRole('link', { name: 'Download PNG' })).toHaveAttribute(
      'download',
      'referral-ALC7K2QZ.png',
    );
    expect(screen.getByRole('link', { name: 'Download PNG' }).getAttribute('href')).toMatch(
      /^data:image\/png;base64,/,
    );
    expect(screen.getByRole('link', { name: 'Download SVG' })).toHaveAttribute(
      'download',
      'referral-ALC7K2QZ.svg',
    );
    expect(recorded(mocks.world().shares).map((s) => s.platform)).toEqual(['qr']);
  });

  it('offers the native share sheet only where navigator.share exists', async () => {
    serve();
    const first = renderKit();
    await expectState(first.container, 'ready');
    expect(screen.queryByRole('button', { name: 'More options' })).toBeNull();
    first.unmount();

    const share = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { share }));
    const onShare = vi.fn();
    const second = renderKit({ onShare });
    await expectState(second.container, 'ready');
    await userEvent.click(screen.getByRole('button', { name: 'More options' }));
    await waitFor(() => expect(share).toHaveBeenCalledTimes(1));
    const url = new URL((share.mock.calls[0] as unknown as [{ url: string }])[0].url);
    expect(url.searchParams.get('p')).toBe('native');
    expect(url.searchParams.get('s')).toMatch(/.+/);
    expect(onShare).toHaveBeenCalledWith(expect.objectContaining({ platform: 'native' }));
  });

  it('tells a user who is not a member yet, without an error', async () => {
    serve('empty');
    const { container } = renderKit();
    await expectState(container, 'not-member');
    expect(screen.getByText(defaultLabels.shareKitNotMemberTitle)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an error with Retry that loads again', async () => {
    serve('success', true);
    const { container } = renderKit();
    await expectState(container, 'error');
    expect(screen.getByRole('alert')).toHaveTextContent(defaultLabels.shareKitErrorTitle);
    serve();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await expectState(container, 'ready');
  });

  it('speaks German with the de pack, including the default message', async () => {
    serve();
    const { popup } = fakePopup();
    const { container } = renderKit({ community: 'Studio' }, 'de-DE');
    await expectState(container, 'ready');
    expect(screen.getByRole('heading', { name: 'Freunde einladen' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Auf WhatsApp teilen' }));
    await waitFor(() => expect(popup.location.href).toMatch(/^https:\/\/wa\.me\//));
    expect(new URL(popup.location.href).searchParams.get('text')).toMatch(
      /^Komm zu mir in Studio: https:\/\/podium\.example\/r\/ALC7K2QZ\?p=whatsapp&s=/,
    );
  });
});
