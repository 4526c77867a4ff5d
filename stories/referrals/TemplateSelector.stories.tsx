import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { ReactNode } from 'react';
import { TemplateSelector } from '../../components/referrals/TemplateSelector.js';
import { PodiumProvider, usePodium } from '../../hooks/index.js';
import { createPodiumMocks, referralCreatorId, referralCurrentUserId } from '../../mocks/index.js';
import type { MessageTemplate } from '../../src/index.js';
import { mocked, withMocks } from '../shared/storyMocks.js';
import { widgetProbe } from '../shared/widgetProbe.js';

/**
 * The referral mocks take the bearer token as the user, and the preview's provider sends
 * `storybook-token`: an inner provider signs in as Alice (`u_alice`, member `m_alice` of the
 * creator "Studio"), with the toolbar's theme, locale and the preview's QueryClient.
 */
function AsAlice({ children }: { children: ReactNode }) {
  // The preview's client: retries off, so the error story shows its error at once.
  const { queryClient, locale, theme, labelPacks } = usePodium();
  return (
    <PodiumProvider
      baseUrl="/api"
      getToken={() => referralCurrentUserId}
      queryClient={queryClient}
      locale={locale}
      labelPacks={labelPacks}
      theme={theme}
      timeZone="UTC"
    >
      {children}
    </PodiumProvider>
  );
}

const asAlice: Decorator = (Story) => (
  <AsAlice>
    <Story />
  </AsAlice>
);

/**
 * Every state of `TemplateSelector`, served by `podium-kit/mocks`: Alice's referral link in
 * "Studio", tracked share links from `POST /shares`.
 */
const meta = {
  title: 'Referrals/TemplateSelector',
  component: TemplateSelector,
  decorators: [asAlice],
  args: { creatorId: referralCreatorId, communityName: 'Studio', earnings: 1250, referrals: 12 },
  parameters: {
    ...mocked({ scenario: 'success' }),
    docs: {
      description: {
        component:
          'Ready-made referral messages by platform and tone, filled with the member’s link and figures, counted against the platform’s limit, copied or shared with a tracked link.',
      },
    },
  },
} satisfies Meta<typeof TemplateSelector>;

export default meta;

type Story = StoryObj<typeof meta>;

const { root, expectState } = widgetProbe('.podium-template-selector');

/** X's four messages, the first selected, with X's weighted count. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await expect(canvas.getByRole('tab', { name: 'X' })).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getAllByRole('radio')).toHaveLength(4);
    await expect(canvasElement.querySelector('.podium-template-selector__message')).toHaveTextContent(
      'https://podium.example/r/ALC7K2QZ',
    );
  },
};

/** Email: a subject and a signed body, sent through the mail app. */
export const Email: Story = {
  args: { defaultPlatform: 'email' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(canvasElement).getByRole('button', { name: 'Send by email' })).toBeInTheDocument();
  },
};

/** SMS: GSM-7 text, counted in parts of 160. */
export const Sms: Story = {
  name: 'SMS',
  args: { defaultPlatform: 'sms' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(canvasElement.querySelector('.podium-template-selector__count')).toHaveTextContent('1 SMS');
  },
};

/** Discord has no share link: copy only, and the hint says so. */
export const DiscordCopyOnly: Story = {
  args: { defaultPlatform: 'discord' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await expect(canvas.queryByRole('button', { name: /^Share/ })).toBeNull();
    await expect(canvas.getByText(/Discord has no share link/)).toBeInTheDocument();
  },
};

/** One tone chosen: only the social-proof messages. */
export const FilteredByTone: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await userEvent.click(canvas.getByRole('button', { name: 'Social proof' }));
    await expect(canvas.getAllByRole('radio')).toHaveLength(1);
  },
};

const longTemplate: MessageTemplate = {
  id: 'host-x-thread',
  platform: 'x',
  category: 'value',
  text: 'Three things I like about {community}: the people are kind, the advice is practical, and the weekly sessions are the best hour of my week. If you have been thinking about joining a community that actually helps, this is the one I would pick again without thinking twice: {link}',
};

/** A host's own template that runs over X's 280: the count turns red and says by how much. */
export const OverTheLimit: Story = {
  args: { templates: [longTemplate] },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(canvasElement.querySelector('.podium-template-selector__count')).toHaveAttribute(
      'data-over',
      'true',
    );
  },
};

/** No earnings given: templates that need them say so, never showing `{earnings}`. */
export const MissingEarnings: Story = {
  args: { earnings: undefined, defaultPlatform: 'facebook' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await userEvent.click(canvas.getAllByRole('radio')[1]!);
    await expect(canvas.getByText(/This message needs your earnings/)).toBeInTheDocument();
  },
};

/** The first load, held forever: the skeleton. */
export const Loading: Story = {
  parameters: mocked({ scenario: 'loading' }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'loading');
  },
};

/** Signed in, but not a member of the community yet. */
export const NotAMember: Story = {
  parameters: mocked({ scenario: 'empty' }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'notMember');
    await expect(
      within(canvasElement).getByText('Join Studio to get a referral link to share.'),
    ).toBeInTheDocument();
  },
};

const flakyServer = createPodiumMocks({ scenario: 'error' });

/** The server fails, then recovers: Retry brings the messages. */
export const ErrorState: Story = {
  name: 'Error',
  ...withMocks(flakyServer),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 4000 });
    await expect(alert).toHaveTextContent('Could not load your referral link');
    flakyServer.setScenario('success');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expectState(canvasElement, 'ready');
  },
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
  },
};

/** German labels; the messages themselves stay as written. */
export const GermanLocale: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await waitFor(() =>
      expect(within(canvasElement).getByRole('tablist', { name: 'Plattform' })).toBeInTheDocument(),
    );
  },
};

/** Japanese labels. */
export const JapaneseLocale: Story = {
  globals: { locale: 'ja-JP' },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
  },
};

/** Without Podium's styles: structure, roles and state only. */
export const Unstyled: Story = {
  args: { unstyled: true },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
  },
};
