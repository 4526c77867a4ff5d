import { JobStats, PodiumProvider } from 'podium-kit';

/**
 * Where the Podium server's API is, fixed at build time (`VITE_PODIUM_API=http://host:port/api
 * npm run build`). The default suits `npx podium-server demo` on its default port.
 */
const apiBase = (import.meta.env.VITE_PODIUM_API as string | undefined) ?? 'http://127.0.0.1:4000/api';

let token: Promise<string> | undefined;

/**
 * In a real host, the host's backend signs a JWT for its signed-in user. This example has no
 * backend, so it asks the demo server's demo-only token route for Alice's, once.
 */
function getToken(): Promise<string> {
  token ??= fetch(`${apiBase}/demo/token?user=alice`)
    .then((response) => {
      if (!response.ok) throw new Error(`Could not get a demo token (HTTP ${response.status})`);
      return response.json() as Promise<{ token: string }>;
    })
    .then((body) => body.token);
  token.catch(() => (token = undefined));
  return token;
}

export function App() {
  return (
    <main style={{ maxWidth: 1100, margin: '2rem auto', padding: '0 1rem', fontFamily: 'Georgia, serif' }}>
      <h1>Acme dashboard</h1>
      <p>A Vite + React 18 host app. Below is Podium's JobStats, installed from the packed tarball.</p>
      <PodiumProvider baseUrl={apiBase} getToken={getToken}>
        <JobStats />
      </PodiumProvider>
    </main>
  );
}
