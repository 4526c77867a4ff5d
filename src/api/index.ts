export * from './createApiClient.js';
export * from './PodiumApiError.js';
export * from './jobs.js';
export * from './userStats.js';
export * from './leaderboard.js';
export * from './sellerDashboard.js';
