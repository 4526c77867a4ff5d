// The "raw" column of `npm run bench` (server side): what a route costs the storage alone.
//
// The bench server wraps its Database in `recordingDatabase`: a request sent with the header
// `x-bench-capture: <scenario>` runs inside an AsyncLocalStorage context, and every statement the
// route sends (its queries, and the statements of its transactions, grouped per transaction) is
// recorded with its parameters. `replayStatements` then runs exactly those statements, with the
// same parameters, sequentially on the same Database (the same PGlite instance or Postgres pool),
// and times each replay: the storage work of one request without HTTP, routing, auth, validation
// or JSON. Requests without the header are not recorded and pay only an AsyncLocalStorage lookup
// per statement.
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';

/** The request header that marks a request to record, valued with the scenario's name. */
export const captureHeader = 'x-bench-capture';

const recording = new AsyncLocalStorage();

/**
 * `db` with every statement recorded while a capture is active. The returned handle is what the
 * app is given; `db` itself stays the handle the replay runs on.
 */
export function recordingDatabase(db) {
  const recorded = (queryable, group) => ({
    query(sql, params) {
      recording.getStore()?.push({ group, sql, params: params ?? [] });
      return queryable.query(sql, params);
    },
    exec(sql) {
      recording.getStore()?.push({ group, sql, exec: true });
      return queryable.exec(sql);
    },
  });
  let transactions = 0;
  return {
    kind: db.kind,
    ...recorded(db, null),
    transaction(fn) {
      // Statements of one transaction share a group, so the replay runs them in one too.
      const group = recording.getStore() ? `tx${(transactions += 1)}` : null;
      return db.transaction((tx) => fn(recorded(tx, group)));
    },
    close: () => db.close(),
    ...(db.listen ? { listen: (...args) => db.listen(...args) } : {}),
  };
}

/** Runs `handle()` recording the statements it sends; resolves to its result and the statements. */
export async function captureStatements(handle) {
  const statements = [];
  const result = await recording.run(statements, handle);
  return { result, statements };
}

/**
 * Replays `statements` `iterations` times one after the other (each transaction group in a
 * transaction of its own), stopping early after `maxMs`. Answers the mean and median ms of one
 * replay (all the statements of one request) and how many replays ran.
 */
export async function replayStatements(db, statements, { iterations, maxMs }) {
  if (statements.length === 0) return { statements: 0, iterations: 0, meanMs: 0, p50Ms: 0 };
  const steps = [];
  for (const statement of statements) {
    const last = steps.at(-1);
    if (statement.group !== null && last?.group === statement.group) last.statements.push(statement);
    else steps.push({ group: statement.group, statements: [statement] });
  }
  const run = (queryable, statement) =>
    statement.exec ? queryable.exec(statement.sql) : queryable.query(statement.sql, statement.params);
  const replay = async () => {
    for (const step of steps) {
      if (step.group === null) {
        for (const statement of step.statements) await run(db, statement);
      } else {
        await db.transaction(async (tx) => {
          for (const statement of step.statements) await run(tx, statement);
        });
      }
    }
  };
  await replay(); // warm: the plan caches and buffers the HTTP run had warmed too
  const times = [];
  const started = performance.now();
  while (times.length < iterations && performance.now() - started < maxMs) {
    const t0 = performance.now();
    await replay();
    times.push(performance.now() - t0);
  }
  const sorted = Float64Array.from(times).sort();
  return {
    statements: statements.length,
    iterations: times.length,
    meanMs: sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length,
    p50Ms: sorted[Math.floor(sorted.length / 2)],
  };
}
