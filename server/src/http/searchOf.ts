/**
 * The query string of a request URL (what follows `?`, empty without one): the key under which a
 * route keeps what it parsed from a query, since polls repeat theirs.
 */
export function searchOf(url: string): string {
  const start = url.indexOf('?');
  return start < 0 ? '' : url.slice(start + 1);
}
