export * from './periods.js';
export * from './jobStats.js';
export * from './random.js';
export * from './userStats.js';
export * from './ranking.js';
