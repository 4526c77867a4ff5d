import { PodiumStats } from './PodiumStats';

// The token is per request (per signed-in user in a real host), so never prerender this page.
export const dynamic = 'force-dynamic';

/**
 * Where the Podium server is, read on the server at request time (`PODIUM_API_URL`, e.g.
 * `http://127.0.0.1:4000`). The browser calls the same API directly, so the Podium server must
 * allow this app's origin (`PODIUM_CORS_ORIGINS`).
 */
function podiumApiUrl(): string {
  return (process.env.PODIUM_API_URL ?? 'http://127.0.0.1:4000').replace(/\/$/, '');
}

/**
 * Plays the host's backend: a real host signs a JWT for its signed-in user with
 * `PODIUM_JWT_SECRET`. This example asks the demo server's demo-only token route for Alice's.
 */
async function podiumToken(apiUrl: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/demo/token?user=alice`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`Could not get a demo token from ${apiUrl} (HTTP ${response.status})`);
  const body = (await response.json()) as { token: string };
  return body.token;
}

/** A server component: the page's own markup and Podium's first render arrive in the HTML. */
export default async function Page() {
  const apiUrl = podiumApiUrl();
  const token = await podiumToken(apiUrl);
  return (
    <main style={{ maxWidth: 1100, margin: '2rem auto', padding: '0 1rem' }}>
      <h1>Acme dashboard</h1>
      <p>
        A Next.js App Router host (React 19). Podium&apos;s JobStats below is server-rendered, then hydrated.
      </p>
      <PodiumStats baseUrl={`${apiUrl}/api`} token={token} />
    </main>
  );
}
