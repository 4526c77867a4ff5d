'use client';

import { JobStats, PodiumProvider } from 'podium-kit';

export interface PodiumStatsProps {
  /** The Podium server's API, as the browser reaches it. */
  baseUrl: string;
  /** The signed-in user's Podium token, minted on the server for this request. */
  token: string;
}

/**
 * The client boundary: PodiumProvider holds React context and a React Query client, so it lives
 * in a client component. It still renders on the server first (no `window` during render).
 */
export function PodiumStats({ baseUrl, token }: PodiumStatsProps) {
  return (
    <PodiumProvider baseUrl={baseUrl} getToken={() => token}>
      <JobStats />
    </PodiumProvider>
  );
}
