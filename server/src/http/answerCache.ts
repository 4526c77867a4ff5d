/**
 * Recent JSON answers by their ETag, in this process. A tag made from the data's versions and the
 * query names exactly one answer, so an entry never goes stale: a change makes a new tag, and the
 * old entry ages out. A poll with an unchanged board then costs the version read only, even when
 * the client has no copy (a new tab, a 200 after a cleared cache). Bounded, least recently used
 * out first.
 */
export interface AnswerCache<T = string> {
  get(etag: string): T | undefined;
  set(etag: string, answer: T): void;
}

/**
 * An {@link AnswerCache} holding at most `maxEntries` answers: JSON by default, or anything a key
 * made from versions names exactly (a user's stats row, keyed by the stats version).
 */
export function createAnswerCache<T = string>(maxEntries = 200): AnswerCache<T> {
  const entries = new Map<string, T>();
  return {
    get(etag) {
      const answer = entries.get(etag);
      if (answer === undefined) return undefined;
      // Map keeps insertion order: re-inserting marks it the most recently used.
      entries.delete(etag);
      entries.set(etag, answer);
      return answer;
    },
    set(etag, answer) {
      entries.delete(etag);
      entries.set(etag, answer);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}
