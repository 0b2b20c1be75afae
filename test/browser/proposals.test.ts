import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type Hex, hexToString, isHex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCharter } from '../../src/core/charter/loadCharter.js';
import { proposalDetail } from '../../src/core/governance/views/proposalView.js';
import { generateEd25519 } from '../../src/identity/ed25519.js';
import { readKeyFile } from '../../src/identity/keyFile.js';
import { publicIdentityOf, signAction } from '../../src/identity/signAction.js';
import { type RunningServer, startServer } from '../../src/server/startServer.js';
import { createPgliteStore } from '../../src/store/createPgliteStore.js';
import type { EventStore } from '../../src/store/EventStore.js';
import { describeWithChromium, launchChromiumBrowser } from './support/chromium.js';
import { accessibilityProblems, screenshotInto } from './support/pageChecks.js';

const ORG = 'riverside-coop';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const DAY_MS = 86_400_000;

/**
 * An organization made for this test: a founder whose key the test holds, and three team members
 * with no key — ana and ben register Ed25519 keys made in their own browsers, cara her wallet's
 * account. Editorial is at Transparent, where the team decides by simple majority over three days
 * (the default ladder), with no readiness criteria before Consultative.
 */
const CHARTER = (founderKey: string) => `
devolve: 1
organization: { id: ${ORG}, name: Riverside Co-op, kind: company }
members:
  - { id: fran, name: Fran Osei, key: "${founderKey}" }
  - { id: ana, name: Ana Alves }
  - { id: ben, name: Ben Brooks }
  - { id: cara, name: Cara Chen }
roles:
  - { id: founders, name: Founders, scope: team, members: [fran] }
  - { id: team, name: Team, scope: team, members: [ana, ben, cara] }
  - { id: council, name: Council, scope: council, members: [fran] }
  - { id: community, name: Community, scope: community, open: true }
defaults:
  roles: { team: [team], council: [council], community: [community], guardian: [council] }
units:
  - id: editorial
    name: Editorial
    dimension: community
    description: What the co-op's newsletter publishes, and who edits it.
    owners: [founders]
    level: transparent
    since: 2026-01-01
    target: consultative
`;

describeWithChromium('proposals in the dashboard, signed in the browser', () => {
  let dir: string;
  let shots: string;
  let store: EventStore;
  let server: RunningServer;
  let browser: Browser;
  /** The server's clock runs this far ahead of the real one: voting periods pass in an instant. */
  let offsetMs = 0;
  const consoleErrors: string[] = [];
  /** While true, the browser's own report of a refused request is expected, not an error. */
  let refusalExpected = false;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'devolve-proposals-'));
    shots = join(dir, 'test-output', 'screenshots');
    mkdirSync(shots, { recursive: true });
    console.log(`proposal screenshots: ${shots}`);
    store = await createPgliteStore();
    const founder = { type: 'ed25519' as const, secret: generateEd25519().secret };
    const loaded = loadCharter({ text: CHARTER(publicIdentityOf(founder)), file: 'devolve.yaml' });
    if (!loaded.ok) throw new Error(`the test charter does not load: ${JSON.stringify(loaded.errors[0])}`);
    await store.createOrganization({
      signed: signAction({
        key: founder,
        org: ORG,
        kind: 'org.create',
        actor: 'fran',
        payload: { charter: loaded.input },
        head: null,
        now: new Date(),
      }),
      now: new Date(),
    });
    server = await startServer({
      store,
      port: 0,
      host: '127.0.0.1',
      clock: () => new Date(Date.now() + offsetMs),
    });
    browser = await launchChromiumBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  /** A browser context of its own: its own IndexedDB, so its own keys. */
  async function member(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: DESKTOP });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return context;
  }

  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (refusalExpected && message.text().startsWith('Failed to load resource')) return;
      consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    await page.goto(`${server.url}${path}`);
    return page;
  }

  const screenshot = (page: Page, name: string) => screenshotInto(shots, page, name);

  /** Acts as `id` with a new key made in this browser, registered with `key.register` from the page. */
  async function becomeMember(page: Page, id: string, name: string): Promise<void> {
    await page.locator('#acting-as').selectOption(id);
    await page.getByText('Manage keys in this browser').click();
    await page.locator('#new-key-name').fill(`${id}-browser`);
    await page.getByRole('checkbox', { name: /Exportable/ }).check();
    await page.getByRole('button', { name: 'Make a key' }).click();
    await page.getByRole('button', { name: `Register this key as ${id}` }).click();
    // The page follows the log: once the registration is recorded the member shows as registered.
    await page.getByText(`Signing as ${name} with their registered key.`).waitFor();
  }

  async function vote(page: Page, choice: string, reason: string): Promise<void> {
    await page.getByRole('radio', { name: choice, exact: true }).check();
    await page.locator('#vote-reason').fill(reason);
    await page.getByRole('button', { name: 'Sign and cast the vote' }).click();
  }

  const readProposal = async () =>
    proposalDetail({
      state: await store.readState({ org: ORG }),
      id: 'editorial-1',
      now: Date.now() + offsetMs,
    });

  it('opens the board, a unit and its proposals, and opens a slider move signed with a key made in the browser', async () => {
    const ana = await member();
    const page = await open(ana, `/orgs/${ORG}`);
    await page.waitForSelector('.board[data-rendered]');
    await page.getByRole('link', { name: 'Editorial', exact: true }).first().click();
    await page.getByRole('link', { name: 'see and open proposals on Editorial' }).click();
    await page.getByRole('heading', { name: 'Proposals on Editorial' }).waitFor();
    expect(await page.getByText('No proposals yet.').isVisible()).toBe(true);

    await becomeMember(page, 'ana', 'Ana Alves');
    expect((await store.readState({ org: ORG })).keys['ana']).toMatch(/^ed25519:/);

    await page.locator('#new-kind').selectOption('slider-move');
    expect(await page.locator('#new-to').inputValue()).toBe('consultative');
    await page.locator('#new-title').fill('Open the editorial calendar to comment');
    await page.getByRole('button', { name: 'Sign and open the proposal' }).click();
    await page.waitForURL(`**/orgs/${ORG}/proposals/editorial-1`);
    await page.getByRole('heading', { name: 'Open the editorial calendar to comment' }).waitFor();
    expect(await page.locator('.proposal-state').getAttribute('data-phase')).toBe('voting');
    // The policy it runs under, in words, and the countdown to the end of the vote (3 days).
    expect(await page.locator('#policy ~ dl').textContent()).toContain('simple majority');
    expect(await page.locator('.next').textContent()).toMatch(/in (2 d 23 h|3 d)/);

    await vote(page, 'For', 'Readers asked for it twice this year');
    await page.locator('[data-voter="ana"]').waitFor();
    expect(await page.locator('[data-voter="ana"]').textContent()).toContain(
      'Readers asked for it twice this year',
    );
    const recorded = await readProposal();
    expect(recorded?.ballots).toHaveLength(1);
  });

  it("exports the browser's key as a key file the CLI reads, and imports it into another browser", async () => {
    const [anaPage] = contexts[0]!.pages();
    await anaPage!.getByText('Manage keys in this browser').click();
    await anaPage!.getByRole('button', { name: 'Export the chosen key' }).click();
    const text = await anaPage!.locator('#exported-key').inputValue();
    const file = join(dir, 'ana-keys.json');
    writeFileSync(file, text, { mode: 0o600 });
    // The CLI's own reader checks the secret derives the public key it names.
    const [entry] = await readKeyFile({ file });
    expect(entry?.publicKey).toBe((await store.readState({ org: ORG })).keys['ana']);

    const laptop = await browser.newContext({ viewport: DESKTOP });
    laptop.setDefaultTimeout(15_000);
    const page = await laptop.newPage();
    await page.goto(`${server.url}/orgs/${ORG}/proposals/editorial-1`);
    await page.getByText('Manage keys in this browser').click();
    await page.locator('#import-key').fill(text);
    await page.getByRole('button', { name: 'Import the key' }).click();
    await page.locator('#acting-as').selectOption('ana');
    await page.getByText('Signing as Ana Alves with their registered key.').waitFor();
    // Imported without asking for it to stay exportable: it signs here, and never leaves.
    await page.getByRole('button', { name: 'Export the chosen key' }).click();
    expect(await page.locator('#signer-error').textContent()).toContain('non-exportable');
    await laptop.close();
  });

  it('counts a second member who votes from another browser with a key of their own; the first page updates live', async () => {
    const [anaPage] = contexts[0]!.pages();
    await anaPage!.evaluate('window.stillTheSamePage = true');
    const ben = await member();
    const page = await open(ben, `/orgs/${ORG}/proposals/editorial-1`);
    await becomeMember(page, 'ben', 'Ben Brooks');
    expect((await store.readState({ org: ORG })).keys['ben']).not.toBe(
      (await store.readState({ org: ORG })).keys['ana'],
    );
    await vote(page, 'For', 'Comments make the calendar better');
    await page.locator('[data-voter="ben"]').waitFor();
    // 2 for, 0 against: "for" leads with the weight of two one-vote members.
    await anaPage!.locator('[data-voter="ben"]').waitFor();
    expect(await anaPage!.locator('.tally__row', { hasText: 'for' }).first().textContent()).toContain('2');
    expect(await anaPage!.evaluate('window.stillTheSamePage')).toBe(true);
  });

  it('shows a wrongly signed request as a readable error beside the button, and records nothing', async () => {
    const [page] = contexts[1]!.pages();
    const before = (await readProposal())?.ballots.length;
    // The signature leaves the browser altered: the server must refuse it, and say why.
    await page!.route('**/api/orgs/*/actions', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { signature: string };
      const flipped = body.signature.startsWith('A')
        ? `B${body.signature.slice(1)}`
        : `A${body.signature.slice(1)}`;
      await route.continue({ postData: JSON.stringify({ ...body, signature: flipped }) });
    });
    refusalExpected = true;
    await vote(page!, 'Against', 'Changed my mind');
    const problem = page!.locator('form[aria-labelledby] [role="alert"]');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/Not recorded\..*signature/i);
    expect(await problem.locator('code').textContent()).toMatch(/^action\//);
    console.log(`a tampered signature is shown as: ${await problem.textContent()}`);
    await screenshot(page!, 'proposal-refused');
    // The button names the problem for screen readers.
    const described = await page!
      .getByRole('button', { name: 'Sign and cast the vote' })
      .getAttribute('aria-describedby');
    expect(await page!.locator(`#${described}`).count()).toBe(1);
    refusalExpected = false;
    await page!.unroute('**/api/orgs/*/actions');
    expect((await readProposal())?.ballots.length).toBe(before);
  });

  it('signs with an injected EIP-1193 wallet backed by a real account, and the server accepts it', async () => {
    const account = privateKeyToAccount(generatePrivateKey());
    const context = await member();
    // The wallet lives in this process: the page's window.ethereum sends each request here, where
    // a viem local account signs the EIP-712 typed data exactly as a wallet would.
    await context.exposeFunction('devolveTestWallet', async (method: string, params: unknown[]) => {
      if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [account.address];
      if (method === 'eth_signTypedData_v4') {
        const [address, text] = params as [string, string];
        if (address.toLowerCase() !== account.address.toLowerCase()) throw new Error('unknown account');
        const typed = JSON.parse(isHex(text) ? hexToString(text as Hex) : text);
        return account.signTypedData(typed);
      }
      throw new Error(`unsupported method ${method}`);
    });
    // A provider with nothing but the EIP-1193 request interface, as wallets inject it.
    await context.addInitScript(`window.ethereum = {
      request: ({ method, params }) => window.devolveTestWallet(method, params ?? []),
    };`);
    const page = await open(context, `/orgs/${ORG}/proposals/editorial-1`);
    await page.locator('#acting-as').selectOption('cara');
    await page.getByText('Manage keys in this browser').click();
    await page.getByRole('button', { name: 'Use my wallet (EIP-712)' }).click();
    await page.getByRole('button', { name: 'Register this key as cara' }).click();
    await page.getByText('Signing as Cara Chen with their registered key.').waitFor();
    expect((await store.readState({ org: ORG })).keys['cara']?.toLowerCase()).toBe(
      account.address.toLowerCase(),
    );
    await vote(page, 'Against', 'The calendar needs an editor first');
    await page.locator('[data-voter="cara"]').waitFor();
    const ballots = (await readProposal())?.ballots ?? [];
    expect(ballots.map((b) => [b.voter, (b.ballot as { choice: string }).choice])).toEqual([
      ['ana', 'for'],
      ['ben', 'for'],
      ['cara', 'against'],
    ]);
  });

  it('passes when the vote ends, executes from the page, and the slider, timeline and public page show the move', async () => {
    const [anaPage] = contexts[0]!.pages();
    const [benPage] = contexts[1]!.pages();
    // The vote runs three days; the server's clock moves past them (no event marks it: the
    // phase follows from the clock, so the page is reloaded to read it).
    offsetMs += 3 * DAY_MS + 60_000;
    await anaPage!.reload();
    await anaPage!.locator('.proposal-state[data-phase="passed"]').waitFor();
    // 2 for, 1 against: passed by simple majority.
    expect(await anaPage!.locator('#tally ~ p').first().textContent()).toContain('passed');
    await anaPage!.getByRole('button', { name: 'Sign and execute' }).click();
    await anaPage!.locator('.proposal-state[data-phase="executed"]').waitFor();
    // Ben's page, never reloaded, follows the log.
    await benPage!.locator('.proposal-state[data-phase="executed"]').waitFor();
    const state = await store.readState({ org: ORG });
    expect(state.levels['editorial']).toBe(2); // transparent (1) → consultative (2)

    await anaPage!.getByRole('link', { name: 'Board' }).click();
    const slider = anaPage!.locator('[data-unit="editorial"] [role="meter"]');
    await slider.waitFor();
    expect(await slider.getAttribute('aria-valuenow')).toBe('2');
    expect(await anaPage!.locator('.timeline').textContent()).toContain('Consultative');

    await anaPage!.goto(`${server.url}/orgs/${ORG}/units/editorial`);
    const decisions = anaPage!.locator('section[aria-labelledby="decisions"] li', {
      hasText: 'Open the editorial calendar to comment',
    });
    await decisions.waitFor();
    expect(await decisions.textContent()).toContain('Executed');

    const visitor = await member();
    const publicPage = await open(visitor, `/public/${ORG}`);
    await publicPage.locator('[data-unit="editorial"] .report__head').waitFor();
    expect(await publicPage.locator('[data-unit="editorial"] .report__head').textContent()).toContain(
      'Consultative',
    );
  });

  it('lays the proposal page out for desktop and phone, with no serious accessibility problem and no console error', async () => {
    const [page] = contexts[0]!.pages();
    await page!.goto(`${server.url}/orgs/${ORG}/proposals/editorial-1`);
    await page!.locator('.proposal-state[data-phase="executed"]').waitFor();
    await page!.getByText('Signing as Ana Alves with their registered key.').waitFor();
    expect(await accessibilityProblems(page!)).toEqual([]);
    await screenshot(page!, 'proposal');
    await page!.setViewportSize(PHONE);
    expect(await page!.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page!, 'proposal');
    await page!.setViewportSize(DESKTOP);
    await page!.goto(`${server.url}/orgs/${ORG}/proposals`);
    await page!.locator('[data-proposal="editorial-1"]').waitFor();
    expect(await accessibilityProblems(page!)).toEqual([]);
    await screenshot(page!, 'proposals');
    await page!.setViewportSize(PHONE);
    await screenshot(page!, 'proposals');
    expect(consoleErrors).toEqual([]);
  });
});
