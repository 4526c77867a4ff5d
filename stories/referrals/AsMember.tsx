import type { ReactNode } from 'react';
import { PodiumProvider } from '../../hooks/PodiumProvider.js';
import { usePodium } from '../../hooks/usePodium.js';

/**
 * Signs a story in as a referral member: the referral mocks take the bearer token as the user id
 * (the preview's provider sends `storybook-token`), and a member's analytics answer only their
 * own user. Keeps the preview's cache, locale, time zone, packs and theme.
 */
export function AsMember({ userId, children }: { userId: string; children: ReactNode }) {
  const outer = usePodium();
  return (
    <PodiumProvider
      baseUrl={outer.client.baseUrl}
      getToken={() => userId}
      queryClient={outer.queryClient}
      locale={outer.locale}
      timeZone={outer.timeZone}
      labelPacks={outer.labelPacks}
      theme={outer.theme}
    >
      {children}
    </PodiumProvider>
  );
}
