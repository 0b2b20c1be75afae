import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { explainUnit } from '../../src/core/explain/explainUnit.js';
import type { OrgState } from '../../src/core/state/OrgState.js';
import { unitOf } from '../support/daoFixture.js';
import { describeWithChromium, launchChromium } from './support/chromium.js';
import { type DemoServer, startDemoServer } from './support/demoServer.js';
import { accessibilityProblems, screenshotInto } from './support/pageChecks.js';

const ORG = 'lumen-protocol';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

describeWithChromium('the dashboard in Chromium', () => {
  let dir: string;
  let shots: string;
  let demo: DemoServer;
  let browser: BrowserContext;
  let state: OrgState;
  /** Every console error and uncaught exception of every page, as text. */
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'devolve-browser-'));
    shots = join(dir, 'test-output', 'screenshots');
    mkdirSync(shots, { recursive: true });
    console.log(`dashboard screenshots: ${shots}`);
    demo = await startDemoServer({ org: ORG });
    state = await demo.store.readState({ org: ORG });
    browser = await launchChromium({ profileDir: join(dir, 'profile'), viewport: DESKTOP });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    // The screenshots stay for people to look at; the browser profile goes.
    if (dir !== undefined) rmSync(join(dir, 'profile'), { recursive: true, force: true });
  });

  async function open(path: string, viewport = DESKTOP): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewportSize(viewport);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    await page.goto(`${demo.server.url}${path}`);
    return page;
  }

  async function boardRendered(page: Page): Promise<void> {
    await page.waitForSelector('.board[data-rendered] ol.timeline');
  }

  const screenshot = (page: Page, name: string) => screenshotInto(shots, page, name);

  it('opens the board from the start page: every unit a slider at its level, grouped by dimension', async () => {
    const page = await open('/');
    await boardRendered(page);
    expect(new URL(page.url()).pathname).toBe(`/orgs/${ORG}`);
    expect(await page.locator('h1').textContent()).toBe(state.organization.name);
    const dimensions = state.organization.dimensions.filter((d) =>
      state.organization.units.some((u) => u.dimension === d.id),
    );
    expect(await page.locator('section.dimension h2').allTextContents()).toEqual(
      dimensions.map((d) => d.name),
    );
    expect(await page.locator('section.dimension .radar svg').count()).toBe(dimensions.length);
    for (const unit of state.organization.units) {
      const slider = page.locator(`[data-unit="${unit.id}"] [role="meter"]`);
      expect(await slider.getAttribute('aria-valuenow')).toBe(String(unit.level));
      expect(await slider.getAttribute('aria-valuemax')).toBe(String(unit.levels.length - 1));
    }
    expect(await page.locator('.timeline__item').first().textContent()).toContain('Organization created');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'board');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'board');
    // Nothing on a phone-sized page may be wider than the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });

  it('opens a unit from the board by keyboard: ladder, policy in plain words, readiness with reasons', async () => {
    const page = await open(`/orgs/${ORG}`);
    await boardRendered(page);
    const treasury = state.organization.units.find((u) => u.id === 'treasury')!;
    await page.locator(`a[href="/orgs/${ORG}/units/treasury"]`).first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#readiness');
    expect(new URL(page.url()).pathname).toBe(`/orgs/${ORG}/units/treasury`);
    expect(await page.locator('h1').textContent()).toBe(treasury.name);
    expect(await page.locator('.ladder__step').count()).toBe(treasury.levels.length);
    expect(await page.locator('.ladder__step[aria-current="step"] strong').textContent()).toBe(
      treasury.levels[treasury.level]!.name,
    );
    // The words `devolve explain` prints, from the same function.
    const explanation = explainUnit({ organization: state.organization, unit: 'treasury' });
    const today = page.locator('section[aria-labelledby="today"]');
    expect(await today.locator('dd').allTextContents()).toEqual([
      explanation.today.policy.propose,
      explanation.today.policy.consultation,
      explanation.today.policy.decide,
      explanation.today.policy.veto,
      explanation.today.policy.delay,
      explanation.today.policy.rationale,
    ]);
    const plan = (await (await fetch(`${demo.server.url}/api/orgs/${ORG}/plan`)).json()) as {
      plan: {
        assessments: { unit: string; readiness?: { children?: { reason: string }[]; reason: string } }[];
      };
    };
    const readiness = plan.plan.assessments.find((a) => a.unit === 'treasury')?.readiness;
    expect(readiness).toBeDefined();
    const reasons = readiness!.children?.map((c) => c.reason) ?? [readiness!.reason];
    const shown = await page
      .locator(
        '#readiness ~ .criteria .criterion__reason, section[aria-labelledby="readiness"] .criterion__reason',
      )
      .allTextContents();
    for (const reason of reasons) expect(shown).toContain(reason);
    expect(
      await page.locator('section[aria-labelledby="decisions"] a.unit-proposals').getAttribute('href'),
    ).toMatch(new RegExp(`^/orgs/${ORG}/units/[a-z-]+/proposals$`));
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'unit');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'unit');
    await page.close();
  });

  it('shows the public page without a key, with the head to verify against, and prints without the chrome', async () => {
    const page = await open(`/public/${ORG}`);
    await page.waitForSelector('code.hash');
    expect(await page.locator('code.hash').textContent()).toBe(state.head);
    expect(await page.locator('pre.commands').textContent()).toContain(
      `devolve verify ${ORG}.jsonl --head ${state.head}`,
    );
    expect(await page.locator('article.report').count()).toBe(state.organization.units.length);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'public');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(PHONE);
    await screenshot(page, 'public');
    await page.close();
  });

  it('shows a change recorded through the API without a reload: slider, timeline and public page', async () => {
    const board = await open(`/orgs/${ORG}`);
    const publicPage = await open(`/public/${ORG}`);
    await boardRendered(board);
    await publicPage.waitForSelector('code.hash');
    // A marker that a reload would wipe.
    await board.evaluate('window.stillTheSamePage = true');
    const brand = board.locator('[data-unit="brand"] [role="meter"]');
    expect(await brand.getAttribute('aria-valuetext')).toContain('target Consultative');

    // brand is at its founder level, so its founder may retarget its slider by amending the charter
    // (its level itself moves only through an executed slider-move proposal).
    const signed = demo.dao.amend({
      head: state.head,
      edit: (charter) => {
        unitOf(charter, 'brand')['target'] = 'delegated';
      },
    });
    const response = await fetch(`${demo.server.url}/api/orgs/${ORG}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signed),
    });
    expect(response.status).toBe(201);
    const { event } = (await response.json()) as { event: { hash: string } };

    await board.locator('[data-unit="brand"] [role="meter"][aria-valuetext*="target Delegated"]').waitFor();
    await board
      .locator('.timeline__item')
      .first()
      .filter({ hasText: 'Brand & trademark target set to Delegated' })
      .waitFor();
    expect(await board.evaluate('window.stillTheSamePage')).toBe(true);
    await publicPage.locator(`code.hash[data-head="${event.hash}"]`).waitFor();
    expect(await publicPage.locator('[data-unit="brand"] .report__head').textContent()).toContain(
      'target Delegated',
    );
    await screenshot(board, 'board-after-retarget');
    await board.close();
    await publicPage.close();
  });

  it('says so, readably, when an organization does not exist', async () => {
    const page = await open('/orgs/no-such-org');
    await page.waitForSelector('[role="alert"]');
    expect(await page.locator('[role="alert"] code').textContent()).toBe('organization/not-found');
    await page.close();
    // The 404 the page's own request met is expected here; no other error is.
    const expected = (line: string) => line.includes('/orgs/no-such-org') && line.includes('404');
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((line) => !expected(line)));
  });

  it('logged no console errors on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
