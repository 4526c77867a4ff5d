/**
 * User stats in the background: the mirror of the subgraph, the calculation of subjects from it,
 * the incremental sync and the backfill, the queue worker and the scheduler.
 */
export * from './calculateSubjects.js';
export * from './mirrorStore.js';
export * from './progressBar.js';
export * from './statsQueue.js';
export * from './statsWorker.js';
export * from './subjects.js';
export * from './syncStats.js';
export * from './userStatsRows.js';
export * from './runStatsCommand.js';
