import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PodiumProvider, type PodiumProviderProps } from '../../hooks/index.js';
import { baseUrl } from '../jobs/jobStatsBackend.js';

/** A test QueryClient: retries keep the production rule but without waiting between tries. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retryDelay: 0, gcTime: Infinity } } });
}

/** A wrapper rendering children under a PodiumProvider pointed at the test backend. */
export function providerWrapper(props: Partial<PodiumProviderProps> = {}) {
  const queryClient = props.queryClient ?? createTestQueryClient();
  const Wrapper = ({ children }: { children?: ReactNode }) => (
    <PodiumProvider baseUrl={baseUrl} timeZone="UTC" {...props} queryClient={queryClient}>
      {children}
    </PodiumProvider>
  );
  return { Wrapper, queryClient };
}
