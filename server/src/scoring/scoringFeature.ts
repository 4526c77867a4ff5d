import { defaultScoringRules } from 'podium-kit/core';
import type { ServerFeature } from '../feature.js';
import { openDatabase } from '../db/openDatabase.js';
import { migrate } from '../migrate.js';
import { rebuildScores } from './rebuildScores.js';
import { createScoringRoutes } from './scoringRoutes.js';

/**
 * Points and achievements (issue 11): hosts record what users did, the rules score it into a
 * ledger, and the boards, scores, streaks and achievements are read from its projection.
 */
export const scoringFeature: ServerFeature = {
  name: 'scoring',

  routes({ db, now, options }) {
    return createScoringRoutes({
      db,
      rules: options.scoring?.rules ?? defaultScoringRules,
      apiKey: options.apiKey,
      now,
      backdateDays: options.scoring?.backdateDays ?? 30,
    });
  },

  commands: [
    {
      name: 'scores:rebuild',
      summary:
        'recompute the points boards and user totals from the scoring ledger and report\nwhether they differed',
      async run({ config, logger }) {
        const db = await openDatabase(config, logger);
        try {
          await migrate(db, { logger });
          const { rows, rowsChanged, usersChanged, durationMs } = await rebuildScores(db);
          logger.info(
            rowsChanged === 0 && usersChanged === 0
              ? `Points boards rebuilt in ${durationMs} ms: they matched the ledger (${rows} rows).`
              : `Points boards rebuilt in ${durationMs} ms: they differed from the ledger, ${rowsChanged} of ${rows} board rows and ${usersChanged} user totals changed.`,
          );
        } finally {
          await db.close();
        }
        return 0;
      },
    },
  ],
};
