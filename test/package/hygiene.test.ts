import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types; its JSDoc documents the shape.
import { pack } from '../../scripts/pack.mjs';
import { launchChromium } from '../browser/chromium.js';

/**
 * Hygiene of the tarball `npm publish` would upload (packed from the built dist/, after
 * `npm run build`): what it contains, what publint and "Are the Types Wrong?" say about it, and
 * that its stylesheet changes nothing on a host page outside `.podium-root`.
 */
const run = promisify(execFile);
const repo = new URL('../..', import.meta.url).pathname;

let workDir: string;
let packed: { tarball: string; files: string[] };
let css: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'podium-hygiene-'));
  packed = await pack({ build: false, destination: workDir, log: () => {} });
  await run('tar', ['-xzf', packed.tarball, '-C', workDir]);
  css = await readFile(join(workDir, 'package/dist/styles.css'), 'utf8');
}, 60_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds only dist/, package.json, README and LICENSE', () => {
    const outside = packed.files.filter(
      (file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(file),
    );
    expect(outside).toEqual([]);
    expect(packed.files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/styles.css',
      ]),
    );
    // Nothing of the sources, tests, stories, server or examples sneaks in under dist/ either.
    expect(
      packed.files.filter((file) => /(^|\/)(src|test|stories|server|examples|mocks)\//.test(file)),
    ).toEqual([]);
  });

  it('has no publint errors, warnings or suggestions', async () => {
    const bytes = await readFile(packed.tarball);
    const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const { messages, pkg } = await publint({ pack: { tarball }, level: 'suggestion', strict: true });
    expect(
      messages.map((message) => `${message.type} ${message.code}: ${formatMessage(message, pkg)}`),
    ).toEqual([]);
  });

  it('has types that resolve for every entry under node16 and bundler resolution (attw)', async () => {
    // Profile node16: TypeScript's legacy `node10` resolution ignores `exports`, so subpath
    // entries (podium-kit/hooks, ...) cannot resolve there by design. The stylesheet has no types.
    const attw = join(repo, 'node_modules/.bin/attw');
    let stdout: string;
    try {
      ({ stdout } = await run(attw, [
        packed.tarball,
        '--profile',
        'node16',
        '--exclude-entrypoints',
        './styles.css',
        '--format',
        'json',
      ]));
    } catch (error) {
      throw new Error(`attw reported problems:\n${(error as { stdout?: string }).stdout ?? String(error)}`, { cause: error });
    }
    const report = JSON.parse(stdout) as {
      analysis: {
        entrypoints: Record<string, unknown>;
        problems: { kind: string; entrypoint: string; resolutionKind?: string }[];
      };
    };
    expect(Object.keys(report.analysis.entrypoints)).toEqual(
      expect.arrayContaining(['.', './hooks', './core', './mocks', './locales/de', './locales/ja']),
    );
    const problems = report.analysis.problems.map(
      (p) => `${p.entrypoint} ${p.resolutionKind ?? ''} ${p.kind}`,
    );
    // What node10 cannot do, named, so anything else (the root entry under node10 included) fails.
    const node10Subpaths = [
      './hooks node10 NoResolution',
      './core node10 NoResolution',
      './mocks node10 NoResolution',
      ...['de', 'es', 'fr', 'ja'].map((language) => `./locales/${language} node10 NoResolution`),
    ];
    expect(problems.filter((p) => !node10Subpaths.includes(p))).toEqual([]);
  }, 60_000);
});

/** Plain host markup: no Podium in it, only what a host page has, plus class names Tailwind users write. */
const hostPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title>
<style>
  /* The host's own animation named like Tailwind's: Podium must not redefine it. */
  @keyframes pulse { from { color: rgb(200, 0, 0); } to { color: rgb(0, 0, 200); } }
  .host-pulse { animation: pulse 1s linear infinite paused; }
</style></head>
<body>
  <header><h1>Host heading</h1><nav><a href="#a">A link</a> <a href="#b" class="flex hidden border p-4">utility-like classes</a></nav></header>
  <main class="container">
    <h2 class="sr-only">Section</h2><h3>Sub</h3>
    <p>A paragraph with <strong>strong</strong>, <em>em</em>, <code>code</code> and <small>small</small>.</p>
    <p class="host-pulse animate-pulse">Animated by the host.</p>
    <button type="button">Host button</button> <button type="button" class="rounded bg-blue-500" disabled>Disabled</button>
    <form><label>Name <input name="n" value="x"></label> <select><option>One</option></select> <textarea>t</textarea> <input type="checkbox" checked></form>
    <table><caption>Host table</caption><thead><tr><th>Col</th><th>Num</th></tr></thead>
      <tbody><tr><td>Row</td><td>1</td></tr><tr><td>Row</td><td>2</td></tr></tbody></table>
    <ul><li>One</li><li>Two</li></ul><ol><li>First</li></ol>
    <blockquote>Quote</blockquote><hr><pre>pre</pre>
    <details open><summary>More</summary><p>Details</p></details>
  </main>
  <div data-control style="position: fixed; top: 0; left: 0"><section class="podium-root" data-theme="light" id="control"><p class="podium-sr-only">control</p></section></div>
</body></html>`;

/**
 * Every computed property (the custom properties the stylesheet mentions included) of every host
 * element and its ::before / ::after / ::marker, and the keyframes of host animations.
 */
async function snapshot(page: Page, customProperties: string[]): Promise<Record<string, string>> {
  return page.evaluate((custom) => {
    const out: Record<string, string> = {};
    // Number the host's elements once, so the <style> the test adds does not shift the keys.
    if (!document.querySelector('[data-host-id]')) {
      document.querySelectorAll('*').forEach((el, index) => el.setAttribute('data-host-id', String(index)));
    }
    const hostElements = [...document.querySelectorAll('[data-host-id]')].filter(
      (el) => !el.closest('.podium-root, [data-control]'),
    );
    hostElements.forEach((el) => {
      const id = `${el.getAttribute('data-host-id')}:${el.tagName.toLowerCase()}`;
      for (const pseudo of [null, '::before', '::after', '::marker']) {
        const style = getComputedStyle(el, pseudo);
        const names = new Set<string>([...Array.from(style), ...custom]);
        for (const name of names) out[`${id}${pseudo ?? ''} ${name}`] = style.getPropertyValue(name);
      }
      el.getAnimations().forEach((animation, n) => {
        out[`${id} animation#${n}`] = JSON.stringify((animation.effect as KeyframeEffect).getKeyframes());
      });
    });
    return out;
  }, customProperties);
}

describe('podium-kit/styles.css on a host page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('changes no computed style of any host element outside .podium-root', async () => {
    const page = await browser.newPage();
    await page.setContent(hostPage);
    const customProperties = [...new Set(css.match(/--[\w-]+/g) ?? [])];
    expect(customProperties.length).toBeGreaterThan(0);
    const control = () =>
      page.locator('#control').evaluate((el) => getComputedStyle(el).getPropertyValue('--podium-accent'));
    expect(await control()).toBe('');
    // The control sits in a fixed box (out of the host's flow) and is not measured.

    const before = await snapshot(page, customProperties);
    await page.addStyleTag({ content: css });
    const after = await snapshot(page, customProperties);

    // The stylesheet did load and apply inside .podium-root...
    expect((await control()).trim()).not.toBe('');
    // ...and nothing outside it moved.
    const keys = Object.keys({ ...before, ...after }).filter((key) => before[key] !== after[key]);
    // Which properties changed anywhere (custom properties tend to change on every element at once)...
    const properties = [...new Set(keys.map((key) => key.split(' ').pop()!))].sort();
    // ...and the first changes in full, ordinary properties and animations before custom ones.
    const changed = keys
      .sort((a, b) => Number(a.includes(' --')) - Number(b.includes(' --')))
      .slice(0, 20)
      .map((key) => `${key}: ${JSON.stringify(before[key])} -> ${JSON.stringify(after[key])}`);
    expect({ properties, changed }, `${keys.length} host styles changed`).toEqual({
      properties: [],
      changed: [],
    });
    await page.close();
  }, 60_000);
});
