import fc from 'fast-check';

/**
 * Values an attacker or a careless client sends, as fast-check arbitraries. The route table
 * ({@link ./routeInputs.ts}) mixes them with valid values, so most requests get past the first
 * check and reach deeper code with one bad field at a time.
 */

/** Keys that collide with `Object.prototype` when code indexes a plain object with them. */
export const prototypeNames = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'prototype',
] as const;

/** Strings with a known history of breaking servers: NUL, control characters, odd unicode, SQL. */
const nastyStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u001f\u007f',
  '\r\n',
  '\t x \t',
  '\ud800', // a lone surrogate: not valid UTF-16, refused by some encoders
  '\uffff',
  '💥🏆',
  'ｆｕｌｌｗｉｄｔｈ',
  'e\u0301', // a combining accent
  '\u202eevil', // right-to-left override
  "' OR 1=1 --",
  '"; DROP TABLE podium_users; --',
  '%00',
  '%ZZ',
  '..',
  '../../etc/passwd',
  '0x',
  '0x123',
  '0X' + 'A'.repeat(40),
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '9'.repeat(400),
  '2024-13-01',
  '2024-02-30',
  '0001-01-01',
  '9999-12-31',
  '275760-09-13',
  'T',
  ...prototypeNames,
);

/** A string of `length` copies of one character: 100 kB strings, 3,200-character ids. */
const longString = fc
  .tuple(fc.constantFrom('a', '0', 'é', '\u0000', '😀', ' '), fc.constantFrom(256, 3_200, 100_000))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

/** Any string, hostile or random (every UTF-16 code unit, lone surrogates included). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: nastyStrings },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: longString },
);

/** Numbers at and past every boundary a count, a limit or an offset has. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    0.5,
    -0.5,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    1e308,
    -1e308,
    Number.MIN_VALUE,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, hostile or not (numbers, strings, arrays, objects with prototype-named keys). */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom(...prototypeNames), fc.jsonValue({ maxDepth: 1 }), {
      minKeys: 1,
      maxKeys: 2,
    }),
  },
);

/** A query-string or path value: hostile strings, and numbers written as text. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: hostileNumber.map(String) },
);

/** JSON text nested `depth` levels deep (arrays or objects): stack depth of parsers and validators. */
export const deeplyNested = fc
  .tuple(fc.constantFrom(1_000, 10_000, 100_000), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  );

/** Request bodies that are not what any route wants: not JSON, truncated JSON, binary, huge. */
export const malformedBodyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '{"a":',
    '[1,2',
    'null',
    'true',
    '"x"',
    '1e999',
    '{"a":1}{"b":2}',
    '\u0000',
    '\ufeff{}',
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
  deeplyNested,
  fc.constantFrom(100_000).map((n) => JSON.stringify({ job_id: 'x'.repeat(n) })),
);

/** Content types a client might send, right and wrong. */
export const contentTypes = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      undefined,
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/merge-patch+json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
      ';;;',
      '\u0000',
    ),
  },
);
