import { useEffect, useState } from 'react';
import { JobStats, PodiumProvider, StatsTab } from 'podium-kit';
import { de } from 'podium-kit/locales/de';
import { es } from 'podium-kit/locales/es';
import { fr } from 'podium-kit/locales/fr';
import { ja } from 'podium-kit/locales/ja';
import { apiReferenceHash } from './ApiReferencePage.js';
import { apiBase, demoToken, fetchDemoUsers, type DemoUser } from './demoApi.js';
import { MarketplacePanel } from './MarketplacePanel.js';
import { PointsPanel } from './PointsPanel.js';
import { RecordJobPanel } from './RecordJobPanel.js';
import { ReferralsPanel } from './ReferralsPanel.js';
import { SellerBoardsPanel } from './SellerBoardsPanel.js';

type Theme = 'light' | 'dark' | 'system';

/** The demo offers every language, so it registers every pack (a host registers the ones it uses). */
const labelPacks = { de, es, fr, ja };

const locales = [
  { value: 'en-US', label: 'English (US)' },
  { value: 'de-DE', label: 'Deutsch' },
  { value: 'es-ES', label: 'Español' },
  { value: 'fr-FR', label: 'Français' },
  { value: 'ja-JP', label: '日本語' },
];

/** The live demo: every Podium component, signed in as one of the seeded users. */
export function DemoApp() {
  const [users, setUsers] = useState<DemoUser[]>([]);
  const [userId, setUserId] = useState<string>('');
  const [theme, setTheme] = useState<Theme>('light');
  const [locale, setLocale] = useState('en-US');
  const [loadError, setLoadError] = useState<string | null>(null);
  // Whose marketplace stats are shown: the signed-in user's username until someone else is looked up.
  const [statsIdentifier, setStatsIdentifier] = useState('');
  const signedIn = users.find((user) => user.id === userId);

  useEffect(() => {
    fetchDemoUsers()
      .then((list) => {
        setUsers(list);
        setUserId((current) => current || list[0]?.id || '');
      })
      .catch((error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)));
  }, []);

  return (
    // An unstyled .podium-root: the page gets the --podium-* tokens of the chosen theme (demo.css
    // maps them to its utilities) and none of Podium's styling, so page and widgets agree.
    <div
      className="podium-root demo-page min-h-screen bg-page text-fg"
      data-theme={theme}
      data-unstyled=""
      style={{ colorScheme: theme === 'system' ? 'light dark' : theme }}
    >
      <header className="border-b border-line bg-page">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-6 py-4">
          <div className="mr-auto">
            <h1 className="text-xl font-semibold">Podium live demo</h1>
            <p className="text-sm text-muted">
              Every Podium component against a live Podium server with seeded data.
            </p>
          </div>
          <label className="flex items-center gap-2 text-sm">
            Signed in as
            <select
              className="rounded-podium border border-control bg-page px-2 py-1"
              value={userId}
              onChange={(event) => {
                setUserId(event.target.value);
                setStatsIdentifier('');
              }}
            >
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.displayName}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm">
            Theme
            <select
              className="rounded-podium border border-control bg-page px-2 py-1"
              value={theme}
              onChange={(event) => setTheme(event.target.value as Theme)}
            >
              <option value="light">Light</option>
              <option value="dark">Dark</option>
              <option value="system">System</option>
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm">
            Language
            <select
              className="rounded-podium border border-control bg-page px-2 py-1"
              value={locale}
              onChange={(event) => setLocale(event.target.value)}
            >
              {locales.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>

      <main className="mx-auto max-w-7xl px-6 py-8">
        {loadError && (
          <p role="alert" className="mb-6 rounded-podium border border-danger p-4 text-danger">
            {loadError}. Is the Podium server running in demo mode (<code>npm start</code>)?
          </p>
        )}
        {userId && (
          <PodiumProvider
            key={userId}
            baseUrl={apiBase}
            getToken={() => demoToken(userId)}
            // Live updates: one event stream for every widget; they poll only if it fails.
            live
            theme={theme}
            locale={locale}
            labelPacks={labelPacks}
          >
            {/* JobStats brings its own heading ("Job statistics"), so the section needs none. */}
            <div className="grid items-start gap-6 xl:grid-cols-[1fr_19rem]">
              <JobStats />
              <RecordJobPanel />
            </div>
            <div className="mt-8 grid items-start gap-6 xl:grid-cols-[1fr_19rem]">
              <StatsTab identifier={statsIdentifier || signedIn?.username || userId} />
              <MarketplacePanel
                key={userId}
                users={users}
                identifier={statsIdentifier || signedIn?.username || userId}
                onIdentifierChange={setStatsIdentifier}
              />
            </div>
            <div className="mt-8">
              <SellerBoardsPanel userId={userId} />
            </div>
            <PointsPanel userId={userId} />
            <ReferralsPanel userId={userId} />
          </PodiumProvider>
        )}
      </main>

      <footer className="mx-auto max-w-7xl px-6 pb-8 text-sm text-muted">
        Server health: <a className="underline" href={`${apiBase}/health`}>{`${apiBase}/health`}</a> ·{' '}
        <a className="underline" href={apiReferenceHash}>
          API reference
        </a>
      </footer>
    </div>
  );
}
