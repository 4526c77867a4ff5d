/**
 * `podium-kit/core`: the API contract, the typed API client and the pure logic shared by the hooks,
 * the mocks and the server. No React, no DOM, no Node built-ins. One folder per feature, plus
 * `shared/` for what several features use.
 */
export * from './shared/createApiClient.js';
export * from './shared/PodiumApiError.js';
export * from './shared/dates.js';
export * from './shared/errors.js';
export * from './shared/health.js';
export * from './shared/text.js';
export * from './shared/periods.js';
export * from './shared/random.js';
export * from './shared/ranking.js';
export * from './shared/periodKeys.js';
export * from './shared/leaderboard.js';
export * from './shared/queryKeys.js';
export * from './identity/contract.js';
export * from './jobs/contract.js';
export * from './jobs/api.js';
export * from './jobs/jobStats.js';
export * from './userStats/contract.js';
export * from './userStats/api.js';
export * from './userStats/userStats.js';
export * from './sellerBoards/contract.js';
export * from './shared/leaderboardApi.js';
export * from './sellerBoards/dashboardApi.js';
export * from './scoring/rules.js';
export * from './scoring/defaultScoringRules.js';
export * from './scoring/scoreAction.js';
export * from './scoring/streaks.js';
export * from './scoring/applyEvent.js';
export * from './scoring/contract.js';
export * from './scoring/api.js';
export * from './referrals/api.js';
export * from './scoring/boardKeys.js';
export * from './scoring/eventResults.js';
export * from './referrals/platforms.js';
export * from './referrals/smsStyleFor.js';
export * from './referrals/buildShareUrl.js';
export * from './referrals/characterLimits.js';
export * from './referrals/smsSegments.js';
export * from './referrals/xWeightedLength.js';
export * from './referrals/countCharacters.js';
export * from './referrals/templateFormat.js';
export * from './referrals/messageTemplates.js';
export * from './referrals/fillTemplate.js';
export * from './referrals/templateLookup.js';
export * from './referrals/contract.js';
export * from './referrals/conversionContract.js';
export * from './referrals/analyticsContract.js';
export * from './referrals/fraudRules.js';
export * from './referrals/scoreConversionRisk.js';
export * from './referrals/normalizeEmail.js';
export * from './referrals/isDisposableEmail.js';
export * from './referrals/analyticsApi.js';
export * from './live/contract.js';
export * from './live/api.js';
