/**
 * `podium-kit/core`: the API contract, the typed API client and the pure logic shared by the hooks,
 * the mocks and the server. No React, no DOM, no Node built-ins.
 */
export * from './contracts/index.js';
export * from './api/index.js';
export * from './logic/index.js';
export * from './queryKeys.js';
