/**
 * The demo page plays the host app: in a real host, the host's backend signs a JWT for its signed-in
 * user. Here the demo server does it through routes that exist only in demo mode.
 */
export interface DemoUser {
  id: string;
  displayName: string;
  username: string;
  wallets: string[];
}

export const apiBase = '/api';

export async function fetchDemoUsers(): Promise<DemoUser[]> {
  const response = await fetch(`${apiBase}/demo/users`);
  if (!response.ok) throw new Error(`Could not load the demo users (HTTP ${response.status})`);
  const body = (await response.json()) as { users: DemoUser[] };
  return body.users;
}

const tokens = new Map<string, Promise<string>>();

/** A token for `userId`, fetched once per user and reused. */
export function demoToken(userId: string): Promise<string> {
  let token = tokens.get(userId);
  if (!token) {
    token = fetch(`${apiBase}/demo/token?user=${encodeURIComponent(userId)}`)
      .then((response) => {
        if (!response.ok) throw new Error(`Could not sign in as ${userId} (HTTP ${response.status})`);
        return response.json() as Promise<{ token: string }>;
      })
      .then((body) => body.token);
    token.catch(() => tokens.delete(userId));
    tokens.set(userId, token);
  }
  return token;
}
