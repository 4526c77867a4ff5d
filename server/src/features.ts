import type { ServerFeature } from './feature.js';
import { identityFeature } from './identity/identityFeature.js';
import { jobsFeature } from './jobs/jobsFeature.js';
import { liveFeature } from './live/liveFeature.js';
import { referralsFeature } from './referrals/referralsFeature.js';
import { scoringFeature } from './scoring/scoringFeature.js';
import { sellerBoardsFeature } from './sellerBoards/sellerBoardsFeature.js';
import { userStatsFeature } from './userStats/userStatsFeature.js';

/**
 * Every feature of the server, in the order their routes are mounted and their demo data is
 * seeded (identity first: the others' demo data belongs to its users). A new feature is one
 * folder under `src/` and one line here.
 */
export const serverFeatures: readonly ServerFeature[] = [
  identityFeature,
  jobsFeature,
  userStatsFeature,
  sellerBoardsFeature,
  scoringFeature,
  referralsFeature,
  liveFeature,
];
