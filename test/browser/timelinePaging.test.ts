import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/startServer.js';
import { createPgliteStore } from '../../src/store/createPgliteStore.js';
import type { EventStore } from '../../src/store/EventStore.js';
import { daoFixture, unitOf } from '../support/daoFixture.js';
import { describeWithChromium, launchChromium } from './support/chromium.js';
import { ensureWebBuilt } from './support/webBuild.js';

const ORG = 'lumen-long-timeline';
/** Amendments after `org.create`: more entries than the board's first page (25) shows. */
const AMENDS = 28;

describeWithChromium('the board’s timeline, page by page', () => {
  let dir: string;
  let store: EventStore;
  let server: RunningServer;
  let browser: BrowserContext;
  const errors: string[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    dir = mkdtempSync(join(tmpdir(), 'devolve-timeline-'));
    store = await createPgliteStore();
    const dao = daoFixture({ org: ORG });
    let { hash: head } = (await store.createOrganization({ signed: dao.create(), now: new Date() })).event;
    for (let n = 1; n <= AMENDS; n++) {
      const signed = dao.amend({
        head,
        edit: (c) => {
          unitOf(c, 'brand')['description'] = `Version ${n}`;
        },
      });
      head = (await store.append({ signed, now: new Date() })).event.hash;
    }
    server = await startServer({ store, port: 0, host: '127.0.0.1' });
    browser = await launchChromium({ profileDir: join(dir, 'profile') });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the newest entries, then every older one exactly once on request', async () => {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/orgs/${ORG}`);
    await page.waitForSelector('.board[data-rendered] ol.timeline');
    const items = page.locator('.timeline__item');
    expect(await items.count()).toBe(25);
    const more = page.getByRole('button', { name: 'Show older entries' });
    await more.click();
    await page.locator('.timeline__item').nth(AMENDS).waitFor();
    await expect.poll(() => more.count()).toBe(0);
    const numbers = (await page.locator('.timeline__meta').allTextContents()).map((text) =>
      Number(/event #(\d+)/.exec(text)?.[1]),
    );
    // Every event once, newest first: the amendments AMENDS…1, then the organization's creation.
    expect(numbers).toEqual(Array.from({ length: AMENDS + 1 }, (_, i) => AMENDS - i));
    expect(await items.last().textContent()).toContain('Organization created');
    expect(errors).toEqual([]);
    await page.close();
  });
});
