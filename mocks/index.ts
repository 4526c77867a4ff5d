/**
 * `podium-kit/mocks`: typed fixtures and MSW handlers for prototyping against Podium without its
 * server. `msw` (2.x) is an optional peer dependency: install it to use the handlers. Nothing here
 * imports React, so the same handlers serve a browser worker, a Node test server and Storybook.
 *
 * @example
 * // In the browser (run `npx msw init public` once to generate the service worker):
 * import { setupWorker } from 'msw/browser';
 * import { createPodiumHandlers } from 'podium-kit/mocks';
 *
 * const worker = setupWorker(...createPodiumHandlers({ scenario: 'partial' }));
 * await worker.start({ onUnhandledRequest: 'bypass' });
 * // then render <PodiumProvider baseUrl="/api" getToken={() => 'any-token'}>...
 *
 * @example
 * // In Node tests (Vitest, Jest):
 * import { setupServer } from 'msw/node';
 * import { createPodiumHandlers } from 'podium-kit/mocks';
 *
 * const server = setupServer(...createPodiumHandlers({ baseUrl: 'http://localhost:4000/api' }));
 * beforeAll(() => server.listen());
 * afterEach(() => server.resetHandlers());
 * afterAll(() => server.close());
 *
 * @example
 * // Only the data, e.g. to seed your own handlers or assert on a component:
 * import { jobStatsScenarios } from 'podium-kit/mocks';
 * const response = jobStatsScenarios.partial.createResponse({ query: { from: '2025-01-01' } });
 *
 * @example
 * // User stats: `alice` (or any wallet address) answers; `pending` answers 202 twice, then 200.
 * setupWorker(...createPodiumHandlers({ scenario: 'pending' }));
 * const body = createUserStatsFixture({ stale: true });
 *
 * @example
 * // Seller boards: ETag + 304, `around`, ties; `live` moves u_alice up one place per poll.
 * const mocks = createPodiumMocks({ live: true });
 * const board = createLeaderboardFixture({ metric: 'views', limit: 10 });
 *
 * @example
 * // Points and achievements: the real engine over a 40-day history; record and watch it move.
 * const mocks = createPodiumMocks({ now: new Date('2026-03-16T09:30:00Z') });
 * mocks.scoringWorld().record([{ eventId: 'e1', userId: 'u_alice', action: 'TRADE_EXECUTE', metadata: { volumeUSD: 1500 } }]);
 * const card = createUserScoreFixture({ timeframe: 'weekly' });
 */
export {
  buildJobStatsResponse,
  createJobFixture,
  createJobFixtures,
  createJobStatsFixture,
  decodeJobsCursor,
  defaultJobFixtureDate,
  encodeJobsCursor,
  jobStatsScenarios,
  type JobFixturesOptions,
  type JobsCursor,
  type JobStatsFixtureOptions,
  type JobStatsScenario,
  type JobStatsScenarioName,
  type JobStatsScenarioOptions,
} from './jobs/fixtures.js';
export {
  createPodiumHandlers,
  createPodiumMocks,
  podiumHandlers,
  type PodiumHandlersOptions,
  type PodiumMocks,
  type PodiumMockScenario,
} from './handlers.js';
export {
  createPendingUserStatsFixture,
  createPercentile,
  createStatsHistoryFixture,
  createStatsLeadersFixture,
  createUserStatsFixture,
  defaultStatsSubject,
  defaultUserStatsFixtureDate,
  nullPercentiles,
  unknownTokenAddress,
  usdcToken,
  userStatsScenarios,
  type StatsHistoryFixtureOptions,
  type StatsLeadersFixtureOptions,
  type UserStatsFixtureOverrides,
  type UserStatsScenario,
  type UserStatsScenarioName,
  type UserStatsScenarioOptions,
} from './userStats/fixtures.js';
export {
  createUserStatsHandlers,
  userStatsCacheControl,
  userStatsCdnCacheControl,
  type UserStatsHandlers,
  type UserStatsHandlersContext,
} from './userStats/handlers.js';
export {
  buildLeaderboardResponse,
  buildSellerDashboard,
  bumpLeaderboardSeller,
  createLeaderboardFixture,
  createLeaderboardSellers,
  createSellerDashboardFixture,
  defaultLeaderboardFixtureDate,
  leaderboardCurrentUserId,
  leaderboardPeriod,
  type LeaderboardFixtureOptions,
  type LeaderboardFixtureQuery,
  type LeaderboardSeller,
  type LeaderboardSellersOptions,
  type LeaderboardValueKey,
  type SellerDashboardFixtureOptions,
} from './sellerBoards/fixtures.js';
export {
  createLeaderboardHandlers,
  leaderboardEtag,
  type LeaderboardHandlers,
  type LeaderboardHandlersContext,
  type LeaderboardLiveOptions,
  type LeaderboardScenarioName,
} from './sellerBoards/handlers.js';
export {
  adjustmentAction,
  adjustmentCategory,
  createPointsLeaderboardFixture,
  createScoreMetricsFixture,
  createScoringHistory,
  createScoringUsers,
  createScoringWorld,
  createUserAchievementsFixture,
  createUserScoreFixture,
  defaultScoringFixtureDate,
  scoringCurrentUserId,
  scoringHistoryDays,
  type ScoreBoardQuery,
  type ScoreBoardSpec,
  type ScoringFixtureOptions,
  type ScoringFixtureUser,
  type ScoringHistoryOptions,
  type ScoringWorld,
  type ScoringWorldOptions,
} from './scoring/fixtures.js';
export {
  createScoringHandlers,
  defaultScoresBackdateDays,
  type ScoringHandlers,
  type ScoringHandlersContext,
  type ScoringScenarioName,
} from './scoring/handlers.js';
export {
  createReferralWorld,
  referralCreatorId,
  referralCurrentUserId,
  referralPublicUrl,
  trackedShareUrl,
  commissionOf,
  type RecordedClick,
  type RecordedConversion,
  type RecordedShare,
  type ReferralWorld,
} from './referrals/fixtures.js';
export {
  deriveCreatorAnalytics,
  deriveMemberStats,
  deriveReferrersBoard,
  deriveShareAnalytics,
} from './referrals/analytics.js';
export {
  createReferralHandlers,
  type ReferralHandlers,
  type ReferralHandlersContext,
  type ReferralScenarioName,
} from './referrals/handlers.js';
export type {
  EventResult,
  ScoreEventInput,
  ScoreLedger,
  ScoreMetrics,
  UserAchievements,
  UserScore,
} from '../src/scoring/contract.js';
export type { SellerDashboard } from '../src/sellerBoards/contract.js';
export type { LeaderboardEntry, LeaderboardResponse } from '../src/shared/leaderboard.js';
export type { Job, JobStatsQuery, JobStatsResponse, RecordJobBody } from '../src/jobs/contract.js';
export type {
  StatsHistoryResponse,
  StatsLeadersResponse,
  StatsSubject,
  UserStats,
  UserStatsResponse,
} from '../src/userStats/contract.js';
