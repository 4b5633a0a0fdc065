import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry } from '@orrery/registry';
import {
  createRegistryClient,
  USAGE_REPORT_VERSION,
  usageOperationId,
  type CheckList,
  type CheckResult,
  type UsageOperation,
  type UsageView,
} from '@orrery/registry-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runOrrery, SCHEMAS } from './registry-helpers.js';

// Schema checks, check history and usage through the installed binary, against a real registry
// (PGlite in a temporary directory, port 0) started in this process. shop@prod gets the `users`
// and `points` subgraphs and a day of traffic from two clients running `GetMe`, which selects
// `User.name`; the checks then remove a used field, an unused one, and so on. The tests run in
// order and build on each other (check ids, the list).

// Each step spawns the binary and the registry composes: seconds each on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let dir: string;
let registry: Awaited<ReturnType<typeof startRegistry>>;
let adminKey: string;

const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@tag"])\n`;
const PROPOSALS = {
  /** `users` without `User.name`, which GetMe selects. */
  usersNoName: `${LINK}type Query { me: User }\ntype User @key(fields: "id") { id: ID! secret: String @tag(name: "internal") }\n`,
  /** `users` without `User.secret`, which no operation selects. */
  usersNoSecret: `${LINK}type Query { me: User }\ntype User @key(fields: "id") { id: ID! name: String }\n`,
};

/** `query GetMe { me { id name } }` as a gateway reports it. */
const GET_ME: UsageOperation = {
  name: 'GetMe',
  type: 'query',
  signature: 'query GetMe{me{id name}}',
  coordinates: ['ID', 'Query', 'Query.me', 'String', 'User', 'User.id', 'User.name'],
};
const GET_ME_ID = usageOperationId(GET_ME);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orrery-checks-cli-'));
  for (const [name, sdl] of Object.entries({ ...SCHEMAS, ...PROPOSALS })) {
    writeFileSync(join(dir, `${name}.graphql`), sdl);
  }
  registry = await startRegistry({ port: 0, dataDir: join(dir, 'data'), env: {} });
  adminKey = registry.adminKey!;
  const client = createRegistryClient({ url: registry.url, key: adminKey });
  for (const [name, sdl] of [
    ['users', SCHEMAS.users],
    ['points', SCHEMAS.points],
  ] as const) {
    const published = await client.publishSubgraph('shop@prod', name, {
      sdl,
      url: `http://${name}:4001/graphql`,
    });
    expect(published.errors).toEqual([]);
  }
  // Ten minutes ago, on a minute boundary: inside any validation period.
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000).toISOString();
  const ingested = await client.reportUsage('shop@prod', {
    version: USAGE_REPORT_VERSION,
    agent: 'checks.e2e',
    operations: { [GET_ME_ID]: GET_ME },
    rows: [
      {
        operationId: GET_ME_ID,
        clientName: 'web',
        clientVersion: '1.2.0',
        minute,
        count: 40,
        errors: 0,
      },
      {
        operationId: GET_ME_ID,
        clientName: 'ios',
        clientVersion: '3.0',
        minute,
        count: 2,
        errors: 1,
      },
    ],
  });
  expect(ingested).toMatchObject({ accepted: 2, rejected: 0 });
}, 180_000);

afterAll(async () => {
  await registry?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The binary as an admin of the test registry (HOME is the temp dir: no user config). */
const orrery = (args: string[], env: Record<string, string> = {}) =>
  runOrrery(args, {
    cwd: dir,
    env: { HOME: dir, ORRERY_REGISTRY_URL: registry.url, ORRERY_KEY: adminKey, ...env },
  });

const check = (schema: string, ...more: string[]) =>
  orrery(['subgraph', 'check', 'shop@prod', '--name', 'users', '--schema', schema, ...more]);

const lastLine = (stdout: string) => stdout.trimEnd().split('\n').at(-1);

describe('orrery subgraph check', () => {
  it('fails when a removed field is used, naming the operation and its clients', async () => {
    const result = await check('usersNoName.graphql');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^Check 1 of the 'users' subgraph against 'shop@prod'/);
    expect(result.stdout).toMatch(/\n {2}breaking +FIELD_REMOVED +User\.name +broken +1 +42 /);
    expect(result.stdout).toMatch(
      /\n {2}GetMe +query +broken +42 +.*web@1\.2\.0 \(40\), ios@3\.0 \(2\)/,
    );
    expect(result.stdout).toContain('/checks/1\n');
    expect(lastLine(result.stdout)).toBe('Check failed: 1 breaking change affects 1 operation');
  });

  it('passes when the removed field is unused', async () => {
    const result = await check('usersNoSecret.graphql');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\n {2}breaking +FIELD_REMOVED +User\.secret +unused +0 +0 /);
    expect(lastLine(result.stdout)).toBe('Check passed');
  });

  it('passes the used removal when its clients are excluded', async () => {
    const result = await check(
      'usersNoName.graphql',
      '--exclude-client',
      'web',
      '--exclude-client',
      'ios@3.0',
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('excluding clients web, ios@3.0');
    expect(lastLine(result.stdout)).toBe('Check passed');
    // Only one client excluded: the other still breaks.
    const half = await check('usersNoName.graphql', '--exclude-client', 'web');
    expect(half.status).toBe(1);
    expect(half.stdout).toMatch(/GetMe +query +broken +2 /);
  });

  it('passes when the operation is under --query-count-threshold', async () => {
    const result = await check('usersNoName.graphql', '--query-count-threshold', '100');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/User\.name +unused/);
  });

  it('prints the CheckResult with --format json, with the context from ORRERY_VCS_*', async () => {
    const result = await orrery(
      [
        'subgraph',
        'check',
        'shop@prod',
        '--name',
        'users',
        '--schema',
        'usersNoName.graphql',
        '--validation-period',
        '2w',
        '--format',
        'json',
      ],
      { ORRERY_VCS_BRANCH: 'drop-name', ORRERY_VCS_COMMIT: 'c0ffee', ORRERY_VCS_AUTHOR: 'Ada' },
    );
    expect(result.status).toBe(1);
    const body = JSON.parse(result.stdout) as CheckResult & { ok: boolean };
    expect(body.ok).toBe(false);
    expect(body.status).toBe('failed');
    expect(body.subgraph).toBe('users');
    expect(body.config.validationPeriodSeconds).toBe(1_209_600);
    expect(body.context).toEqual({ branch: 'drop-name', commit: 'c0ffee', author: 'Ada' });
    const [operation] = body.operations.affectedOperations;
    expect(operation).toMatchObject({
      operationId: GET_ME_ID,
      name: 'GetMe',
      requests: 42,
      classification: 'broken',
    });
    expect(operation!.clients).toEqual(
      expect.arrayContaining([
        { name: 'web', version: '1.2.0', requests: 40 },
        { name: 'ios', version: '3.0', requests: 2 },
      ]),
    );
  });

  it('reports a composition failure with its errors, exit 1', async () => {
    const result = await orrery([
      'subgraph',
      'check',
      'shop@prod',
      '--name',
      'points',
      '--schema',
      'conflicting.graphql',
    ]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/composition +failed/);
    expect(result.stdout).toMatch(/\n {2}Error {2}[A-Z_]+ \[/);
    expect(lastLine(result.stdout)).toMatch(/^Check failed: composition failed with \d+ errors?$/);
  });

  it('refuses --variant-traffic of another graph as a usage error (exit 2)', async () => {
    const result = await check('usersNoName.graphql', '--variant-traffic', 'books@prod');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('not a variant of the checked graph "shop"');
  });
});

describe('orrery service:check', () => {
  it('checks with the Apollo CLI flags, same output and exit code', async () => {
    const result = await orrery([
      'service:check',
      '--graph',
      'shop',
      '--tag',
      'prod',
      '--serviceName',
      'users',
      '--localSchemaFile',
      'usersNoName.graphql',
    ]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/against 'shop@prod'/);
    expect(lastLine(result.stdout)).toBe('Check failed: 1 breaking change affects 1 operation');
  });
});

describe('orrery check list / check show', () => {
  it('lists the stored checks, newest first', async () => {
    const result = await orrery(['check', 'list', 'shop@prod']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^id +status +subgraph +changes +breaking +affected ops +by +when$/);
    expect(lines[2]).toMatch(/^\d+ +failed +users +/);
    // The first check: failed, users, one breaking change affecting one operation.
    expect(lines.find((l) => /^1 /.test(l))).toMatch(/^1 +failed +users +1 +1 +1 +admin /);
    const json = await orrery(['check', 'list', 'shop@prod', '--limit', '2', '--format', 'json']);
    const list = JSON.parse(json.stdout) as CheckList & { ok: boolean };
    expect(list.ok).toBe(true);
    expect(list.checks).toHaveLength(2);
    expect(list.checks[0]!.id).toBeGreaterThan(list.checks[1]!.id);
    expect(list.nextBefore).toBe(list.checks[1]!.id);
  });

  it('shows a stored check as it was printed', async () => {
    const result = await orrery(['check', 'show', 'shop@prod', '1']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Check 1 of the 'users' subgraph against 'shop@prod'/);
    expect(result.stdout).toMatch(/\n {2}GetMe +query +broken +42 /);
    expect(lastLine(result.stdout)).toBe('Check failed: 1 breaking change affects 1 operation');
    const missing = await orrery(['check', 'show', 'shop@prod', '999']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^NOT_FOUND /);
  });
});

describe('orrery usage', () => {
  it('lists the operations and clients that used a coordinate', async () => {
    const result = await orrery(['usage', 'shop@prod', '--coordinate', 'User.name']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^Usage of 'User\.name' in 'shop@prod', .* \(prod\): 42 requests in all\n/,
    );
    expect(result.stdout).toMatch(
      /\nGetMe +query +42 +100% +1 +web@1\.2\.0 \(40\), ios@3\.0 \(2\)/,
    );
    expect(result.stdout).toMatch(/\n {2}web@1\.2\.0 +40\n {2}ios@3\.0 +2\n/);
    const unused = await orrery(['usage', 'shop@prod', '--coordinate', 'User.secret']);
    expect(unused.status).toBe(0);
    expect(unused.stdout).toContain("No operation used 'User.secret' in the period");
  });

  it('lists the most used operations without --coordinate, and as JSON', async () => {
    const result = await orrery(['usage', 'shop@prod', '--period', '24h', '--format', 'json']);
    expect(result.status).toBe(0);
    const view = JSON.parse(result.stdout) as UsageView & { ok: boolean };
    expect(view.ok).toBe(true);
    expect(view.totalRequests).toBe(42);
    expect(view.operations.map((o) => [o.name, o.requests, o.errors])).toEqual([['GetMe', 42, 1]]);
    // Another variant's traffic: none.
    const other = await orrery(['usage', 'shop@prod', '--variants', 'canary']);
    expect(other.status).toBe(0);
    expect(other.stdout).toContain('No operations reported in the period');
  });
});
