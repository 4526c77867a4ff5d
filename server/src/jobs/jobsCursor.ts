/**
 * The keyset cursor of `GET /stats` job pages: where the previous page ended.
 *
 * It names the last job by its creation instant and internal row id rather than by `job_id`:
 * a `job_id` may be 200 characters, which base64-encoded would overflow the contract's
 * 200-character `cursor` limit. The store looks the row's `job_id` up, so pages are still keyed
 * on `(created_at, job_id)` and stay exact when jobs are added between requests.
 */
export interface JobsCursor {
  /** `created_at` of the last job on the previous page, in epoch milliseconds. */
  createdAtMs: number;
  /** Its internal row id. */
  id: number;
}

const cursorPattern = /^v1:(\d{1,15}):(\d{1,15})$/;

/** Encodes a cursor as an opaque base64url string. */
export function encodeJobsCursor(cursor: JobsCursor): string {
  return Buffer.from(`v1:${cursor.createdAtMs}:${cursor.id}`, 'utf8').toString('base64url');
}

/** Decodes {@link encodeJobsCursor}'s output; `undefined` for anything else. */
export function decodeJobsCursor(value: string): JobsCursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  const match = cursorPattern.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match) return undefined;
  const cursor = { createdAtMs: Number(match[1]), id: Number(match[2]) };
  return Number.isSafeInteger(cursor.createdAtMs) && Number.isSafeInteger(cursor.id) ? cursor : undefined;
}
