import { describe, expect, it } from 'vitest';
import { liveEventsPath, liveEventsQuerySchema, liveTopic, parseLiveTopic } from '../../src/live/contract.js';

describe('live topics', () => {
  it('spell user ids so that commas and colons cannot split them, and read them back', () => {
    const topic = liveTopic.stats('auth0|a,b:c');
    expect(topic).toBe('stats:auth0%7Ca%2Cb%3Ac');
    expect(parseLiveTopic(topic)).toEqual({ kind: 'stats', subject: 'auth0|a,b:c', private: false });
    expect(parseLiveTopic(liveTopic.jobs('alice'))).toEqual({
      kind: 'jobs',
      subject: 'alice',
      private: true,
    });
  });

  it('take the points boards by their keys', () => {
    for (const key of [
      'lifetime',
      'trending',
      'day:2026-11-27',
      'week:2026-W48',
      'cat:trading:month:2026-11',
    ]) {
      expect(parseLiveTopic(liveTopic.points(key))?.subject).toBe(key);
    }
    for (const topic of ['points:weekly', 'points:week:48', 'points:cat:Trading:lifetime', 'points:']) {
      expect(parseLiveTopic(topic), topic).toBeUndefined();
    }
  });

  it('take the sellers board by period', () => {
    expect(parseLiveTopic(liveTopic.sellers('all-time'))?.kind).toBe('sellers');
    expect(parseLiveTopic('sellers:2026-11')?.subject).toBe('2026-11');
    for (const topic of ['sellers:month', 'sellers:2026-13', 'sellers:all']) {
      expect(parseLiveTopic(topic), topic).toBeUndefined();
    }
  });

  it('refuse other spellings of a topic, unknown kinds and bad ids', () => {
    for (const topic of ['stats:a%2cb', 'weather:today', 'stats', 'score:', 'score:%E0%A4%A', 'score:%20a']) {
      expect(parseLiveTopic(topic), topic).toBeUndefined();
    }
  });

  it('a stream path round-trips through the query schema', () => {
    const topics = [liveTopic.points('lifetime'), liveTopic.score('a,b')];
    const path = liveEventsPath(topics, { ticket: 't' });
    const query = Object.fromEntries(new URL(path, 'http://x').searchParams);
    expect(liveEventsQuerySchema.parse(query)).toEqual({ topics, ticket: 't' });
  });

  it('name topics in every refusal of the query', () => {
    for (const topics of [
      '',
      ',',
      'weather:today',
      Array.from({ length: 51 }, (_, i) => `score:u${i}`).join(','),
    ]) {
      const result = liveEventsQuerySchema.safeParse({ topics });
      expect(result.success, topics).toBe(false);
      expect(result.error?.issues[0]?.path, topics).toEqual(['topics']);
    }
  });
});
