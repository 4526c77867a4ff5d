export * from './dates.js';
export * from './errors.js';
export * from './health.js';
export * from './jobs.js';
export * from './identity.js';
export * from './text.js';
export * from './userStats.js';
export * from './leaderboard.js';
