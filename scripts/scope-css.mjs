#!/usr/bin/env node
// `node scripts/scope-css.mjs dist/styles.css`: run by `npm run build:css` after Tailwind. Makes
// the prebuilt stylesheet change nothing outside `.podium-root`. Tailwind v4's output has three
// page-wide parts that a host page would otherwise feel:
//
//   1. the theme variables on `:root, :host` (every host element inherits `--podium-spacing`, ...)
//      -> declared on `.podium-root` instead;
//   2. `@property --tw-*` registrations (global: every host element gets their initial values, and
//      a host's own Tailwind registers the same names) and the `@layer properties` fallback on
//      `*, ::before, ::after` for browsers without @property
//      -> no registrations; the fallback applies always, but only to `.podium-root` and its
//      descendants (it resets each variable per element, which is how Tailwind emulates
//      `inherits: false` without @property);
//   3. `@keyframes pulse` (a global name a host may use for its own animation)
//      -> renamed `podium-pulse`, with the declarations that use it.
//
// The script expects Tailwind's minified output and fails the build, rather than ship a leaking
// stylesheet, when that output no longer looks as expected. test/package/hygiene.test.ts checks
// the result in Chromium against a host page.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const scope = '.podium-root';

function fail(message) {
  throw new Error(`scope-css: ${message} (has Tailwind's output changed? see scripts/scope-css.mjs)`);
}

/** Splits a selector list on its top-level commas (not those inside `:where(...)` and the like). */
function splitSelectors(list) {
  const parts = [];
  let depth = 0;
  let current = '';
  for (const char of list) {
    if (char === '(' || char === '[') depth++;
    if (char === ')' || char === ']') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim());
}

/** @param {string} css Tailwind's minified output. @returns {string} the scoped stylesheet. */
export function scopeCss(css) {
  let out = css;

  // 1. Theme variables: from the document root to Podium's root.
  out = out.replace(/:root,:host\{/g, `${scope}{`);

  // 2. @property registrations out, the fallback in, scoped.
  const registered = [...out.matchAll(/@property (--[\w-]+)\{[^}]*\}/g)].map((match) => match[1]);
  out = out.replace(/@property --[\w-]+\{[^}]*\}/g, '');
  const fallback = /@layer properties\{@supports [^{]+\{\*,:before,:after,::backdrop\{([^}]*)\}\}\}/;
  const found = out.match(fallback);
  if (registered.length > 0 && !found)
    fail('found @property rules but not the `@layer properties` fallback to replace them with');
  if (found) {
    const declared = [...found[1].matchAll(/(--[\w-]+):/g)].map((match) => match[1]);
    const missing = registered.filter((name) => !declared.includes(name));
    if (missing.length) fail(`the fallback does not declare ${missing.join(', ')}`);
    const selectors = [
      scope,
      `${scope}:before`,
      `${scope}:after`,
      `${scope} *`,
      `${scope} :before`,
      `${scope} :after`,
      `${scope} ::backdrop`,
    ];
    out = out.replace(fallback, `@layer properties{${selectors.join(',')}{${found[1]}}}`);
  }

  // 3. Keyframes under Podium's own names.
  const names = [...out.matchAll(/@keyframes ([\w-]+)\{/g)]
    .map((match) => match[1])
    .filter((name) => !name.startsWith('podium-'));
  for (const name of names) {
    out = out.replace(new RegExp(`@keyframes ${name}\\{`, 'g'), `@keyframes podium-${name}{`);
    out = out.replace(
      /((?:animation|animation-name|--podium-animate-[\w-]+):)([^;}]*)/g,
      (_match, property, value) =>
        `${property}${value.replace(new RegExp(`(^|[\\s,])${name}(?=$|[\\s,])`, 'g'), `$1podium-${name}`)}`,
    );
  }

  // Every rule left must select only inside Podium: `.podium-root...` or a `podium-`/`podium:` class.
  const withoutKeyframes = out.replace(/@keyframes [\w-]+\{(?:[^{}]*\{[^}]*\})*[^{}]*\}/g, '');
  const leaks = [];
  for (const [, list] of withoutKeyframes.matchAll(/(?:^|[{}])([^{}@]+)\{/g)) {
    for (const selector of splitSelectors(list)) {
      if (!/^\.podium[-\\]/.test(selector)) leaks.push(selector);
    }
  }
  if (leaks.length) fail(`selectors outside .podium-root remain: ${[...new Set(leaks)].join(' | ')}`);
  if (/@property\b|:root\b|:host\b/.test(out)) fail('page-wide rules (@property, :root or :host) remain');
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/scope-css.mjs <built stylesheet>');
    process.exit(2);
  }
  try {
    const css = await readFile(file, 'utf8');
    await writeFile(file, scopeCss(css));
  } catch (error) {
    console.error(`✖ ${error.message}`);
    process.exit(1);
  }
}
