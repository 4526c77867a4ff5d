import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplateSelector, type TemplateSelectorProps } from '../../components/index.js';
import { de } from '../../components/locales/de.js';
import { referralCreatorId, referralCurrentUserId, type PodiumHandlersOptions } from '../../mocks/index.js';
import type { MessageTemplate } from '../../src/index.js';
import { renderWithPodium } from '../shared/renderWithPodium.js';
import { setupMswServer } from '../shared/setupMswServer.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';

/** The shares this test made (`sh_<n>`), not the world's seeded history (`sh_<member>_<n>`). */
const recorded = <T extends { shareId: string }>(shares: T[]) =>
  shares.filter((s) => /^sh_\d+$/.test(s.shareId));

const { serve } = setupMswServer({ mocks: { baseUrl } });
const link = 'https://podium.example/r/ALC7K2QZ';

function renderSelector(
  props: Partial<TemplateSelectorProps> = {},
  mocks: PodiumHandlersOptions = {},
  locale = 'en-US',
) {
  const server = serve(mocks);
  const view = renderWithPodium(
    <TemplateSelector
      creatorId={referralCreatorId}
      communityName="Studio"
      earnings={1250}
      referrals={12}
      {...props}
    />,
    { getToken: () => referralCurrentUserId, locale, labelPacks: { de } },
  );
  return { ...view, server };
}

const root = (container: HTMLElement) => container.querySelector('.podium-template-selector') as HTMLElement;
const expectState = (container: HTMLElement, state: string) =>
  waitFor(() => expect(root(container)).toHaveAttribute('data-state', state), { timeout: 4000 });
const preview = () => screen.getByRole('region', { name: 'Preview' });
const message = (container: HTMLElement) =>
  container.querySelector('.podium-template-selector__message')!.textContent;

afterEach(() => vi.restoreAllMocks());

describe('TemplateSelector', () => {
  it('shows a busy skeleton, then X templates filled with the member’s link and figures', async () => {
    const { container } = renderSelector();
    expect(root(container)).toHaveAttribute('data-state', 'loading');
    expect(container.querySelector('[aria-busy="true"]')).toHaveTextContent('Loading your referral link…');
    await expectState(container, 'ready');
    expect(screen.getByRole('tab', { name: 'X' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getAllByRole('radio')).toHaveLength(4);
    expect(screen.getAllByRole('radio')[0]).toBeChecked();
    expect(message(container)).toBe(
      `Been spending a lot of time in Studio lately and it's genuinely good. Come hang out: ${link}`,
    );
    expect(container.textContent).not.toMatch(/\{\w+\}/);
  });

  it('moves between platform tabs with the arrow keys, Home and End (roving focus, wrapping)', async () => {
    const user = userEvent.setup();
    const { container } = renderSelector();
    await expectState(container, 'ready');
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'X',
      'Facebook',
      'LinkedIn',
      'WhatsApp',
      'Telegram',
      'Reddit',
      'Email',
      'SMS',
      'Discord',
      'Slack',
    ]);
    expect(tabs.filter((tab) => tab.tabIndex === 0)).toEqual([tabs[0]]);
    await user.tab();
    expect(tabs[0]).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Facebook' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Facebook' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAttribute(
      'aria-labelledby',
      screen.getByRole('tab', { name: 'Facebook' }).id,
    );
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Slack' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'X' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Slack' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'X' })).toHaveAttribute('aria-selected', 'true');
    // Tab leaves the tab list for the panel's first control.
    await user.tab();
    expect(screen.getByRole('button', { name: 'All' })).toHaveFocus();
  });

  it('filters by tone with chips that name the tone, and picks a template', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const { container } = renderSelector({ onSelect });
    await expectState(container, 'ready');
    const chips = within(screen.getByRole('group', { name: 'Tone' }));
    expect(chips.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'All',
      'Casual',
      'Excited',
      'Urgent',
      'Social proof',
    ]);
    await user.click(chips.getByRole('button', { name: 'Social proof' }));
    expect(chips.getByRole('button', { name: 'Social proof' })).toHaveAttribute('aria-pressed', 'true');
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(1);
    expect(
      container.querySelector('.podium-template-selector__item .podium-template-selector__badge'),
    ).toHaveTextContent('Social proof');
    expect(message(container)).toBe(
      `Friends I have brought into Studio so far: 12 📈 Want to be next? ${link}`,
    );
    // Pressing the chosen tone again shows all of them.
    await user.click(chips.getByRole('button', { name: 'Social proof' }));
    expect(screen.getAllByRole('radio')).toHaveLength(4);
    await user.click(screen.getAllByRole('radio')[3]!);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'x-urgency' }));
    expect(preview()).toHaveAttribute('data-template-id', 'x-urgency');
    // Each platform keeps its pick; a tone the other platform lacks does not empty its list.
    await user.click(chips.getByRole('button', { name: 'Urgent' }));
    await user.click(screen.getByRole('tab', { name: 'LinkedIn' }));
    expect(screen.getAllByRole('radio').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('tab', { name: 'X' }));
    expect(preview()).toHaveAttribute('data-template-id', 'x-urgency');
  });

  it('counts X’s weighted length against 280, and marks and announces a message over the limit', async () => {
    const long: MessageTemplate = {
      id: 'host-x-long',
      platform: 'x',
      category: 'casual',
      text: `${'Join us! '.repeat(30)}{link}`,
    };
    const { container } = renderSelector({ templates: [long] });
    await expectState(container, 'ready');
    const count = container.querySelector('.podium-template-selector__count')!;
    // 270 characters + the link counted as 23.
    expect(count).toHaveAttribute('data-over', 'true');
    expect(count).toHaveTextContent('293 / 280');
    expect(count).toHaveTextContent('293 of 280 characters');
    expect(count).toHaveTextContent('13 over the limit');
    expect(count).toHaveTextContent('Links count as 23, emoji as 2');
    expect(within(root(container)).getByRole('status')).toHaveTextContent(
      'This message is 13 characters over the X limit.',
    );
    await userEvent.setup().click(screen.getAllByRole('radio')[1]!);
    expect(container.querySelector('.podium-template-selector__count')).not.toHaveAttribute('data-over');
    expect(within(root(container)).getByRole('status')).toBeEmptyDOMElement();
  });

  it('shows SMS parts', async () => {
    const { container } = renderSelector({ defaultPlatform: 'sms' });
    await expectState(container, 'ready');
    expect(container.querySelector('.podium-template-selector__count')).toHaveTextContent(/^1 SMS\d+ \/ 160/);
  });

  it('copies the message with a tracked link, confirms it and announces it politely', async () => {
    const user = userEvent.setup();
    const { container, server } = renderSelector();
    await expectState(container, 'ready');
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument());
    expect(within(root(container)).getByRole('status')).toHaveTextContent('Message copied to the clipboard.');
    expect(await navigator.clipboard.readText()).toBe(
      `Been spending a lot of time in Studio lately and it's genuinely good. Come hang out: ${link}?p=copy&s=sh_1`,
    );
    expect(recorded(server.referralWorld().shares)).toEqual([
      expect.objectContaining({ platform: 'copy', templateId: 'x-casual' }),
    ]);
  });

  it('opens the share window in the click, then sends it to the platform with the template and tracked link', async () => {
    const user = userEvent.setup();
    const popup = { opener: {} as unknown, location: { href: '' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const onShare = vi.fn();
    const { container, server } = renderSelector({ onShare });
    await expectState(container, 'ready');
    await user.click(screen.getAllByRole('radio')[1]!);
    await user.click(screen.getByRole('button', { name: 'Share on X' }));
    // Synchronously, before the share was recorded: not a blocked popup.
    expect(open).toHaveBeenCalledWith('', '_blank');
    expect(popup.opener).toBeNull();
    await waitFor(() => expect(onShare).toHaveBeenCalled());
    const tracked = `${link}?p=x&s=sh_1`;
    const url = new URL(popup.location.href);
    expect(url.origin + url.pathname).toBe('https://x.com/intent/tweet');
    expect(url.searchParams.get('text')).toBe(
      `Loving Studio right now! 🎉 If you've been curious, this is your sign to jump in 👉 ${tracked}`,
    );
    expect(recorded(server.referralWorld().shares)).toEqual([
      expect.objectContaining({ platform: 'x', templateId: 'x-excited' }),
    ]);
    expect(onShare).toHaveBeenCalledWith(
      expect.objectContaining({ platform: 'x', link: tracked, shareId: 'sh_1', url: popup.location.href }),
    );
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('shares on Facebook with the tracked link and copies the message for the post in the same click', async () => {
    const user = userEvent.setup();
    const popup = { opener: null, location: { href: '' }, close: vi.fn() };
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const { container } = renderSelector({ defaultPlatform: 'facebook' });
    await expectState(container, 'ready');
    expect(preview()).toHaveTextContent('Facebook does not take text');
    await user.click(screen.getByRole('button', { name: 'Share on Facebook' }));
    const tracked = `${link}?p=facebook&s=sh_1`;
    await waitFor(() => expect(popup.location.href).not.toBe(''));
    expect(new URL(popup.location.href).searchParams.get('u')).toBe(tracked);
    await waitFor(async () => expect(await navigator.clipboard.readText()).toContain(tracked));
    expect(await navigator.clipboard.readText()).toMatch(/^Hey friends! I've been part of Studio/);
  });

  it('makes Discord and Slack copy-only', async () => {
    const user = userEvent.setup();
    const { container, server } = renderSelector({ defaultPlatform: 'discord' });
    await expectState(container, 'ready');
    expect(screen.queryByRole('button', { name: /^Share/ })).toBeNull();
    expect(preview()).toHaveTextContent('Discord has no share link: copy the message and paste it there.');
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-copied', 'true'));
    expect(await navigator.clipboard.readText()).toContain(`${link}?p=copy&s=sh_1`);
    expect(recorded(server.referralWorld().shares)[0]).toMatchObject({ templateId: 'discord-casual' });
  });

  it('shows what a template is missing instead of a placeholder, and will not send it', async () => {
    const { container } = renderSelector({ earnings: undefined, defaultPlatform: 'facebook' });
    await expectState(container, 'ready');
    await userEvent.setup().click(screen.getAllByRole('radio')[1]!);
    expect(preview()).toHaveAttribute('data-status', 'missing');
    expect(preview()).toHaveTextContent('This message needs your earnings, which is not available here.');
    expect(preview().querySelector('[data-missing="earnings"]')).toHaveTextContent('your earnings');
    expect(container.textContent).not.toMatch(/\{\w+\}/);
    expect(screen.getByRole('button', { name: 'Copy' })).toBeDisabled();
  });

  it('tells a user who is not a member yet to join', async () => {
    const { container } = renderSelector({}, { scenario: 'empty' });
    await expectState(container, 'notMember');
    expect(screen.getByText('Join Studio to get a referral link to share.')).toBeInTheDocument();
  });

  it('shows an error with a retry that recovers', async () => {
    const user = userEvent.setup();
    const { container, server } = renderSelector({}, { scenario: 'error', errorCount: 100 });
    await expectState(container, 'error');
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load your referral link');
    server.setScenario('success');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await expectState(container, 'ready');
  });

  it('speaks German with the German pack; template texts stay as written', async () => {
    const { container } = renderSelector({}, {}, 'de-DE');
    await expectState(container, 'ready');
    expect(screen.getByRole('heading', { level: 2, name: 'Nachricht teilen' })).toBeInTheDocument();
    expect(screen.getByRole('tablist', { name: 'Plattform' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kopieren' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'E-Mail' })).toBeInTheDocument();
    expect(message(container)).toContain('Come hang out');
  });

  it('keeps its structural classes and state without styles', async () => {
    const { container } = renderSelector({ unstyled: true, classNames: { item: 'host-item' } });
    await expectState(container, 'ready');
    expect(root(container)).toHaveAttribute('data-unstyled');
    expect(container.querySelector('.podium-template-selector__item.host-item')).not.toBeNull();
    expect(container.querySelector('[class*="podium:"]')).toBeNull();
  });
});
