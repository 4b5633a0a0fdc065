import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult, UsageView } from '@orrery/registry-client';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkReasons,
  checkVerdict,
  describeCheck,
} from '../src/commands/subgraph-check/render.js';
import {
  checkConfig,
  parseCount,
  parseDuration,
  parsePercentage,
  trafficVariants,
} from '../src/commands/subgraph-check/options.js';
import {
  contextFromEnv,
  contextFromGit,
  vcsContext,
} from '../src/commands/subgraph-check/vcs-context.js';
import { describeUsage } from '../src/commands/usage/render.js';
import { CliError, runCli } from '../src/index.js';
import { paintFor } from '../src/lib/output.js';
import {
  formatClients,
  formatPercent,
  formatPeriod,
  totalByClient,
} from '../src/lib/usage-format.js';
import {
  affected,
  brokenCheck,
  change,
  checkResult,
  contract,
  operationsTask,
} from './check-results.js';
import { memoryIo } from './helpers.js';

const plain = paintFor({ stdoutIsTTY: false, env: {} } as never);
const colour = paintFor({ stdoutIsTTY: true, env: {} } as never);
const SHOP_PROD = { graph: 'shop', variant: 'prod' };
const dir = mkdtempSync(join(tmpdir(), 'orrery-check-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The usage error a call throws: its message and exit code. */
function usageError(call: () => unknown): { message: string; exitCode: number } {
  try {
    call();
  } catch (error) {
    if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
    throw error;
  }
  throw new Error('expected a CliError');
}

describe('check flags', () => {
  it('reads periods as seconds, in rover’s units', () => {
    expect(parseDuration('7d', 'p')).toBe(604_800);
    expect(parseDuration('2w', 'p')).toBe(1_209_600);
    expect(parseDuration('24h', 'p')).toBe(86_400);
    expect(parseDuration('30m', 'p')).toBe(1800);
    expect(parseDuration('3600', 'p')).toBe(3600);
    expect(parseDuration('1w2d', 'p')).toBe(9 * 86_400);
  });

  it('refuses malformed periods, thresholds and percentages as usage errors', () => {
    for (const bad of ['7x', '', '0', '0d', 'd', '-5', '1.5h']) {
      const error = usageError(() => parseDuration(bad, 'validation-period'));
      expect(error.exitCode).toBe(2);
      expect(error.message).toContain('--validation-period');
    }
    expect(parseCount('10', 'query-count-threshold')).toBe(10);
    for (const bad of ['0', '-1', '2.5', 'ten']) {
      expect(usageError(() => parseCount(bad, 'query-count-threshold')).exitCode).toBe(2);
    }
    expect(parsePercentage('0.5', 'p')).toBe(0.5);
    expect(parsePercentage('5%', 'p')).toBe(5);
    expect(parsePercentage('100', 'p')).toBe(100);
    for (const bad of ['101', '-1', 'half', '']) {
      expect(usageError(() => parsePercentage(bad, 'p')).exitCode).toBe(2);
    }
  });

  it('takes --variant-traffic refs of the checked graph only', () => {
    expect(trafficVariants(['shop@prod', 'shop@canary', 'shop@prod'], SHOP_PROD)).toEqual([
      'prod',
      'canary',
    ]);
    expect(trafficVariants(['shop'], SHOP_PROD)).toEqual(['current']);
    const other = usageError(() => trafficVariants(['books@prod'], SHOP_PROD));
    expect(other.exitCode).toBe(2);
    expect(other.message).toContain('not a variant of the checked graph "shop"');
  });

  it('sends only what was given, so the registry’s defaults apply to the rest', () => {
    expect(checkConfig({}, SHOP_PROD)).toEqual({});
    expect(
      checkConfig(
        {
          validationPeriod: '2w',
          queryCountThreshold: '5',
          queryPercentageThreshold: '0.5',
          excludeClients: ['web', 'ios@1.0.0'],
          excludeOperations: ['GetMe', ''],
          variantTraffic: ['shop@prod', 'shop@canary'],
          failOnDangerous: true,
          planRegressions: 'fail',
        },
        SHOP_PROD,
      ),
    ).toEqual({
      validationPeriodSeconds: 1_209_600,
      queryCountThreshold: 5,
      queryPercentageThreshold: 0.5,
      excludedClients: ['web', 'ios@1.0.0'],
      excludedOperations: ['GetMe'],
      trafficVariants: ['prod', 'canary'],
      failOnDangerous: true,
      planRegressions: 'fail',
    });
    expect(usageError(() => checkConfig({ planRegressions: 'loud' }, SHOP_PROD)).message).toBe(
      '--plan-regressions must be warn, fail or off, not "loud"',
    );
    expect(usageError(() => checkConfig({ excludeClients: ['@1.0'] }, SHOP_PROD)).exitCode).toBe(2);
  });
});

describe('check context', () => {
  it('reads GitHub Actions, with the pull request’s source branch', () => {
    expect(
      contextFromEnv({
        GITHUB_SHA: 'abc123',
        GITHUB_REF_NAME: '42/merge',
        GITHUB_HEAD_REF: 'feature/x',
        GITHUB_ACTOR: 'octocat',
      }),
    ).toEqual({ branch: 'feature/x', commit: 'abc123', author: 'octocat' });
    expect(
      contextFromEnv({ GITHUB_SHA: 'abc123', GITHUB_REF_NAME: 'main', GITHUB_HEAD_REF: '' }),
    ).toEqual({ branch: 'main', commit: 'abc123' });
  });

  it('reads GitLab CI, and ORRERY_VCS_* over any CI', () => {
    expect(
      contextFromEnv({
        CI_COMMIT_SHA: 'def456',
        CI_COMMIT_REF_NAME: 'develop',
        CI_COMMIT_AUTHOR: 'Ada <ada@example.com>',
        CI_COMMIT_MESSAGE: 'Remove User.name\n\nlong body',
        ORRERY_VCS_BRANCH: 'release',
      }),
    ).toEqual({
      branch: 'release',
      commit: 'def456',
      author: 'Ada <ada@example.com>',
      message: 'Remove User.name\n\nlong body',
    });
    expect(contextFromEnv({})).toEqual({});
  });

  it('reads git, and leaves out what a detached HEAD or no repository cannot give', async () => {
    const repo = join(dir, 'repo');
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
    execFileSync('git', ['init', '-q', '-b', 'topic', repo]);
    writeFileSync(join(repo, 'users.graphql'), 'type Query { me: String }\n');
    git('add', 'users.graphql');
    git('-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', 'commit', '-qm', 'Add users');
    const sha = git('rev-parse', 'HEAD');
    expect(await contextFromGit(repo)).toEqual({
      branch: 'topic',
      commit: sha,
      author: 'Ada <ada@example.com>',
      message: 'Add users',
    });
    git('checkout', '-q', '--detach');
    expect((await contextFromGit(repo)).branch).toBeUndefined();
    expect((await contextFromGit(repo)).commit).toBe(sha);

    // No directory at all (nor git in it): no context, no error.
    await expect(contextFromGit(join(dir, 'missing'))).resolves.toEqual({});

    // CI names another commit than the checkout: git's author and message are not its.
    expect(await vcsContext(repo, { GITHUB_SHA: 'f00d', GITHUB_REF_NAME: 'main' })).toEqual({
      branch: 'main',
      commit: 'f00d',
    });
    expect(await vcsContext(repo, { GITHUB_SHA: sha })).toEqual({
      commit: sha,
      author: 'Ada <ada@example.com>',
      message: 'Add users',
    });
  });
});

describe('check output', () => {
  it('names the broken operation, its clients and the change, and says why it failed', () => {
    const text = describeCheck(
      brokenCheck({
        context: { branch: 'main', commit: 'abcdef0123456789', author: 'Ada', message: 'Drop' },
      }),
      plain,
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe("Check 3 of the 'users' subgraph against 'shop@prod' (served launch 5)");
    expect(lines[1]).toBe('From branch main, commit abcdef012345, by Ada: "Drop"');
    expect(lines[2]).toBe(
      'Traffic: 1,250 requests in the last 7 days on shop@prod; an operation counts from 1 request',
    );
    expect(text).toContain('operations   failed  1 breaking change affects 1 operation\n');
    // Breaking changes first, whatever the registry's order.
    const breaking = lines.findIndex((l) => l.includes('FIELD_REMOVED'));
    const safe = lines.findIndex((l) => l.includes('FIELD_ADDED'));
    expect(breaking).toBeGreaterThan(0);
    expect(breaking).toBeLessThan(safe);
    expect(lines[breaking]).toMatch(/^ {2}breaking +FIELD_REMOVED +User\.name +broken +1 +42 +/);
    expect(lines[safe]).toMatch(/^ {2}safe +FIELD_ADDED +User\.email +safe +- +- +/);
    const operation = lines.find((l) => l.startsWith('  GetMe'));
    expect(operation).toMatch(
      /GetMe +query +broken +42 +3\.36% +web@1\.2\.0 \(40\), ios \(2\) +User\.name$/,
    );
    expect(lines.at(-3)).toBe(
      'Details: http://registry.test/api/v1/graphs/shop/variants/prod/checks/3',
    );
    expect(lines.at(-2)).toBe('Check failed: 1 breaking change affects 1 operation');
    expect(text).not.toContain('\x1b[');
  });

  it('ends with "Check passed" when nothing used is broken', () => {
    const unused = checkResult({
      operations: operationsTask({ changes: [change({ impact: 'unused' })] }),
    });
    const text = describeCheck(unused, plain);
    expect(text.trimEnd().split('\n').at(-1)).toBe('Check passed');
    expect(text).toContain('1 change, the 1 breaking or dangerous one unused');
    expect(checkVerdict(checkResult({ operations: operationsTask({ changes: [] }) }))).toBe(
      'Check passed',
    );
  });

  it('prints composition errors with code, subgraphs and location; operations are skipped', () => {
    const { baseLaunchId: _served, ...unserved } = checkResult();
    const result: CheckResult = {
      ...unserved,
      status: 'failed',
      composition: {
        status: 'failed',
        errors: [
          {
            code: 'FIELD_TYPE_MISMATCH',
            level: 'error',
            message: 'Type of field "User.name" is incompatible',
            subgraphs: ['users', 'points'],
            locations: [{ source: 'users', line: 3, column: 5 }],
          },
        ],
        hints: [],
      },
      operations: operationsTask({ status: 'skipped', changes: [] }),
      planRegressions: { status: 'skipped', regressions: [] },
    };
    const text = describeCheck(result, plain);
    expect(text).toContain("against 'shop@prod'; 'shop@prod' serves no supergraph yet\n");
    expect(text).toContain(
      '  Error  FIELD_TYPE_MISMATCH [users, points] Type of field "User.name" is incompatible (users:3:5)\n',
    );
    expect(text).toContain('operations   skipped  not run: composition failed');
    expect(text).toContain('Traffic: the last 7 days on shop@prod;');
    expect(checkVerdict(result)).toBe('Check failed: composition failed with 1 error');
  });

  it('shows dangerous changes, contracts and plan regressions, as warnings unless they fail', () => {
    const dangerous = operationsTask({
      status: 'warning',
      changes: [
        change({
          code: 'VALUE_ADDED_TO_ENUM',
          severity: 'dangerous',
          coordinate: 'Status.NEW',
          impact: 'potentially-affected',
          affectedOperations: 1,
          affectedRequests: 5,
        }),
      ],
      affectedOperations: [
        affected({
          name: null,
          classification: 'potentially-affected',
          coordinates: ['Status.NEW'],
          requests: 5,
          percentage: 0.004,
        }),
      ],
    });
    const regression = {
      operationId: 'x',
      name: 'GetMe',
      requests: 42,
      before: { fetches: 1, depth: 1 },
      after: { fetches: 3, depth: 2 },
    };
    const warned = checkResult({
      operations: dangerous,
      contracts: [contract()],
      planRegressions: { status: 'warning', regressions: [regression] },
    });
    const text = describeCheck(warned, plain);
    // An anonymous operation by the start of its id.
    expect(text).toMatch(/\n {2}a1b2c3d4e5f6 +query +potentially-affected +5 +<0\.01%/);
    expect(text).toContain('contracts    passed   public passed');
    expect(text).toMatch(
      /Query plan regressions \(warning\):\n.*\n.*\n {2}GetMe +42 +1 -> 3 +1 -> 2/,
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'Check passed with warnings: 1 dangerous change affects 1 operation; 1 query plan regression',
    );

    const failed = checkResult({
      status: 'failed',
      config: { ...warned.config, failOnDangerous: true },
      operations: { ...dangerous, status: 'failed' },
      contracts: [
        contract({
          status: 'failed',
          compositionErrors: [
            {
              code: 'NO_QUERIES',
              level: 'error',
              message: 'No queries found in any subgraph',
              subgraphs: [],
              locations: [],
            },
          ],
        }),
      ],
      planRegressions: { status: 'failed', regressions: [regression] },
    });
    expect(checkReasons(failed).failures).toEqual([
      '1 dangerous change affects 1 operation',
      'contract shop@public failed',
      '1 query plan regression',
    ]);
    const failedText = describeCheck(failed, plain);
    expect(failedText).toContain(
      "Contract 'shop@public': failed\n  Error  NO_QUERIES No queries found in any subgraph\n",
    );
  });

  it('colours statuses on a terminal only', () => {
    const text = describeCheck(brokenCheck(), colour);
    expect(text).toContain('\x1b[31mfailed\x1b[39m');
    expect(text).toContain('\x1b[31mbroken\x1b[39m');
  });

  it('prints hints with --verbose only', () => {
    const result = checkResult({
      composition: {
        status: 'passed',
        errors: [],
        hints: [
          {
            code: 'INCONSISTENT_DESCRIPTION',
            level: 'warn',
            message: 'different descriptions',
            subgraphs: ['users'],
            locations: [],
          },
        ],
      },
    });
    expect(describeCheck(result, plain)).not.toContain('INCONSISTENT_DESCRIPTION');
    expect(describeCheck(result, plain)).toContain('composition  passed  1 hint');
    expect(describeCheck(result, plain, { verbose: true })).toContain(
      'hint  INCONSISTENT_DESCRIPTION [users] different descriptions',
    );
  });
});

describe('usage formatting', () => {
  it('spells shares, periods and clients the same everywhere', () => {
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.004)).toBe('<0.01%');
    expect(formatPercent(3.3333)).toBe('3.33%');
    expect(formatPercent(42.25)).toBe('42.3%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPeriod(604_800)).toBe('7 days');
    expect(formatPeriod(1_209_600)).toBe('2 weeks');
    expect(formatPeriod(3600)).toBe('1 hour');
    expect(formatPeriod(90)).toBe('90 seconds');
    const clients = [
      { name: 'a', version: '1', requests: 1 },
      { name: 'b', version: '', requests: 5 },
      { name: '', version: '', requests: 3 },
    ];
    expect(formatClients(clients, 2)).toBe('b (5), (unnamed) (3), +1 more');
    expect(
      totalByClient([{ clients }, { clients: [{ name: 'a', version: '1', requests: 9 }] }]),
    ).toEqual([
      { name: 'a', version: '1', requests: 10 },
      { name: 'b', version: '', requests: 5 },
      { name: '', version: '', requests: 3 },
    ]);
  });

  const view: UsageView = {
    coordinate: 'User.name',
    from: '2026-11-27T05:00:00.000Z',
    to: '2026-12-04T05:00:00.000Z',
    variants: ['prod'],
    totalRequests: 200,
    operations: [
      {
        operationId: 'op1',
        name: 'GetMe',
        type: 'query',
        signature: 'query GetMe{me{name}}',
        requests: 40,
        errors: 1,
        clients: [
          { name: 'web', version: '1.2.0', requests: 30 },
          { name: 'ios', version: '3.0', requests: 10 },
        ],
        firstSeen: '2026-11-28T10:00:00.000Z',
        lastSeen: '2026-12-03T10:00:00.000Z',
      },
      {
        operationId: 'f'.repeat(64),
        name: null,
        type: 'query',
        signature: '{me{name}}',
        requests: 10,
        errors: 0,
        clients: [{ name: 'web', version: '1.2.0', requests: 10 }],
        firstSeen: '2026-11-28T10:00:00.000Z',
        lastSeen: '2026-12-03T10:00:00.000Z',
      },
    ],
  };

  it('lists the operations using a coordinate and every client, totalled', () => {
    const text = describeUsage('shop@prod', view, plain);
    expect(text.split('\n')[0]).toBe(
      "Usage of 'User.name' in 'shop@prod', 27 Nov, 05:00 UTC to 4 Dec, 05:00 UTC (prod): 200 requests in all",
    );
    expect(text).toContain('2 operations used it, 50 requests (25%)');
    expect(text).toMatch(/\nGetMe +query +40 +20% +1 +web@1\.2\.0 \(30\), ios@3\.0 \(10\)/);
    expect(text).toMatch(/\nffffffffffff +query +10 +5% +0 +web@1\.2\.0 \(10\)/);
    expect(text).toMatch(/Clients \(2\):\n.*\n.*\n {2}web@1\.2\.0 +40\n {2}ios@3\.0 +10\n/);
  });

  it('cuts the table at --limit but totals every client, and says when nothing used it', () => {
    const text = describeUsage('shop@prod', view, plain, 1);
    expect(text).not.toContain('ffffffffffff');
    expect(text).toContain('(1 more: raise --limit)');
    expect(text).toMatch(/ {2}web@1\.2\.0 +40\n/);
    expect(describeUsage('shop@prod', { ...view, operations: [] }, plain)).toContain(
      "No operation used 'User.name' in the period: removing it breaks no reported client",
    );
  });
});

// In-process runs: nothing listens on port 1, so a command that gets past its arguments ends
// with ERR_NETWORK (exit 4), which is how these tests see that the arguments were accepted.
const NOWHERE = { ORRERY_REGISTRY_URL: 'http://127.0.0.1:1', ORRERY_KEY: 'orr_admin_x_y' };

async function run(args: string[], env: Record<string, string> = {}) {
  writeFileSync(join(dir, 'users.graphql'), 'type Query { me: String }\n');
  const out = memoryIo({ env: { ...NOWHERE, ...env }, cwd: dir });
  let code: number;
  try {
    code = await runCli(args, out.io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    code = error.exitCode;
  }
  return { code, stdout: out.stdout, stderr: out.stderr };
}

describe('check commands’ arguments', () => {
  const check = ['subgraph', 'check', 'shop@prod', '--name', 'users', '--schema', 'users.graphql'];

  it('accepts every check flag and then reaches for the registry', async () => {
    const result = await run([
      ...check,
      '--validation-period',
      '2w',
      '--query-count-threshold',
      '3',
      '--query-percentage-threshold',
      '1.5',
      '--exclude-client',
      'web@1.0',
      '--exclude-client',
      'ios',
      '--exclude-operation',
      'GetMe',
      '--variant-traffic',
      'shop@canary',
      '--fail-on-dangerous',
      '--plan-regressions',
      'off',
      '--routing-url',
      'http://users:4001/graphql',
    ]);
    expect(result.stderr).toMatch(/^ERR_NETWORK /);
    expect(result.code).toBe(4);
  });

  it('refuses bad flags with exit 2, before reading the schema or calling the registry', async () => {
    const cases: [string[], string][] = [
      [[...check, '--validation-period', 'soon'], '--validation-period must be'],
      [[...check, '--variant-traffic', 'books@prod'], 'not a variant of the checked graph'],
      [[...check, '--plan-regressions', 'maybe'], '--plan-regressions must be'],
      [
        ['subgraph', 'check', 'shop@prod', '--schema', 'users.graphql'],
        '--name <name> is required',
      ],
      [['subgraph', 'check', 'shop@prod', '--name', 'users'], '--schema <file> or --endpoint'],
      [[...check, '--endpoint', 'http://x/graphql'], 'give --schema or --endpoint, not both'],
      [['subgraph', 'check', 'shop@@prod', '--name', 'u', '--schema', 'x'], 'is not a graph ref'],
      [['check', 'show', 'shop@prod', 'seven'], 'ID must be a check id'],
      [['check', 'list', 'shop@prod', '--limit', '0'], '--limit must be a positive integer'],
      [['usage', 'shop@prod', '--coordinate', 'User..name'], '--coordinate must be'],
      [['usage', 'shop@prod', '--period', 'forever'], '--period must be'],
      [['usage', 'shop@prod', '--variants', 'prod,9bad'], 'is not a graph ref'],
      [
        ['service:check', '--serviceName', 'users', '--localSchemaFile', 'users.graphql'],
        'no graph',
      ],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toContain(message);
    }
  });

  it('reports a missing schema file as exit 1 (ERR_CLI_INPUT_NOT_FOUND)', async () => {
    const result = await run([
      'subgraph',
      'check',
      'shop',
      '--name',
      'u',
      '--schema',
      'no.graphql',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'ERR_CLI_INPUT_NOT_FOUND cannot read schema no.graphql (no such file)\n',
    );
  });

  it('prints one JSON object on a usage error with --format json', async () => {
    const result = await run([...check, '--validation-period', 'x', '--format', 'json']);
    expect(result.code).toBe(2);
    const body = JSON.parse(result.stdout) as { ok: boolean; error: { code: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'ERR_CLI_INVALID_ARGUMENT' } });
  });

  it('maps service:check’s Apollo flags and reaches for the registry', async () => {
    const result = await run(
      [
        'service:check',
        '--serviceName',
        'users',
        '--localSchemaFile',
        'users.graphql',
        '--tag',
        'prod',
        '--validationPeriod',
        '24h',
        '--queryCountThreshold',
        '2',
        '--queryCountThresholdPercentage',
        '5',
      ],
      { ORRERY_GRAPH: 'shop' },
    );
    expect(result.stderr).toMatch(/^ERR_NETWORK /);
    expect(result.code).toBe(4);
    const bad = await run(
      [
        'service:check',
        '--serviceName',
        'users',
        '--schema',
        'users.graphql',
        '--queryCountThreshold',
        'x',
      ],
      { ORRERY_GRAPH: 'shop' },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--queryCountThreshold must be a whole number');
  });

  it('lists the new commands in the help', async () => {
    const help = await run(['--help']);
    for (const name of ['subgraph check', 'check list', 'check show', 'usage', 'service:check']) {
      expect(help.stdout).toMatch(new RegExp(`\\n {2}${name} +\\S`));
    }
    const usage = await run(['subgraph', 'check', '--help']);
    expect(usage.stdout).toContain('--exclude-client <name[@ver]>');
  });
});
