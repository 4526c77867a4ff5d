/**
 * The indexer's side of the subgraph: a resilient GraphQL client and typed, cursor-paged streams
 * of the marketplace entities, with the per-user and incremental filters the sync uses.
 */
export {
  createSubgraphClient,
  type SubgraphClient,
  type SubgraphClientOptions,
  type SubgraphRunStats,
} from './subgraphClient.js';
export { SubgraphError, type SubgraphErrorDetails, type SubgraphErrorKind } from './subgraphError.js';
export {
  changedSince,
  maxAddressesPerFilter,
  maxPageSize,
  streamMarketEntities,
  userFilterKinds,
  userFilters,
  type IndexedBid,
  type IndexedListing,
  type IndexedOffer,
  type IndexedPurchase,
  type MarketEntityKind,
  type MarketEntityMap,
  type MarketPageInfo,
  type StreamMarketEntitiesOptions,
  type SubgraphFilter,
  type UserFilters,
} from './marketEntities.js';
