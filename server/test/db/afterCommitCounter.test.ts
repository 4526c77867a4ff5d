import { describe, expect, it } from 'vitest';
import { createAfterCommitCounter } from '../../src/db/afterCommitCounter.js';
import { createRecordingLogger } from '../helpers/testApp.js';

/** A count that waits until released, recording the keys of each call. */
function gatedCount() {
  const calls: string[][] = [];
  const gates: Array<() => void> = [];
  let failNext = false;
  return {
    calls,
    failOnce: () => (failNext = true),
    release: () => gates.shift()?.(),
    count: (keys: string[]) => {
      calls.push([...keys].sort());
      return new Promise<void>((resolve, reject) => {
        gates.push(() => {
          if (failNext) {
            failNext = false;
            reject(new Error('connection lost'));
          } else resolve();
        });
      });
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('after-commit counter', () => {
  it('counts the changes made while a count runs together, in one next count', async () => {
    const gate = gatedCount();
    const counter = createAfterCommitCounter({
      count: gate.count,
      logger: createRecordingLogger(),
      what: 'Test',
    });
    const first = counter(['a']);
    await tick();
    const second = counter(['a', 'b']);
    const third = counter(['c']);
    await tick();
    // One count at a time: the later changes wait for the running one.
    expect(gate.calls).toEqual([['a']]);
    gate.release();
    await first;
    await tick();
    // 'a' again: its second change committed after the first count had started.
    expect(gate.calls).toEqual([['a'], ['a', 'b', 'c']]);
    gate.release();
    await Promise.all([second, third]);
  });

  it('keeps the keys of a failed count and counts them with the next change', async () => {
    const gate = gatedCount();
    const logger = createRecordingLogger();
    const counter = createAfterCommitCounter({ count: gate.count, logger, what: 'Test', retryMs: 60_000 });
    gate.failOnce();
    const failed = counter(['a']);
    await tick();
    gate.release();
    await failed; // resolves: the write it follows has happened
    expect(logger.entries.some((entry) => entry.level === 'warn')).toBe(true);
    const next = counter(['b']);
    await tick();
    expect(gate.calls).toEqual([['a'], ['a', 'b']]);
    gate.release();
    await next;
  });
});
