import type { EventResult } from './contract.js';

/**
 * The two answers an event id that was seen before gets, the same from the server and the mocks:
 * the first result again (a replay: nothing changes), or a conflict (the id came with another
 * payload).
 */
export function replayedResult(original: EventResult): EventResult {
  return {
    ...original,
    status: 'replayed',
    originalStatus: original.status === 'ignored' ? 'ignored' : 'scored',
    replayed: true,
  };
}

/** See {@link replayedResult}. */
export function conflictResult(eventId: string): EventResult {
  return {
    eventId,
    status: 'conflict',
    reason: 'this eventId was already used for a different event',
    points: 0,
    multipliers: [],
    capped: false,
    milestones: [],
    achievements: [],
  };
}
