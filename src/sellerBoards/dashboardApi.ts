import { sellerDashboardRoute, type SellerDashboard } from './contract.js';
import type { ApiClient } from '../shared/createApiClient.js';

/** `GET /sellers/:id/dashboard`: a seller's listings, views, sales, earnings and ranks. */
export function getSellerDashboard(
  client: ApiClient,
  sellerId: string,
  options: { signal?: AbortSignal } = {},
): Promise<SellerDashboard> {
  return client.request<SellerDashboard>({
    method: 'GET',
    path: sellerDashboardRoute.replace(':id', encodeURIComponent(sellerId)),
    signal: options.signal,
  });
}
