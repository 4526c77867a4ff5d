/** What each error status means on this server (the descriptions of the document's error responses). */
export const errorStatusDescriptions: Readonly<Record<number, string>> = {
  400: 'Bad input: `details.fields` names each offending field (`invalid_request`)',
  401: 'Missing or wrong credentials (`unauthorized`)',
  403: 'Signed in, but not allowed to see this (`forbidden`)',
  404: 'Not found (`not_found`)',
  409: 'Conflicts with what is stored (`conflict`)',
  422: 'Well-formed, but refers to something unknown (`invalid_request`, `details.fields` names it)',
  413: 'The request body is too large (`payload_too_large`)',
  415: 'The body is not JSON (`unsupported_media_type`)',
  429: 'Rate limited: see `Retry-After` (`rate_limited`)',
  500: 'A bug (`internal_error`)',
  503: 'A dependency is unavailable (`service_unavailable`)',
};
