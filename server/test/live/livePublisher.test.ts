import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLivePublisher } from '../../src/live/livePublisher.js';
import { createRecordingLogger } from '../helpers/testApp.js';
import { recordingDatabase } from '../helpers/recordingDatabase.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

describe('live publisher', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.cleanup());

  it('stores a burst of changes in few statements, losing none', async () => {
    const log: string[] = [];
    const publisher = createLivePublisher(recordingDatabase(test.db, log), createRecordingLogger());
    // 50 writes of 50 users, as 50 concurrent scored actions announce them.
    for (let i = 0; i < 50; i += 1) publisher.publish([{ kind: 'score', subject: `burst-${i}` }]);
    await publisher.settled();
    // The first alone, the rest together once it is stored (not one NOTIFY-ing commit each).
    expect(log.filter((sql) => sql.includes('podium_live_publish'))).toHaveLength(2);
    const [row] = await test.db.query<{ n: unknown }>(
      "SELECT count(DISTINCT topic_key) AS n FROM podium_live_events WHERE topic_key LIKE 'score:burst-%'",
    );
    expect(Number(row?.n)).toBe(50);
  });
});
