/**
 * Every demo scenario, as a user runs it: `node apps/demo/dist/main.js scenario NAME` in a child
 * process (the stack never runs in the vitest process: @apollo/server's ESM graphql next to
 * @apollo/subgraph's CommonJS one would be two graphql instances). Each must exit 0, its
 * background client must report zero failures over real traffic, and its narration must show
 * the registry's and gateways' answers the seed describes.
 *
 * Requires the built CLI and demo (`npm test` builds first; alone:
 * `node scripts/pnpm.mjs exec turbo run build --filter @orrery/cli --filter @orrery/demo`).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

interface Run {
  readonly code: number | null;
  readonly output: string;
}

/** Runs one scenario on its own ports (`5200 + 200 * number`: gateway, registry at +100). */
function runScenario(name: string, number: number): Promise<Run> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the demo first`);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [MAIN, 'scenario', name, '--port-base', String(5200 + 200 * number)],
      { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const chunks: string[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => chunks.push(d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output: chunks.join('') }));
  });
}

/** Exit 0, and the background client sent real traffic and saw nothing fail. */
function expectClean(run: Run): void {
  const client = /background client: (\d+) requests, (\d+) failed/.exec(run.output);
  expect(client, run.output).not.toBeNull();
  expect(Number(client![1]), 'requests sent').toBeGreaterThanOrEqual(20);
  expect({ failed: Number(client![2]), code: run.code }, run.output).toEqual({
    failed: 0,
    code: 0,
  });
}

// Registry start (PGlite) can take a minute on a loaded machine; a scenario starts one and
// sometimes a few gateways.
const TIMEOUT = 600_000;

describe('demo scenarios (npm run demo -- scenario NAME)', { timeout: TIMEOUT }, () => {
  it('1 remove-email-channel: publish first, then deploy; the planner stops calling email', async () => {
    const run = await runScenario('remove-email-channel', 1);
    expectClean(run);
    expect(run.output).toMatch(/Fetch\(service: "email"\)/);
    expect(run.output).toMatch(/FIELD_REMOVED\s+breaking\s+EmailChannel\.emailAddress/);
    expect(run.output).toMatch(/no fetch to the email service/);
    expect(run.output).toMatch(/deployed email v2 at/);
    expect(run.output.match(/registry: launch \d+/g)).toHaveLength(2);
  });

  it('2 requires-in-place: the four steps, the gateway sends name instead of nameLowercase', async () => {
    const run = await runScenario('requires-in-place', 2);
    expectClean(run);
    expect(run.output).toMatch(/the gateway sends reviews: __typename upc nameLowercase\n/);
    expect(run.output).toMatch(/the gateway sends reviews: __typename upc name\n/);
    expect(run.output).toMatch(/\[step 4\/4\] deploy reviews v4/);
    expect(run.output).toMatch(/"headline":"table: Sturdy and handsome\."/);
  });

  it('3 requires-atomic: the new URL takes every request at once', async () => {
    const run = await runScenario('requires-atomic', 3);
    expectClean(run);
    expect(run.output).toMatch(/--routing-url http:\/\/127\.0\.0\.1:5825\/graphql/);
    expect(run.output).toMatch(/requests: old \d+ \(0 in the last 1\.5 s\), new \d+/);
    expect(run.output).toMatch(/the gateway sends __typename upc name to/);
  });

  it('4 canary: checks pass, the canary serves the change first, then prod', async () => {
    const run = await runScenario('canary', 4);
    expectClean(run);
    expect(run.output.match(/^\s+Check passed$/gm)).toHaveLength(2);
    expect(run.output).toMatch(/User\.nickname served: \{"prod":false,"canary":true\}/);
    expect(run.output).toMatch(/registry: launch \d+ of demo@prod-canary/);
    expect(run.output).toMatch(
      /in 3 s the background client sent \d+ requests \(half of them to the canary\), 0 failed/,
    );
    expect(run.output).toMatch(/gateway prod: \{"me":\{"name":"Ada Lovelace","nickname":"ADA"\}\}/);
  });

  it('5 failed-composition: recorded, launch failed, the gateway keeps serving', async () => {
    const run = await runScenario('failed-composition', 5);
    expectClean(run);
    const failed = /\(launch (\d+) failed with 1 error\)/.exec(run.output);
    expect(failed, run.output).not.toBeNull();
    expect(run.output).toMatch(/INVALID_FIELD_SHARING \[inventory, products\]/);
    expect(run.output).toMatch(/The gateway for the 'demo@prod' graph was NOT updated/);
    expect(run.output).toMatch(
      new RegExp(`\\n\\s+${failed![1]}\\s+failed \\(1\\)\\s+publish inventory`),
    );
    expect(run.output).toMatch(
      /gateway prod: \{"topProducts":\[\{"upc":"1","shippingEstimate":50\}/,
    );
    expect(run.output).toMatch(/registry: launch \d+ succeeded/);
  });

  it('6 usage-check: fails naming the operation and client, passes once usage is gone', async () => {
    const run = await runScenario('usage-check', 6);
    expectClean(run);
    expect(run.output).toMatch(/ProfileCard\s+query\s+broken\s+\d+\s+100%\s+web-app@1\.4\.0/);
    expect(run.output).toMatch(/Check failed: 1 breaking change affects 1 operation/);
    expect(run.output).toMatch(/excluding clients web-app@1\.4\.0/);
    expect(run.output).toMatch(/FIELD_REMOVED\s+User\.username\s+unused/);
    // Passes twice: over a 30 s window after 1.4.0's last request, then over 7 days without it.
    expect(run.output).toMatch(/no operation in the window uses User\.username: the check passes/);
    expect(run.output.match(/\n\s+Check passed\n/g)).toHaveLength(2);
    expect(run.output).toMatch(/the gateway no longer serves User\.username/);
  });

  it('7 concurrent-changes: the check against demo@current catches the conflict', async () => {
    const run = await runScenario('concurrent-changes', 7);
    expectClean(run);
    expect(run.output).toMatch(/registry: launch \d+ of demo@current \(not released to prod\)/);
    expect(run.output).toMatch(
      /against 'demo@current'[^]*INVALID_FIELD_SHARING \[inventory, products\] Non-shareable field "Product\.name"[^]*Check failed: composition failed/,
    );
    expect(run.output.match(/^\s+Check passed$/gm)).toHaveLength(3);
  });

  it('8 staged-release: alpha, then beta, then GA gateways serve the new field', async () => {
    const run = await runScenario('staged-release', 8);
    expectClean(run);
    for (const stage of ['alpha', 'beta', 'ga'])
      expect(run.output).toMatch(new RegExp(`Created the contract 'demo@${stage}'`));
    expect(run.output).toMatch(/description served by: alpha \(/);
    expect(run.output).toMatch(/description served by: alpha, beta \(/);
    expect(run.output).toMatch(/description served by: alpha, beta, ga \(/);
    expect(run.output).toMatch(/gateway ga: errors \["Cannot query field \\"description\\"/);
    expect(run.output).toMatch(
      /gateway ga: \{"topProducts":\[\{"upc":"1","description":"Table, 100 kg"\}/,
    );
  });

  it('9 registry-down: a gateway restarted during the outage serves its cached launch', async () => {
    const run = await runScenario('registry-down', 9);
    expectClean(run);
    expect(run.output).toMatch(/serving cached launch \d+ of demo@prod/);
    expect(run.output).toMatch(
      /gateway prod-2: \{"me":\{"name":"Ada Lovelace","username":"ada"\}\}/,
    );
    expect(run.output).toMatch(/both gateways serve User\.nickname/);
  });
});
