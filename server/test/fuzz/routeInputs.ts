import fc from 'fast-check';
import {
  contentTypes,
  hostileJson,
  hostileText,
  malformedBodyText,
  prototypeNames,
} from './hostileValues.js';

/**
 * The fuzz suite's input generators: one entry per route of the app, keyed `METHOD /path` as Hono
 * lists them (without the base path). The suite fails when a route has no entry here, so a route
 * added later is fuzzed from its first commit. Each entry names the route's query parameters and
 * body fields with arbitraries of VALID values; the builder below swaps in hostile values, drops
 * fields, adds prototype-named keys, repeats parameters and sends malformed bodies.
 */

/** The referral code of the member the suite seeds (`fuzz-member` of `fuzz-creator`). */
export const fuzzReferralCode = 'FUZZCDE2';

/** What the world the suite seeded offers the generators: ids that exist, signed tokens. */
export interface FuzzWorld {
  userIds: readonly string[];
  usernames: readonly string[];
  wallets: readonly string[];
  productIds: readonly string[];
  jobIds: readonly string[];
  apiKey: string;
  cronSecret: string;
  /** Valid tokens of seeded users. */
  userTokens: readonly string[];
  /** Validly signed tokens whose `sub` is hostile (NUL, 3,200 characters, control characters…). */
  hostileSubTokens: readonly string[];
  /** Expired, wrongly signed, `alg: none`, garbage. */
  badTokens: readonly string[];
}

/** One route's inputs, as valid-value arbitraries. */
export interface RouteInput {
  /** Path parameters (`:id`) by name. */
  params?: Record<string, fc.Arbitrary<string>>;
  query?: Record<string, fc.Arbitrary<string>>;
  /** Body fields; absent for routes without a JSON body. */
  body?: Record<string, fc.Arbitrary<unknown>>;
}

/** One generated request. */
export interface FuzzRequest {
  method: string;
  /** Path and query string, ready to append to the origin. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** `encodeURIComponent` that, like a browser, sends a lone surrogate as U+FFFD instead of throwing. */
function encode(value: string): string {
  return encodeURIComponent(
    value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );
}

const day = fc.date({ min: new Date('2023-01-01'), max: new Date('2027-12-31'), noInvalidDate: true });
const dateOnly = day.map((d) => d.toISOString().slice(0, 10));
const smallInt = (max: number) => fc.integer({ min: 0, max }).map(String);

/** The route table. Keys must match `app.routes` exactly (the suite checks both directions). */
export function routeInputs(world: FuzzWorld): Record<string, RouteInput> {
  const userId = fc.constantFrom(...world.userIds);
  const identifier = fc.constantFrom(...world.userIds, ...world.usernames, ...world.wallets);
  const productId = fc.oneof(
    fc.constantFrom(...world.productIds),
    fc.string({ minLength: 1, maxLength: 12 }),
  );
  const count = fc.integer({ min: 0, max: 50 });
  // Creators and members the referral routes create and find (the PUTs make them as they run).
  const referralId = fc.oneof(
    fc.constantFrom('fuzz-creator', 'fuzz-member', 'me'),
    fc.stringMatching(/^[a-z0-9-]{1,10}$/),
  );
  const conversionId = fc.oneof(
    fc.constantFrom('fuzz-conv-1', 'fuzz-conv-2', 'fuzz-conv-3'),
    fc.stringMatching(/^[A-Za-z0-9_.:@-]{1,12}$/),
  );
  return {
    'GET /health': {},
    'GET /openapi.json': {},
    'PATCH /stats': {
      body: {
        job_id: fc.constantFrom(...world.jobIds),
        requested_count: count,
        successful_count: count,
        failed_count: count,
        status: fc.constantFrom('pending', 'processing', 'completed', 'failed'),
      },
    },
    'GET /stats': {
      query: {
        from: fc.oneof(
          dateOnly,
          day.map((d) => d.toISOString()),
        ),
        to: fc.oneof(
          dateOnly,
          day.map((d) => d.toISOString()),
        ),
        tz: fc.constantFrom('UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kathmandu'),
        limit: smallInt(100),
        cursor: fc.string({ maxLength: 20 }),
      },
    },
    'PUT /users/:id': {
      params: { id: userId },
      body: {
        username: fc.stringMatching(/^[a-z][a-z0-9_.]{2,12}$/),
        displayName: fc.string({ minLength: 1, maxLength: 30 }),
        avatarUrl: fc.webUrl(),
        wallets: fc.array(fc.constantFrom(...world.wallets), { maxLength: 2 }),
      },
    },
    'PUT /products/:id': {
      params: { id: productId },
      body: {
        sellerId: userId,
        status: fc.constantFrom('draft', 'active', 'sold'),
        price: fc.constantFrom('12.50', '0', '1', '99999999999999999999.000000000000000001'),
        currency: fc.constantFrom('USD', 'ETH', 'EUR'),
      },
    },
    'POST /products/:id/views': {
      params: { id: productId },
      body: { viewerId: userId, sessionId: fc.string({ minLength: 8, maxLength: 20 }) },
    },
    'GET /leaderboards/sellers': {
      query: {
        metric: fc.constantFrom('sales', 'views'),
        period: fc.constantFrom('month', 'all-time'),
        month: dateOnly.map((d) => d.slice(0, 7)),
        limit: smallInt(100),
        offset: smallInt(50),
        around: userId,
        ties: fc.constantFrom('standard', 'dense', 'first-reached'),
      },
    },
    'GET /sellers/:id/dashboard': { params: { id: userId } },
    'GET /user/:identifier/stats': { params: { identifier } },
    'GET /user/:identifier/stats/history': {
      params: { identifier },
      query: { from: dateOnly, to: dateOnly },
    },
    'GET /stats/leaders': {
      query: {
        metric: fc.constantFrom('salesVolume', 'purchasesCount', 'trades', 'salesCount', 'bidsPlaced'),
        limit: smallInt(100),
      },
    },
    'GET /user/:identifier/transactions.csv': { params: { identifier } },
    'GET /cron/calculate-user-stats': {
      query: { address: identifier, batch: smallInt(5), offset: smallInt(100) },
    },
    'POST /cron/calculate-user-stats': {
      query: { address: identifier, batch: smallInt(5), offset: smallInt(100) },
    },
    'POST /scores/actions': {
      body: {
        eventId: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
        userId,
        action: fc.constantFrom(
          'TRADE_EXECUTE',
          'COPY_TRADE',
          'STAKE_SSE',
          'PROFILE_COMPLETE',
          'FIRST_TRADE',
        ),
        occurredAt: fc
          .date({ min: new Date(Date.now() - 20 * 86_400_000), max: new Date(), noInvalidDate: true })
          .map((d) => d.toISOString()),
        category: fc.constantFrom('trading', 'social'),
        metadata: fc.record({ volumeUSD: fc.integer({ min: 0, max: 20_000 }), success: fc.boolean() }),
        events: fc.array(
          fc.record({
            eventId: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
            userId,
            action: fc.constantFrom('TRADE_EXECUTE', 'COPY_TRADE'),
          }),
          { maxLength: 3 },
        ),
      },
    },
    'DELETE /scores/actions/:eventId': {
      params: { eventId: fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,12}$/), fc.constant('a#FIRST_TRADE')) },
      query: { reason: fc.string({ maxLength: 20 }) },
    },
    'POST /scores/adjustments': {
      body: {
        eventId: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
        userId,
        points: fc.integer({ min: -500, max: 500 }),
        reason: fc.string({ minLength: 1, maxLength: 30 }),
        category: fc.constantFrom('adjustment', 'trading'),
      },
    },
    'GET /scores/rules': {},
    'GET /scores/metrics': {},
    'GET /scores/leaderboard': {
      query: {
        timeframe: fc.constantFrom('lifetime', 'daily', 'weekly', 'monthly', 'trending'),
        period: fc.oneof(
          dateOnly,
          dateOnly.map((d) => d.slice(0, 7)),
          fc.constantFrom('2026-W48', '2025-W01', '2026-W53'),
        ),
        category: fc.constantFrom('trading', 'social', 'milestone'),
        limit: smallInt(100),
        offset: smallInt(50),
        around: userId,
        ties: fc.constantFrom('standard', 'dense', 'first-reached'),
      },
    },
    'GET /scores/:userId/ledger': {
      params: { userId },
      query: { limit: smallInt(500), before: smallInt(1000) },
    },
    'GET /scores/:userId/achievements': { params: { userId } },
    'GET /scores/:userId': {
      params: { userId },
      query: {
        timeframe: fc.constantFrom('lifetime', 'daily', 'weekly', 'monthly', 'trending'),
        period: dateOnly,
        category: fc.constantFrom('trading', 'social'),
      },
    },
    'PUT /creators/:id': {
      params: { id: referralId },
      body: {
        name: fc.string({ minLength: 1, maxLength: 30 }),
        destinationUrl: fc.oneof(fc.webUrl(), fc.constant('https://example.com/join?utm=x')),
        commission: fc.oneof(
          fc.record({ type: fc.constant('percent'), value: fc.integer({ min: 0, max: 100 }) }),
          fc.record({
            type: fc.constant('fixed'),
            amount: fc.integer({ min: 0, max: 1000 }),
            currency: fc.constantFrom('USD', 'EUR'),
          }),
        ),
      },
    },
    'PUT /members/:id': {
      params: { id: referralId },
      body: {
        creatorId: referralId,
        userId,
        displayName: fc.string({ minLength: 1, maxLength: 30 }),
        signals: fc.record(
          {
            ip: fc.oneof(fc.ipV4(), fc.ipV6()),
            fingerprint: fc.string({ minLength: 1, maxLength: 40 }),
            userAgent: fc.string({ minLength: 1, maxLength: 60 }),
          },
          { requiredKeys: [] },
        ),
      },
    },
    'GET /members/me': { query: { creatorId: referralId } },
    'POST /shares': {
      body: {
        memberId: referralId,
        platform: fc.constantFrom('x', 'whatsapp', 'email', 'sms', 'copy', 'qr', 'native'),
        templateId: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
        shareType: fc.constantFrom('link', 'message'),
        fingerprint: fc.string({ minLength: 1, maxLength: 40 }),
      },
    },
    'GET /events': {
      query: {
        topics: fc
          .array(
            fc.oneof(
              fc.constantFrom(
                'points:lifetime',
                'points:week:2026-W48',
                'sellers:all-time',
                'sellers:2026-11',
              ),
              userId.map((id) => `score:${encodeURIComponent(id)}`),
              userId.map((id) => `jobs:${encodeURIComponent(id)}`),
            ),
            { minLength: 1, maxLength: 4 },
          )
          .map((topics) => topics.join(',')),
        ticket: fc.string({ maxLength: 60 }),
        lastEventId: fc.oneof(fc.nat().map(String), fc.string({ maxLength: 20 })),
      },
    },
    'POST /events/tickets': {},
    'GET /r/:code': {
      params: { code: fc.oneof(fc.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/), fc.string({ maxLength: 12 })) },
      query: {
        p: fc.constantFrom('x', 'facebook', 'copy', 'qr', 'nope'),
        s: fc.oneof(fc.stringMatching(/^shr_[A-Za-z0-9_-]{16}$/), fc.string({ maxLength: 20 })),
        next: fc.constantFrom('https://evil.example', '//evil.example'),
      },
    },
    // Conversions: the seeded member's code `FUZZCDE2` reaches the scoring and the insert.
    'POST /conversions': {
      body: {
        conversionId: conversionId,
        clickId: fc.stringMatching(/^clk_[A-Za-z0-9_-]{4,16}$/),
        referralCode: fc.oneof(fc.constant(fuzzReferralCode), fc.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/)),
        referee: fc.record(
          {
            userId,
            email: fc.oneof(fc.emailAddress(), fc.constant('a.b+c@googlemail.com')),
            ip: fc.oneof(fc.ipV4(), fc.ipV6()),
            fingerprint: fc.string({ minLength: 1, maxLength: 40 }),
            userAgent: fc.string({ minLength: 1, maxLength: 60 }),
          },
          { requiredKeys: [] },
        ),
        amount: fc.oneof(fc.constantFrom(0, 49.99, 1e9, 1e-7, 0.005), fc.double({ noNaN: true })),
        currency: fc.constantFrom('USD', 'EUR', 'JPY'),
        occurredAt: day.map((d) => d.toISOString()),
      },
    },
    'POST /conversions/:id/refund': {
      params: { id: conversionId },
      body: { reason: fc.string({ maxLength: 40 }) },
    },
    'POST /conversions/:id/chargeback': {
      params: { id: conversionId },
      body: { reason: fc.string({ maxLength: 40 }) },
    },
    'GET /fraud/reviews': {
      query: { creatorId: referralId, limit: smallInt(120), offset: smallInt(20) },
    },
    'POST /fraud/reviews/:conversionId': {
      params: { conversionId },
      body: {
        decision: fc.constantFrom('approve', 'reject'),
        reviewer: userId,
        note: fc.string({ maxLength: 40 }),
      },
    },
    // Referral analytics (issue 12).
    'GET /members/:id/stats': { params: { id: referralId } },
    'GET /members/:id/share-analytics': {
      params: { id: referralId },
      query: { timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kathmandu', 'Mars/Olympus') },
    },
    'GET /creators/:id/analytics': { params: { id: referralId } },
    'GET /creators/:id/leaderboard': {
      params: { id: referralId },
      query: {
        metric: fc.constantFrom('referrals', 'earnings', 'conversionRate'),
        limit: smallInt(100),
        offset: smallInt(50),
      },
    },
    'GET /cron/refresh-views': {},
    'POST /cron/refresh-views': {},
    // (end of referral analytics)
    'GET /demo/users': {},
    'GET /demo/token': { query: { user: userId } },
    'POST /demo/market-activity': { query: { events: smallInt(5) } },
    'POST /demo/score-action': {
      query: { kind: fc.constantFrom('trade', 'copy', 'stake'), user: userId },
    },
    'POST /demo/seller-activity': {
      query: { kind: fc.constantFrom('sale', 'view'), seller: userId },
    },
    'POST /demo/referrals/conversion': {
      query: {
        click: fc.stringMatching(/^clk_[A-Za-z0-9_-]{4,16}$/),
        as: fc.constantFrom('visitor', 'self'),
      },
    },
    'GET /demo/referrals/reviews': { query: { creatorId: fc.constantFrom('studio', 'night-owls', 'x') } },
    'POST /demo/referrals/reviews/:conversionId': {
      params: { conversionId },
      query: { decision: fc.constantFrom('approve', 'reject') },
    },
  };
}

/**
 * A route's fields as `[key, value]` pairs: either every field valid but ONE hostile (so the bad
 * value gets past the other checks and reaches the store and the database), or each field valid,
 * hostile or missing at random. Unknown and prototype-named keys are added now and then.
 */
function members<V>(
  fields: Record<string, fc.Arbitrary<V>>,
  hostile: fc.Arbitrary<V>,
  extraKey: fc.Arbitrary<string>,
): fc.Arbitrary<Array<readonly [string, V | undefined]>> {
  const entries = Object.entries(fields);
  const each = entries.map(([key, valid]) =>
    fc.record({ valid, hostile }).map((values) => ({ key, ...values })),
  );
  const pick = fc.tuple(...each);
  const oneBad = fc
    .tuple(pick, fc.integer({ min: 0, max: Math.max(0, entries.length - 1) }))
    .map(([values, bad]) =>
      values.map(({ key, valid, hostile }, index) => [key, index === bad ? hostile : valid] as const),
    );
  const chaos = fc.tuple(
    ...entries.map(([key, valid]) =>
      fc
        .oneof(
          { weight: 6, arbitrary: valid },
          { weight: 3, arbitrary: hostile },
          { weight: 1, arbitrary: fc.constant(undefined) },
        )
        .map((value) => [key, value] as const),
    ),
  );
  const extras = fc.array(fc.tuple(extraKey, hostile), { maxLength: 2 });
  return fc
    .tuple(
      entries.length > 0 ? fc.oneof(oneBad, chaos) : fc.constant([]),
      fc.option(extras, { freq: 3, nil: [] }),
    )
    .map(([known, extra]) => [...known, ...extra]);
}

/** Path segments, including ones that are not valid percent-encoding or decode to separators. */
const rawSegment = fc.constantFrom(
  '%',
  '%00',
  '%ZZ',
  '%2F',
  '%2e%2e',
  '..',
  '.',
  '%E0%A4%A',
  '%C0%AF',
  'a%20b',
);

function pathSegment(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: valid.map(encode) },
    { weight: 3, arbitrary: hostileText.map(encode) },
    { weight: 1, arbitrary: rawSegment },
  );
}

function authorization(world: FuzzWorld): fc.Arbitrary<Record<string, string>> {
  const bearer = (tokens: readonly string[]) =>
    fc.constantFrom(...tokens).map((token) => ({ authorization: `Bearer ${token}` }));
  // Mostly credentials that get past authentication, so the inputs reach the routes' own checks.
  return fc.oneof(
    { weight: 6, arbitrary: bearer(world.userTokens) },
    { weight: 3, arbitrary: fc.constant({ 'x-api-key': world.apiKey }) },
    { weight: 2, arbitrary: bearer([world.apiKey, world.cronSecret]) },
    { weight: 2, arbitrary: bearer(world.hostileSubTokens) },
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: bearer(world.badTokens) },
    { weight: 1, arbitrary: hostileText.map((key) => ({ 'x-api-key': key })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('Bearer', 'Basic YTpi', 'bearer  ', `Bearer ${world.apiKey} extra`)
        .map((a) => ({ authorization: a })),
    },
  );
}

/** Query pairs: valid and hostile values, repeated keys, unknown and prototype-named keys. */
function queryPairs(query: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<Array<[string, string]>> {
  const keys = Object.keys(query);
  const extraKey = fc.oneof(
    fc.constantFrom(...prototypeNames),
    keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('x'),
    hostileText,
  );
  return members(query, hostileText, extraKey).map((pairs) =>
    pairs.flatMap(([key, value]): Array<[string, string]> => (value === undefined ? [] : [[key, value]])),
  );
}

/** A JSON body from the route's fields, or something that is not such a body. */
function bodyText(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
  const extraKey = fc.oneof(fc.constantFrom(...prototypeNames), fc.string({ maxLength: 8 }));
  const object = members(fields, hostileJson, extraKey).map((pairs) => {
    // Built as text: `{ __proto__: … }` in an object literal would set the prototype instead.
    const text = pairs
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`);
    return `{${text.join(',')}}`;
  });
  return fc.oneof(
    { weight: 7, arbitrary: object },
    { weight: 1, arbitrary: hostileJson.map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 2, arbitrary: malformedBodyText },
  );
}

/** Requests for one route. `path` is Hono's pattern, e.g. `/products/:id/views`. */
export function requestsFor(
  method: string,
  path: string,
  input: RouteInput,
  world: FuzzWorld,
  basePath: string,
): fc.Arbitrary<FuzzRequest> {
  const names = [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  const segments = fc.tuple(
    ...names.map((name) => pathSegment(input.params?.[name] ?? fc.string({ minLength: 1, maxLength: 8 }))),
  );
  const body = input.body
    ? fc.option(fc.tuple(bodyText(input.body), contentTypes), { freq: 12, nil: undefined })
    : fc.constant(undefined);
  return fc
    .record({
      segments,
      query: queryPairs(input.query ?? {}),
      auth: authorization(world),
      body,
      ifNoneMatch: fc.option(fc.constantFrom('*', 'W/"x"', '"abc", W/"def"', '\u00ff'), {
        freq: 8,
        nil: undefined,
      }),
    })
    .map(({ segments, query, auth, body, ifNoneMatch }) => {
      let index = 0;
      const filled = path.replace(/:(\w+)/g, () => segments[index++]!);
      const search = query.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
      const headers: Record<string, string> = { ...auth };
      if (ifNoneMatch !== undefined) headers['if-none-match'] = ifNoneMatch;
      if (body?.[1] !== undefined) headers['content-type'] = body[1];
      return {
        method,
        url: `${basePath}${filled}${search ? `?${search}` : ''}`,
        headers,
        ...(body ? { body: body[0] } : {}),
      };
    });
}
