/**
 * A local stand-in for the marketplace subgraph: an in-memory store of auction-house entities, a
 * deterministic activity generator, and a real GraphQL endpoint over them that answers like The
 * Graph (filters, cursor paging, limits, `_change_block`, `_meta`), with injectable faults.
 *
 * @example
 * const data = createMarketplaceData();
 * generateMarketplace(data, { walletCount: 1_000, events: 20_000, seed: 1, start, end });
 * serve({ fetch: createSubgraphApp(data).fetch, port: 8000 }); // POST http://localhost:8000/graphql
 */
export {
  createSubgraphApp,
  type RecordedSubgraphRequest,
  type SubgraphAppOptions,
} from './createSubgraphApp.js';
export {
  entityFields,
  entityKinds,
  listingStatuses,
  listingTypes,
  nativeToken,
  offerStatuses,
  type BidRecord,
  type EntityKind,
  type EntityRecords,
  type ListingRecord,
  type ListingStatus,
  type ListingType,
  type OfferRecord,
  type OfferStatus,
  type PurchaseRecord,
} from './entityFields.js';
export type { SelectArgs } from './entityTable.js';
export {
  appendMarketplaceEvents,
  defaultMarketplaceTokens,
  generateMarketplace,
  generateWallets,
  type AppendMarketplaceOptions,
  type GenerateMarketplaceOptions,
  type GenerateMarketplaceResult,
  type MarketplaceEventKind,
  type MarketplaceToken,
  type MarketplaceWallets,
} from './generateMarketplace.js';
export {
  createMarketplaceData,
  type ChangeAt,
  type CreateListingInput,
  type MarketplaceData,
  type MarketplaceDataOptions,
  type PurchaseInput,
} from './marketplaceData.js';
export { createMarketplaceSchema, subgraphLimits } from './schema.js';
export { createSubgraphFaults, type SubgraphFault, type SubgraphFaults } from './subgraphFaults.js';
export type { SubgraphWhere } from './whereFilter.js';
