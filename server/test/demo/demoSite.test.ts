import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSiteHandler } from '../../src/demo/serveDemoSite.js';

describe('the demo site handler', () => {
  let dir: string;
  let app: Hono;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podium-demo-site-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>demo</title>');
    await writeFile(join(dir, '.podium-build.json'), '{"hash":"secret-ish"}');
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
    app = new Hono();
    app.get('*', createDemoSiteHandler({ dir, basePath: '/api' }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves built files, and the page for unknown paths', async () => {
    expect(await (await app.request('/assets/app.js')).text()).toBe('console.log(1)');
    expect(await (await app.request('/some/route')).text()).toContain('<title>demo</title>');
  });

  it('never serves dotfiles such as the build stamp (or escapes its folder)', async () => {
    for (const path of [
      '/.podium-build.json',
      '/%2epodium-build.json',
      '/assets/../.podium-build.json',
      '/../package.json',
    ]) {
      const text = await (await app.request(path)).text();
      expect(text, path).not.toContain('secret-ish');
      expect(text, path).toContain('<title>demo</title>');
    }
  });
});
