import type { Meta, StoryObj } from '@storybook/react-vite';
import { GettingStarted } from '../.storybook/docs/GettingStarted.js';
import { JobStats } from '../components/JobStats.js';
import { createPodiumHandlers } from '../mocks/index.js';

/**
 * The "Getting started" docs page. Its one story is the page's live example (a story hidden with
 * `!dev` would hide the docs entry too: Storybook derives the entry's tags from its stories).
 */
const meta = {
  title: 'Getting started',
  component: JobStats,
  parameters: {
    msw: { handlers: createPodiumHandlers({ scenario: 'success' }) },
    docs: { page: GettingStarted },
  },
} satisfies Meta<typeof JobStats>;

export default meta;

export const LiveExample: StoryObj<typeof meta> = {};
