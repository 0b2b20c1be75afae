import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteStore } from '../store/createPgliteStore.js';
import type { EventStore } from '../store/EventStore.js';
import { createApp } from './createApp.js';

describe('the dashboard as static files (serveWeb through createApp)', () => {
  let dir: string;
  let store: EventStore;
  let app: Hono;
  const INDEX = '<!doctype html><head><title>dashboard</title></head><body></body>';
  const BOARD_PRELOAD =
    '<link rel="preload" href="/api/orgs/lumen-protocol/board" as="fetch" crossorigin="anonymous" />';
  const SCRIPT = 'console.log("board")';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'devolve-web-'));
    const root = join(dir, 'web');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'index-CiavBm59.js'), SCRIPT);
    writeFileSync(join(root, 'assets', 'index-DWH_IRlJ.css'), 'body{}');
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
    // A file beside the web root that no request may reach.
    writeFileSync(join(dir, 'secret.txt'), 'not for you');
    mkdirSync(join(dir, 'web-other'));
    writeFileSync(join(dir, 'web-other', 'x.txt'), 'nor this');
    store = await createPgliteStore();
    app = createApp({ store, webRoot: root });
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for client routes, never cached, under a strict content policy', async () => {
    for (const path of [
      '/',
      '/orgs/lumen-protocol',
      '/orgs/lumen-protocol/units/treasury',
      '/public/lumen',
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect((await response.text()).replace(`${BOARD_PRELOAD}\n  `, '')).toBe(INDEX);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it("preloads the board's answer in the board's page only, so it is fetched while the script loads", async () => {
    for (const path of ['/orgs/lumen-protocol']) {
      const page = await (await app.request(path)).text();
      expect(page, path).toBe(INDEX.replace('</head>', `${BOARD_PRELOAD}\n  </head>`));
    }
    for (const path of [
      '/',
      '/orgs/lumen-protocol/units/treasury',
      '/orgs/lumen-protocol/proposals',
      '/public/lumen',
    ]) {
      expect(await (await app.request(path)).text(), path).toBe(INDEX);
    }
    // Not a board: an id the router would not take names no organization.
    expect(await (await app.request('/orgs/Lumen%22%3E')).text()).toBe(INDEX);
  });

  it('serves assets with their content types; hashed ones may be cached for a year', async () => {
    const script = await app.request('/assets/index-CiavBm59.js');
    expect([script.status, await script.text()]).toEqual([200, SCRIPT]);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    const style = await app.request('/assets/index-DWH_IRlJ.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const icon = await app.request('/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    // Not under /assets/ with a hash: revalidated every time.
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('keeps a hashed asset once read (its name changes with its content); other files are read each time', async () => {
    const root = join(dir, 'rebuilt');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'assets', 'index-Bq8sZ1xT.js'), SCRIPT);
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
    const rebuilt = createApp({ store, webRoot: root });
    expect(await (await rebuilt.request('/assets/index-Bq8sZ1xT.js')).text()).toBe(SCRIPT);
    expect(await (await rebuilt.request('/favicon.svg')).text()).toBe('<svg/>');
    // A new build replaces the files: the hashed name still answers what it named, the rest is new.
    rmSync(join(root, 'assets', 'index-Bq8sZ1xT.js'));
    writeFileSync(join(root, 'favicon.svg'), '<svg id="new"/>');
    const kept = await rebuilt.request('/assets/index-Bq8sZ1xT.js');
    expect([kept.status, await kept.text()]).toEqual([200, SCRIPT]);
    expect(kept.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await (await rebuilt.request('/favicon.svg')).text()).toBe('<svg id="new"/>');
  });

  it('answers a missing file with an extension as a 404 problem, not the page', async () => {
    const response = await app.request('/assets/index-gone0000.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('reads nothing outside its root, however the path is spelled', async () => {
    const attempts = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fweb-other/x.txt',
      '/assets/..%5c..%5csecret.txt',
      '/%00index.html',
      '/%E0%A4%A.txt',
    ];
    for (const path of attempts) {
      const response = await app.request(path);
      const text = await response.text();
      expect(text, path).not.toContain('not for you');
      expect(text, path).not.toContain('nor this');
      expect(response.status, path).toBe(404);
    }
  });

  it('leaves the API alone: unknown API paths and other methods stay problems', async () => {
    const api = await app.request('/api/nothing/here');
    expect(api.status).toBe(404);
    expect(((await api.json()) as { code: string }).code).toBe('request/not-found');
    const post = await app.request('/orgs/lumen', { method: 'POST' });
    expect(post.status).toBe(404);
    expect(post.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('serves no pages when there is no build (webRoot null, or a root without files)', async () => {
    const bare = createApp({ store, webRoot: null });
    expect((await bare.request('/')).status).toBe(404);
    const empty = createApp({ store, webRoot: join(dir, 'nowhere') });
    const response = await empty.request('/orgs/lumen');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('request/not-found');
  });
});
