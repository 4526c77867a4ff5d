/**
 * Recent JSON answers by their ETag, in this process. A tag made from the data's versions and the
 * query names exactly one answer, so an entry never goes stale: a change makes a new tag, and the
 * old entry ages out. A poll with an unchanged board then costs the version read only, even when
 * the client has no copy (a new tab, a 200 after a cleared cache). Bounded, least recently used
 * out first.
 */
export interface AnswerCache {
  get(etag: string): string | undefined;
  set(etag: string, json: string): void;
}

/** An {@link AnswerCache} holding at most `maxEntries` answers. */
export function createAnswerCache(maxEntries = 200): AnswerCache {
  const entries = new Map<string, string>();
  return {
    get(etag) {
      const json = entries.get(etag);
      if (json === undefined) return undefined;
      // Map keeps insertion order: re-inserting marks it the most recently used.
      entries.delete(etag);
      entries.set(etag, json);
      return json;
    },
    set(etag, json) {
      entries.delete(etag);
      entries.set(etag, json);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}
