import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LogEvent } from '../../src/core/log/LogEvent.js';
import { startServer } from '../../src/server/startServer.js';
import type { UnitView } from '../../src/server/unitView.js';
import { createPgliteStore } from '../../src/store/createPgliteStore.js';
import { PROXY, RPC, SINGLE_KEY, singleKeyControl } from '../support/singleKeyControl.js';
import { teamRunTreasury } from '../support/teamRunTreasury.js';
import { describeWithChromium, launchChromium } from './support/chromium.js';
import { type DemoServer, startDemoServer } from './support/demoServer.js';
import { accessibilityProblems, screenshotInto } from './support/pageChecks.js';

const ORG = 'lumen-protocol';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const DAY_MS = 86_400_000;

/**
 * The unit page's evidence in Chromium: the demo's upgrades unit, declared Consultative, with a
 * single-key control fact recorded in the store the way `devolve observe --record` records it, so
 * its page shows it observed at the founder level, with the fact and where it came from.
 */
describeWithChromium('the unit page draws its evidence in Chromium', () => {
  let dir: string;
  let shots: string;
  let demo: DemoServer;
  let browser: BrowserContext;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'devolve-unit-evidence-'));
    shots = join(dir, 'test-output', 'screenshots');
    mkdirSync(shots, { recursive: true });
    console.log(`unit evidence screenshots: ${shots}`);
    demo = await startDemoServer({ org: ORG });
    const now = new Date();
    await demo.store.recordEvidence({
      org: ORG,
      entries: [
        {
          entry: singleKeyControl('upgrades', now.getTime() - DAY_MS),
          origin: { command: 'observe', from: RPC },
        },
      ],
      now,
    });
    browser = await launchChromium({ profileDir: join(dir, 'profile'), viewport: DESKTOP });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    if (dir !== undefined) rmSync(join(dir, 'profile'), { recursive: true, force: true });
  });

  async function open(path: string, viewport = DESKTOP): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewportSize(viewport);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    await page.goto(path.startsWith('http') ? path : `${demo.server.url}${path}`);
    return page;
  }

  async function unitView(unit: string): Promise<UnitView> {
    const response = await fetch(`${demo.server.url}/api/orgs/${ORG}/units/${unit}`);
    expect(response.status).toBe(200);
    return (await response.json()) as UnitView;
  }

  it('shows the observed level, the control fact with its origin, and the log metrics the API gives', async () => {
    const view = await unitView('upgrades');
    const evidence = view.evidence!;
    // The single key caps the unit at its first level, below the Consultative it declares.
    expect(evidence.observed).toMatchObject({ declared: 'consultative', observed: 'founder' });
    const levelName = (id: string) => view.levels.find((l) => l.id === id)!.name;

    const page = await open(`/orgs/${ORG}/units/upgrades`);
    const section = page.locator('section[aria-labelledby="evidence"]');
    await section.locator('.unit-evidence').waitFor();
    expect(await section.locator('[data-level="declared"] dd strong').textContent()).toBe(
      levelName('consultative'),
    );
    const observed = section.locator('[data-level="observed"]');
    expect(await observed.getAttribute('data-observed')).toBe('founder');
    expect(await observed.locator('dd strong').textContent()).toBe(levelName('founder'));
    expect(await section.locator('.unit-evidence__verdict').textContent()).toBe('Observed below declared');
    expect(await section.locator('.unit-evidence__findings').textContent()).toContain(
      `a single plain key controls the contract: ${SINGLE_KEY}`,
    );

    // Newest first: the control fact recorded a day ago, then the evidence file's older items.
    const rows = section.locator('.unit-evidence__table tbody tr');
    expect(await rows.count()).toBe(evidence.evidence.length);
    const first = rows.first();
    expect(await first.getAttribute('data-kind')).toBe('control');
    expect(await first.locator('td[data-label="What"]').textContent()).toContain(`upgrade@${PROXY}`);
    expect(await first.locator('td[data-label="Value"]').textContent()).toBe(`held by key ${SINGLE_KEY}`);
    expect(await first.locator('td[data-label="Origin"]').textContent()).toContain(
      `devolve observe from ${RPC}`,
    );
    expect(await first.locator('td[data-label="Recorded"]').textContent()).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
    );
    // The demo's evidence file has an observation about upgrades too: the fact is one of several.
    expect(evidence.evidenceCount).toBeGreaterThan(1);
    expect(await rows.filter({ hasText: 'the evidence file' }).count()).toBe(
      evidence.evidence.filter((e) => e.origin === 'the evidence file').length,
    );
    expect(await section.locator('.unit-evidence__count').getAttribute('data-count')).toBe(
      String(evidence.evidenceCount),
    );

    // Every metric the API computed, both windows, with the API's numbers.
    const metrics = page.locator('section[aria-labelledby="metrics"] table.unit-metrics');
    expect(await metrics.locator('tbody tr').count()).toBe(evidence.metrics.length);
    for (const metric of evidence.metrics) {
      const row = metrics.locator(`tr[data-metric="${metric.id}"]`);
      expect(await row.locator('th').textContent()).toContain(metric.name);
      for (const [period, value] of [
        ['recent', metric.recent],
        ['all', metric.allTime],
      ] as const) {
        const cell = row.locator(`td[data-period="${period}"]`);
        expect(await cell.getAttribute('data-value')).toBe(value === undefined ? '' : String(value));
        if (value === undefined) expect(await cell.textContent()).toBe('not measured');
        else if (metric.unit === 'count')
          expect(await cell.locator('.unit-metric__value').textContent()).toBe(String(value));
      }
    }

    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshotInto(shots, page, 'unit-evidence');
    await page.setViewportSize(PHONE);
    await screenshotInto(shots, page, 'unit-evidence');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.close();
  });

  it('reaches the evidence source links by keyboard', async () => {
    const page = await open(`/orgs/${ORG}/units/upgrades`);
    const link = page.locator('section[aria-labelledby="evidence"] tbody a').first();
    await link.waitFor();
    const href = await link.getAttribute('href');
    // From the top of the page, Tab walks the links in order until it reaches the first source link.
    let focused: string | null = null;
    for (let i = 0; i < 100 && focused !== href; i++) {
      await page.keyboard.press('Tab');
      focused = (await page.evaluate("document.activeElement?.getAttribute('href') ?? null")) as
        | string
        | null;
    }
    expect(focused).toBe(href);
    await page.close();
  });

  it('says readably when a unit has no evidence, and draws its older history against the last 90 days', async () => {
    // Lumen where the core team made three treasury decisions in March 2026, more than 90 days
    // ago: recorded in a store of its own, served without an evidence file (every unit of the
    // demo has the file's organization-wide holdings behind it), nothing about it is evidence.
    const { lumen } = teamRunTreasury({ org: 'lumen-history' });
    const store = await createPgliteStore();
    const [created, ...rest] = lumen.log.events;
    const signed = (e: LogEvent) => ({ action: e.action, signature: e.signature });
    await store.createOrganization({ signed: signed(created!), now: new Date(created!.recordedAt) });
    for (const event of rest) await store.append({ signed: signed(event), now: new Date(event.recordedAt) });
    const server = await startServer({ store, port: 0, host: '127.0.0.1' });
    try {
      const response = await fetch(`${server.url}/api/orgs/${lumen.log.org}/units/treasury`);
      const view = (await response.json()) as UnitView;
      expect(view.evidence).toMatchObject({ evidenceCount: 0, observed: { observed: null } });
      const metric = (id: string) => view.evidence!.metrics.find((m) => m.id === id)!;
      // Three decisions, all older than the window: none in the last 90 days, three in all.
      expect(metric('decisions-count')).toMatchObject({ recent: 0, allTime: 3 });
      expect(metric('decisions-team-share')).toMatchObject({ allTime: 1 });

      const page = await open(`${server.url}/orgs/${lumen.log.org}/units/treasury`);
      const section = page.locator('section[aria-labelledby="evidence"]');
      await section.locator('.unit-evidence').waitFor();
      expect(await section.locator('.empty').textContent()).toContain('No evidence recorded yet');
      expect(await section.locator('[data-level="observed"] dd').textContent()).toContain('Not observed');
      expect(await section.locator('.unit-evidence__table').count()).toBe(0);

      const metrics = page.locator('section[aria-labelledby="metrics"]');
      for (const m of view.evidence!.metrics) {
        const row = metrics.locator(`tr[data-metric="${m.id}"]`);
        expect(await row.locator('td[data-period="recent"]').getAttribute('data-value')).toBe(
          m.recent === undefined ? '' : String(m.recent),
        );
        expect(await row.locator('td[data-period="all"]').getAttribute('data-value')).toBe(
          m.allTime === undefined ? '' : String(m.allTime),
        );
      }
      const decisions = metrics.locator('tr[data-metric="decisions-count"]');
      expect(await decisions.locator('td[data-period="all"] .unit-metric__value').textContent()).toBe('3');
      // A count's bars share the row's scale: 0 of 3 draws nothing, 3 of 3 the whole bar.
      expect(
        await decisions.locator('td[data-period="recent"] .unit-metric__fill').getAttribute('width'),
      ).toBe('0');
      expect(await decisions.locator('td[data-period="all"] .unit-metric__fill').getAttribute('width')).toBe(
        '100',
      );
      // A share of 1 reads as a percentage.
      expect(
        await metrics
          .locator('tr[data-metric="decisions-team-share"] td[data-period="all"] .unit-metric__value')
          .textContent(),
      ).toBe('100%');
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshotInto(shots, page, 'unit-history-no-evidence');
      await page.setViewportSize(PHONE);
      await screenshotInto(shots, page, 'unit-history-no-evidence');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      await page.close();

      // A unit nothing has happened on says so beside its zeros.
      const quiet = await open(`${server.url}/orgs/${lumen.log.org}/units/upgrades`);
      const quietMetrics = quiet.locator('section[aria-labelledby="metrics"]');
      await quietMetrics.locator('table.unit-metrics').waitFor();
      expect(await quietMetrics.textContent()).toContain('Nothing has been proposed, voted or decided');
      await quiet.close();
    } finally {
      await server.close();
      await store.close();
    }
  });

  it('logged no console errors on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
