import type { DocsContextProps } from 'storybook/internal/types';
import { LiveStory } from './LiveStory.js';
import { docsStyles } from './text.js';

function Code({ children }: { children: string }) {
  return (
    <pre style={docsStyles.pre}>
      <code>{children.trim()}</code>
    </pre>
  );
}

/**
 * The "Getting started" docs page: what Podium is and the four steps from install to a mocked
 * widget, ending with that widget live (the page's one story, served by the mocks).
 */
export function GettingStarted({ context }: { context: DocsContextProps }) {
  return (
    <article style={docsStyles.page} data-docs-page="getting-started">
      <h1>Getting started with Podium</h1>
      <p>
        Podium is an embeddable engagement kit for React apps: job statistics, user stats, leaderboards and
        seller dashboards as <strong>headless hooks</strong>, <strong>styled components</strong> built on
        them, <strong>MSW mocks</strong> to prototype without a server, and a companion server that implements
        every endpoint. This Storybook shows every component in every state; each component&apos;s{' '}
        <em>Docs</em> page lists its props. Use the toolbar to switch theme (light, dark) and locale.
      </p>

      <h2>1. Install</h2>
      <Code>{`npm install podium @tanstack/react-query react react-dom
npm install --save-dev msw   # only for the mocks`}</Code>

      <h2>2. Wrap your app in PodiumProvider</h2>
      <p>
        One provider per Podium area: where the API is, how to get the signed-in user&apos;s token, and
        optionally locale, time zone, theme and label overrides. Import the styles once; they are scoped under{' '}
        <code>.podium-root</code> and never touch your page.
      </p>
      <Code>{`
import { PodiumProvider } from 'podium';
import 'podium/styles.css';

export function App() {
  return (
    <PodiumProvider baseUrl="/api" getToken={() => session.podiumToken} locale="en-US">
      <ProfilePage />
    </PodiumProvider>
  );
}`}</Code>

      <h2>3. Use a component, or a hook with your own markup</h2>
      <Code>{`
import { JobStats, StatsTab, LeaderboardModal } from 'podium';

<JobStats />
<StatsTab identifier="alice" />
<LeaderboardModal currentUserId={me} />`}</Code>
      <Code>{`
import { useJobStats } from 'podium/hooks';

function MyJobs() {
  const { stats, isLoading, error } = useJobStats({ from: '2024-06-01', to: '2024-06-30' });
  if (isLoading) return <p>Loading…</p>;
  if (error || !stats) return <p>Could not load your jobs.</p>;
  return <p>{stats.totals.successful} of {stats.totals.requested} items succeeded.</p>;
}`}</Code>

      <h2>4. Prototype and test against the mocks</h2>
      <p>
        <code>podium/mocks</code> answers every endpoint like the server does, from an in-memory store, with
        scenarios such as <code>success</code>, <code>empty</code>, <code>partial</code>, <code>slow</code>{' '}
        and <code>error</code>. A relative <code>baseUrl</code> matches on any origin.
      </p>
      <Code>{`
// In the browser (run \`npx msw init public\` once for the service worker):
import { setupWorker } from 'msw/browser';
import { createPodiumHandlers } from 'podium/mocks';

await setupWorker(...createPodiumHandlers({ baseUrl: '/api', scenario: 'success' })).start();`}</Code>
      <Code>{`
// In Node (Vitest, Jest, server-side rendering):
import { setupServer } from 'msw/node';
import { createPodiumHandlers } from 'podium/mocks';

const server = setupServer(...createPodiumHandlers({ baseUrl: '/api' }));
beforeAll(() => server.listen());
afterEach(() => server.resetHandlers());
afterAll(() => server.close());`}</Code>

      <h2>The result</h2>
      <p>
        <code>&lt;JobStats /&gt;</code> under a <code>PodiumProvider</code>, answered by{' '}
        <code>createPodiumHandlers()</code>:
      </p>
      <LiveStory context={context} story={context.storyById()} />
    </article>
  );
}
