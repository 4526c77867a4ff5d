// @vitest-environment node
import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { defaultLabels, PodiumProvider, ShareKit } from '../../components/index.js';
import { createApiClient } from '../../src/shared/createApiClient.js';
import { myMemberQueryOptions } from '../../hooks/index.js';

const member = {
  id: 'm_alice',
  creatorId: 'c_studio',
  userId: 'u_alice',
  displayName: 'Alice',
  referralCode: 'ALC7K2QZ',
  referralLink: 'https://podium.example/r/ALC7K2QZ',
  createdAt: '2026-03-01T12:00:00.000Z',
  updatedAt: '2026-03-01T12:00:00.000Z',
};

describe('ShareKit on the server', () => {
  it('renders the loading state without window or navigator, and without fetching', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof navigator === 'undefined' || typeof navigator.share === 'undefined').toBe(true);
    const fetch = vi.fn();
    const html = renderToString(
      <PodiumProvider
        baseUrl="https://podium.test/api"
        fetch={fetch}
        getToken={() => 't'}
        queryClient={new QueryClient()}
      >
        <ShareKit creatorId="c_studio" />
      </PodiumProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain(defaultLabels.shareKitLoading);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('renders a prefetched link with every platform and no native share button (known only after mount)', () => {
    const queryClient = new QueryClient();
    const client = createApiClient({ baseUrl: 'https://podium.test/api' });
    queryClient.setQueryData(myMemberQueryOptions(client, 'c_studio').queryKey, member);
    const html = renderToString(
      <PodiumProvider baseUrl="https://podium.test/api" getToken={() => 't'} queryClient={queryClient}>
        <ShareKit creatorId="c_studio" earnings={{ amount: 40, currency: 'EUR' }} referrals={3} />
      </PodiumProvider>,
    );
    expect(html).toContain('data-state="ready"');
    expect(html).toContain('value="https://podium.example/r/ALC7K2QZ"');
    expect(html.match(/data-platform="/g)).toHaveLength(8);
    expect(html).toContain('€40.00');
    expect(html).not.toContain(defaultLabels.shareKitNativeShare);
  });
});
