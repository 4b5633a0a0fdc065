/**
 * The sandbox in a real browser: headless Debian Chromium through playwright-core loads the page
 * from a running gateway, runs an operation, and shows its data and its query plan. The bundle
 * is built first with the same function the package build uses, so the test needs no prior
 * build. A screenshot is kept in test/artifacts/ (git-ignored).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createQueryPlanner, printQueryPlan } from '@orrery/query-planner';
import { parse } from 'graphql';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, createServer, type Gateway } from '../src/index.js';
import { buildSandbox } from '../src/sandbox/build-sandbox.js';
import {
  mockSubgraphs,
  REVIEWS_URL,
  reviewsSubgraph,
  supergraphSdl,
  USERS_URL,
  usersSubgraph,
} from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
/**
 * Debian's Chromium is not part of "only Node and npm": without it this file is skipped with a
 * note, except in CI (`.ci/run` installs it), where a missing browser must fail, not hide.
 */
const RUN = existsSync(CHROMIUM) || Boolean(process.env['CI']);
if (!RUN) console.warn(`sandbox.e2e.ts skipped: no browser at ${CHROMIUM} (apt install chromium)`);
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const SUPERGRAPH = supergraphSdl();
const QUERY = 'query Reviews {\n  users {\n    name\n    reviews {\n      body\n    }\n  }\n}';

let dir: string;
let gateway: Gateway;
let server: Server;
let origin: string;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  if (!RUN) return;
  dir = await mkdtemp(join(tmpdir(), 'orrery-sandbox-e2e-'));
  await buildSandbox({ outdir: join(dir, 'assets') });
  const { agent } = mockSubgraphs({ [USERS_URL]: usersSubgraph, [REVIEWS_URL]: reviewsSubgraph });
  gateway = createGateway({
    supergraph: SUPERGRAPH,
    dispatcher: agent,
    sandbox: { assetsDir: join(dir, 'assets'), defaultQuery: QUERY },
  });
  server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 860 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) foreignRequests.push(url);
  });
}, 120_000);

afterAll(async () => {
  if (!RUN) return;
  await context?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await gateway?.close();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!RUN)('the sandbox in Chromium', () => {
  it('loads, runs an operation, and shows the data and its plan as fetches per subgraph', async () => {
    await page.goto(`${origin}/`);
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText()).toContain('users');
    await page.locator('[data-testid="plan-panel"]').waitFor();

    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('Grace');
    const shown = await result.innerText();
    for (const text of ['"Ada"', '"Alan"', '"Great"', '"Meh"']) expect(shown).toContain(text);
    // The plan goes to the panel, not into the result.
    expect(shown).not.toContain('queryPlan');

    const fetches = page.locator('[data-testid="plan-fetch"]');
    await expect.poll(() => fetches.count()).toBe(2);
    expect(
      await fetches.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-subgraph'))),
    ).toEqual(['users', 'reviews']);
    expect(await fetches.nth(1).innerText()).toContain('at users.@');
    expect(await page.locator('[data-testid="plan-summary"]').innerText()).toBe('2 fetches');

    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'sandbox.png') });

    // The text view is the plan in Apollo's format, as the planner prints it.
    await page.getByRole('tab', { name: 'Text' }).click();
    const planned = createQueryPlanner(SUPERGRAPH).plan(parse(QUERY));
    if (!planned.ok) throw new Error('not plannable');
    expect(await page.locator('[data-testid="plan-text"]').innerText()).toBe(
      printQueryPlan(planned.plan),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'sandbox-plan-text.png') });

    // Editing the operation re-plans it without running it (a dry run), so the panel follows the
    // editor before the next run.
    await page.getByRole('tab', { name: 'Tree' }).click();
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('{ me { name } }');
    await expect
      .poll(() => page.locator('[data-testid="plan-summary"]').innerText(), { timeout: 15_000 })
      .toBe('1 fetch (not run yet)');
    expect(
      await fetches.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-subgraph'))),
    ).toEqual(['users']);

    expect(problems).toEqual([]);
    // Everything came from the gateway: no CDN, no other origin.
    expect(foreignRequests).toEqual([]);
  });
});
