// The figures of `npm run bench` (bench/run.mjs): a scenario's result as a row, and the table
// and footnotes printed at the end.

/** One row: the load generator's figures, the expected-status tally and the raw replay. */
export function toRow(scenario, target, { result, p50, p99, mean }, raw) {
  const reqPerSec = result.requests.total / result.duration;
  return {
    endpoint: scenario.endpoint,
    database: target.database,
    reqPerSec,
    itemsPerSec: scenario.items ? reqPerSec * scenario.items : undefined,
    p50Ms: p50,
    p99Ms: p99,
    meanMs: mean,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    // A redirect scenario expects its 3xx: only other statuses count as unexpected.
    non2xx: scenario.status
      ? result.requests.total - result[`${String(scenario.status)[0]}xx`]
      : result.non2xx,
    durationS: result.duration,
    connections: result.connections,
    // The raw replay: statements per request, mean and p50 ms of one replay of them all.
    raw: raw?.warm ?? undefined,
    rawCold: raw?.cold ?? undefined,
  };
}

/** The table, then the items/s of batch rows, the cold-cache footnotes and the legend. */
export function renderReport(rows) {
  const lines = [renderTable(rows)];
  const batches = rows.filter((r) => r.itemsPerSec);
  if (batches.length > 0) lines.push('');
  for (const row of batches)
    lines.push(`${row.endpoint} on ${row.database}: ${fmt(row.itemsPerSec, 0)} items/s`);
  const misses = rows.filter((r) => r.rawCold && r.rawCold.statements !== r.raw.statements);
  if (misses.length > 0) {
    lines.push('\nThe first request (a cold cache) ran other statements than the measured ones:');
    for (const row of misses)
      lines.push(
        `  ${row.endpoint} on ${row.database}: ${row.rawCold.statements} statements, ` +
          `raw ${fmt(row.rawCold.p50Ms, 3)} ms (measured requests: ${row.raw.statements}, ${fmt(row.raw.p50Ms, 3)} ms)`,
      );
  }
  lines.push(
    '\nreq/s = completed requests per second over the measured window; p50/p99 = latency percentiles;\n' +
      'raw ms = median time of the same SQL the route ran, replayed alone on the same database;\n' +
      'p50/raw = HTTP p50 over raw (at that many connections, so queueing is in the HTTP p50);\n' +
      '"× hello" = req/s over the bare Hono baseline on this machine (1.00× would mean Podium adds nothing).',
  );
  return lines.join('\n');
}

export function fmt(value, digits) {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function renderTable(rows) {
  const head = [
    'endpoint',
    'database',
    'req/s',
    'p50 ms',
    'p99 ms',
    'raw ms',
    'p50/raw',
    'errors/unexp.',
    'vs hello',
  ];
  const body = rows.map((r) => [
    r.endpoint,
    r.database,
    fmt(r.reqPerSec, 0),
    fmt(r.p50Ms, 2),
    fmt(r.p99Ms, 2),
    r.raw ? (r.raw.statements === 0 ? '0 (no SQL)' : fmt(r.raw.p50Ms, 3)) : '—',
    r.raw?.p50Ms > 0 ? `${fmt(r.p50Ms / r.raw.p50Ms, 1)}×` : '—',
    `${r.errors}/${r.non2xx}`,
    r.ratioToHello === null ? '' : `${r.ratioToHello.toFixed(r.ratioToHello < 0.1 ? 3 : 2)}× hello`,
  ]);
  const right = [false, false, true, true, true, true, true, true, true];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) =>
    cells.map((cell, i) => (right[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
