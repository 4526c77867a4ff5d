import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import {
  createSubgraphApp,
  createSubgraphFaults,
  type MarketplaceData,
  type RecordedSubgraphRequest,
  type SubgraphAppOptions,
  type SubgraphFaults,
} from '../../src/subgraph/index.js';

/** A stand-in subgraph served over real HTTP on a free loopback port. */
export interface ServedSubgraph {
  /** The GraphQL endpoint. */
  url: string;
  /** Every request received, in order. */
  requests: RecordedSubgraphRequest[];
  faults: SubgraphFaults;
  /** POSTs a query and returns the status and parsed body. */
  post(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLBody }>;
  close(): Promise<void>;
}

/** A GraphQL response body. */
export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string }>;
}

/** Serves `data` with {@link createSubgraphApp}; close it in an afterEach. */
export async function serveSubgraph(
  data: MarketplaceData,
  options: Omit<SubgraphAppOptions, 'faults' | 'onRequest'> & { path?: string } = {},
): Promise<ServedSubgraph> {
  const requests: RecordedSubgraphRequest[] = [];
  const faults = createSubgraphFaults();
  const app = createSubgraphApp(data, { ...options, faults, onRequest: (request) => requests.push(request) });
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    started.once('listening', () => resolve(started));
    started.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}${options.path ?? '/graphql'}`;
  return {
    url,
    requests,
    faults,
    async post(query, variables) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody };
    },
    close: () =>
      new Promise<void>((resolve) => {
        faults.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
