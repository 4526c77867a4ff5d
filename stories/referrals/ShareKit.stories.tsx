import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { PodiumProvider } from '../../hooks/PodiumProvider.js';
import { usePodium } from '../../hooks/usePodium.js';
import { ShareKit } from '../../components/referrals/ShareKit.js';
import { createPodiumMocks, referralCreatorId, referralCurrentUserId } from '../../mocks/index.js';
import { mocked, withMocks } from '../shared/storyMocks.js';
import { widgetProbe } from '../shared/widgetProbe.js';

/**
 * The referral mocks know one signed-in member, Alice (`u_alice`), while the preview signs in as
 * `storybook-token`: this provider re-provides the preview's settings (theme, locale, packs, query
 * client) with Alice's token.
 */
function AsAlice({ children }: { children: ReactNode }) {
  const podium = usePodium();
  return (
    <PodiumProvider
      baseUrl={podium.client.baseUrl}
      getToken={() => referralCurrentUserId}
      queryClient={podium.queryClient}
      locale={podium.locale}
      labelPacks={podium.labelPacks}
      labels={podium.labels}
      theme={podium.theme}
      timeZone={podium.timeZone}
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
 * Every state of `ShareKit`, served by `podium-kit/mocks`: Alice's link in the Studio community
 * (`c_studio`), `POST /shares` answering tracked links (`?p=&s=`).
 */
const meta = {
  title: 'Referrals/ShareKit',
  component: ShareKit,
  decorators: [asAlice],
  args: { creatorId: referralCreatorId, community: 'Studio' },
  parameters: {
    ...mocked({ scenario: 'success' }),
    docs: {
      description: {
        component:
          "The member's referral link with Copy, eight tracked share buttons, a QR code made on the device and the native share sheet where there is one.",
      },
    },
  },
} satisfies Meta<typeof ShareKit>;

export default meta;

type Story = StoryObj<typeof meta>;

const { root, expectState } = widgetProbe('.podium-share-kit');

/** The link, what the member has earned, and the eight platforms. */
export const Loaded: Story = {
  args: { earnings: { amount: 124.5, currency: 'USD' }, referrals: 12 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await expect(canvas.getByRole('textbox', { name: 'Your referral link' })).toHaveValue(
      'https://podium.example/r/ALC7K2QZ',
    );
    await expect(within(canvas.getByRole('list', { name: 'Share on' })).getAllByRole('button')).toHaveLength(
      8,
    );
  },
};

/** Without the motivation figures (a host that does not show earnings). */
export const WithoutStats: Story = {
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(canvasElement.querySelector('.podium-share-kit__stats')).toBeNull();
  },
};

/** A chosen subset of platforms, in the host's order. */
export const ChosenPlatforms: Story = {
  args: { platforms: ['whatsapp', 'telegram', 'email', 'sms'] },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(canvasElement.querySelectorAll('[data-platform]')).toHaveLength(4);
  },
};

/** The QR panel, opened: the code is made on the device, with PNG and SVG downloads. */
export const QrCode: Story = {
  args: { earnings: { amount: 124.5, currency: 'USD' }, referrals: 12 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectState(canvasElement, 'ready');
    await userEvent.click(canvas.getByRole('button', { name: 'Show QR code' }));
    await expect(
      await canvas.findByRole('link', { name: 'Download PNG' }, { timeout: 4000 }),
    ).toBeInTheDocument();
  },
};

/** Not a member of the community yet: a friendly hint instead of an error. */
export const NotMember: Story = {
  parameters: mocked({ scenario: 'empty' }),
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'not-member');
    await expect(within(canvasElement).getByText('You are not a member yet')).toBeInTheDocument();
  },
};

/** The first load, held forever: the skeleton. */
export const Loading: Story = {
  parameters: mocked({ scenario: 'loading' }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'loading');
    await expect(within(canvasElement).getByText('Loading your referral link…')).toBeInTheDocument();
  },
};

/** Every answer after 1.5 s: the skeleton, then the kit. */
export const Slow: Story = {
  parameters: mocked({ scenario: 'slow' }),
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement)).toHaveAttribute('data-state', 'loading');
    await expectState(canvasElement, 'ready', 6000);
  },
};

const flakyServer = createPodiumMocks({ scenario: 'error' });

/** The server fails, then recovers: Retry brings the link. */
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

/** German: every string from the `de` pack, the amount in the locale. */
export const GermanLocale: Story = {
  globals: { locale: 'de-DE' },
  args: { earnings: { amount: 124.5, currency: 'EUR' }, referrals: 12 },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(
      within(canvasElement).getByRole('heading', { name: 'Freunde einladen' }),
    ).toBeInTheDocument();
    await expect(canvasElement.querySelector('.podium-share-kit__stats')).toHaveTextContent('124,50 €');
  },
};

/** Japanese. */
export const JapaneseLocale: Story = {
  globals: { locale: 'ja-JP' },
  args: { earnings: { amount: 12000, currency: 'JPY' }, referrals: 12 },
  play: async ({ canvasElement }) => {
    await expectState(canvasElement, 'ready');
    await expect(within(canvasElement).getByRole('heading', { name: '友だちを招待' })).toBeInTheDocument();
  },
};
