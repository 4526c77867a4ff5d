import type { ServerFeature } from '../feature.js';
import { jobsOpenApi } from './jobsOpenApi.js';
import { demoUsers } from '../demo/demoUsers.js';
import { createJobsRoutes } from './jobsRoutes.js';
import { createSqlJobsStore } from './jobsStore.js';
import { seedDemoData } from './seedDemoData.js';
import { liveOf } from '../live/liveOf.js';

/** Job statistics: `PATCH /stats` and `GET /stats` for the signed-in user, and the demo's jobs. */
export const jobsFeature: ServerFeature = {
  name: 'jobs',
  openApi: jobsOpenApi,
  routes: ({ db, now, options, userTokens }) =>
    createJobsRoutes({
      store: options.jobs ?? createSqlJobsStore(db),
      userTokens,
      now,
      live: liveOf(options).publisher,
    }),
  demoSeed: {
    // The generated ids only (`demo-alice-0001`): jobs a visitor recorded in the demo stay.
    async clearGenerated(tx) {
      const rows = await tx.query(
        "DELETE FROM podium_user_jobs WHERE user_id = ANY($1) AND job_id ~ '^demo-[a-z]+-[0-9]{4}$' RETURNING 1",
        [demoUsers.map((user) => user.id)],
      );
      return rows.length;
    },
    async seed({ db, now }) {
      const { created, skipped } = await seedDemoData(db, { now });
      return { summary: `${created} jobs seeded, ${skipped} already there`, counts: { created, skipped } };
    },
  },
};
