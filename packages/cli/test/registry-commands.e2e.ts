import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry } from '@orrery/registry';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runOrrery, SCHEMAS, startSdlServer } from './registry-helpers.js';

// Every registry command through the installed binary, against a real registry (PGlite in a
// temporary directory) started in this process. The tests run in order and build on each
// other's state: shop@prod gets its subgraphs first, later tests read, copy and delete them.

// Each step spawns the binary (and the registry opens PGlite): seconds each on a loaded 2-core
// machine. Generous limits, not timing assertions.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let dir: string;
let registry: Awaited<ReturnType<typeof startRegistry>>;
let adminKey: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'orrery-registry-cli-'));
  for (const [name, sdl] of Object.entries(SCHEMAS))
    writeFileSync(join(dir, `${name}.graphql`), sdl);
  registry = await startRegistry({ port: 0, dataDir: join(dir, 'data'), env: {} });
  adminKey = registry.adminKey!;
}, 120_000);

afterAll(async () => {
  await registry?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The binary as an admin of the test registry (HOME points at the temp dir: no user config). */
const orrery = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) =>
  runOrrery(args, {
    cwd: dir,
    input: options.input,
    env: {
      HOME: dir,
      ORRERY_REGISTRY_URL: registry.url,
      ORRERY_KEY: adminKey,
      ...options.env,
    },
  });

const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe('orrery subgraph publish', () => {
  it('creates a subgraph and launches the supergraph', async () => {
    const result = await orrery([
      'subgraph',
      'publish',
      'shop@prod',
      '--name',
      'users',
      '--schema',
      'users.graphql',
      '--routing-url',
      'http://users:4001/graphql',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^The 'users' subgraph for the 'shop@prod' graph was created \(revision 1\)\n\nThe gateway for the 'shop@prod' graph was updated with a new schema, composed from the updated 'users' subgraph \(launch 1\)\n/,
    );
  });

  it('reads the schema from standard input with --schema -', async () => {
    const result = await orrery(
      [
        'subgraph',
        'publish',
        'shop@prod',
        '--name',
        'points',
        '--schema',
        '-',
        '--routing-url',
        'http://points:4002/graphql',
      ],
      { input: SCHEMAS.points },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "The 'points' subgraph for the 'shop@prod' graph was created (revision 1)",
    );
    expect(result.stdout).toContain('(launch 2)');
  });

  it('says so when nothing changed, and creates no launch', async () => {
    const result = await orrery([
      'subgraph',
      'publish',
      'shop@prod',
      '--name',
      'points',
      '--schema',
      'points.graphql',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      "The 'points' subgraph for the 'shop@prod' graph is unchanged (same schema and routing URL): no launch was created\n",
    );
  });

  it('fetches the SDL from --endpoint and lists the schema changes', async () => {
    const server = await startSdlServer(SCHEMAS.pointsV2);
    try {
      const result = await orrery([
        'subgraph',
        'publish',
        'shop@prod',
        '--name',
        'points',
        '--endpoint',
        server.url,
        '--header',
        'Authorization: Bearer sub-token',
      ]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(
        "The 'points' subgraph for the 'shop@prod' graph was updated (revision 2)",
      );
      expect(result.stdout).toContain('(launch 3)');
      expect(server.headers[0]?.['authorization']).toBe('Bearer sub-token');
      // The routing URL stays what the first publish registered: --endpoint is only where the
      // schema was read.
      const list = await orrery(['subgraph', 'list', 'shop@prod', '--format', 'json']);
      const points = (json(list.stdout)['subgraphs'] as { name: string; url: string }[]).find(
        (s) => s.name === 'points',
      );
      expect(points?.url).toBe('http://points:4002/graphql');
    } finally {
      await server.close();
    }
  });

  it('answers --format json with the registry’s publish response', async () => {
    const result = await orrery([
      'subgraph',
      'publish',
      'shop@prod',
      '--name',
      'points',
      '--schema',
      'points.graphql',
      '--format',
      'json',
    ]);
    expect(result.status).toBe(0);
    const body = json(result.stdout);
    expect(body).toMatchObject({
      ok: true,
      graphRef: 'shop@prod',
      name: 'points',
      subgraph: 'updated',
      revision: 3,
    });
  });

  it('records a subgraph that does not compose, says the gateway was NOT updated, exits 1', async () => {
    const result = await orrery([
      'subgraph',
      'publish',
      'shop@prod',
      '--name',
      'legacy',
      '--schema',
      'conflicting.graphql',
      '--routing-url',
      'http://legacy:4003/graphql',
    ]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "The 'legacy' subgraph for the 'shop@prod' graph was created (revision 1)",
    );
    expect(result.stdout).toContain('Composition errors must be resolved before the graph');
    expect(result.stdout).toMatch(/Error {2}FIELD_TYPE_MISMATCH \[[a-z, ]*legacy[a-z, ]*\] /);
    expect(result.stdout).toContain(
      "The gateway for the 'shop@prod' graph was NOT updated with a new schema",
    );
  });

  it('rejects invalid SDL with its diagnostics and stores nothing (INVALID_SDL, exit 1)', async () => {
    const result = await orrery([
      'subgraph',
      'publish',
      'shop@prod',
      '--name',
      'broken',
      '--schema',
      'broken.graphql',
      '--routing-url',
      'http://broken/graphql',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/:\d+:\d+\)\n/);
    expect(result.stderr).toMatch(/\nINVALID_SDL .*\n$|^INVALID_SDL .*\n$/m);
    expect(result.stderr).not.toContain('    at ');
    const fetched = await orrery(['subgraph', 'fetch', 'shop@prod', '--name', 'broken']);
    expect(fetched.status).toBe(1);
    expect(fetched.stderr).toMatch(/^NOT_FOUND /);
  });

  it('is a usage error (exit 2) without --schema or --endpoint, or with a bad graph ref', async () => {
    const missing = await orrery(['subgraph', 'publish', 'shop@prod', '--name', 'x']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      'ERR_CLI_INVALID_ARGUMENT --schema <file> or --endpoint <url> is required\n',
    );
    const badRef = await orrery([
      'subgraph',
      'publish',
      'shop@@prod',
      '--name',
      'x',
      '--schema',
      'users.graphql',
    ]);
    expect(badRef.status).toBe(2);
    expect(badRef.stderr).toMatch(/^ERR_CLI_INVALID_ARGUMENT "shop@@prod" is not a graph ref/);
  });
});

describe('orrery subgraph list / fetch / introspect', () => {
  it('lists name, URL and last updated as a table', async () => {
    const result = await orrery(['subgraph', 'list', 'shop@prod']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^name +URL +last updated$/);
    expect(lines[1]).toMatch(/^─+ {2}─+ {2}─+$/);
    expect(lines.slice(2).map((l) => l.split(/ {2,}/).slice(0, 2))).toEqual([
      ['legacy', 'http://legacy:4003/graphql'],
      ['points', 'http://points:4002/graphql'],
      ['users', 'http://users:4001/graphql'],
    ]);
    expect(lines[2]).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4} \((now|\d+ (seconds?|minutes?) ago)\)$/);
  });

  it('fetches a subgraph’s SDL, and an earlier revision', async () => {
    const latest = await orrery(['subgraph', 'fetch', 'shop@prod', '--name', 'points']);
    expect(latest.status).toBe(0);
    expect(latest.stdout.trim()).toBe(SCHEMAS.points.trim());
    const second = await orrery([
      'subgraph',
      'fetch',
      'shop@prod',
      '--name',
      'points',
      '--revision',
      '2',
    ]);
    expect(second.stdout.trim()).toBe(SCHEMAS.pointsV2.trim());
  });

  it('introspects a running subgraph without a registry', async () => {
    const server = await startSdlServer(SCHEMAS.users);
    try {
      const result = await runOrrery(['subgraph', 'introspect', server.url], {
        cwd: dir,
        env: { HOME: dir },
      });
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(SCHEMAS.users);
    } finally {
      await server.close();
    }
    const gone = await runOrrery(['subgraph', 'introspect', 'http://127.0.0.1:1/graphql'], {
      cwd: dir,
      env: { HOME: dir },
    });
    expect(gone.status).toBe(4);
    expect(gone.stderr).toMatch(
      /^ERR_CLI_SUBGRAPH_UNREACHABLE could not fetch the subgraph schema from http:\/\/127\.0\.0\.1:1\/graphql: .*ECONNREFUSED/,
    );
  });
});

describe('orrery supergraph fetch / launch list', () => {
  it('prints the served supergraph, or writes it to a file', async () => {
    const result = await orrery(['supergraph', 'fetch', 'shop@prod']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      '@join__graph(name: "users", url: "http://users:4001/graphql")',
    );
    expect(result.stdout).toContain('points: Int');
    const written = await orrery([
      'supergraph',
      'fetch',
      'shop@prod',
      '--output',
      'supergraph.graphql',
    ]);
    expect(written.status).toBe(0);
    expect(written.stderr).toMatch(
      /^Wrote the supergraph of 'shop@prod' \(launch \d+\) to supergraph\.graphql\n$/,
    );
    expect(readFileSync(join(dir, 'supergraph.graphql'), 'utf8')).toBe(result.stdout);
    const first = await orrery([
      'supergraph',
      'fetch',
      'shop@prod',
      '--launch',
      '1',
      '--format',
      'json',
    ]);
    expect(json(first.stdout)).toMatchObject({ ok: true, launchId: 1 });
    expect(json(first.stdout)['supergraphSdl']).not.toContain('"points"');
  });

  it('lists launches newest first with their trigger and status', async () => {
    const result = await orrery(['launch', 'list', 'shop@prod']);
    expect(result.status).toBe(0);
    const rows = result.stdout
      .trimEnd()
      .split('\n')
      .slice(2)
      .map((l) => l.split(/ {2,}/).slice(0, 3));
    expect(rows.slice(-3)).toEqual([
      ['3', 'success', 'publish points'],
      ['2', 'success', 'publish points'],
      ['1', 'success', 'publish users'],
    ]);
    expect(
      rows.some(
        ([, status, trigger]) => status?.startsWith('failed') && trigger === 'publish legacy',
      ),
    ).toBe(true);
    const page = await orrery(['launch', 'list', 'shop@prod', '--limit', '1', '--format', 'json']);
    expect((json(page.stdout)['launches'] as unknown[]).length).toBe(1);
  });
});

describe('orrery subgraph delete', () => {
  it('refuses without --yes when standard input is not a terminal (exit 2)', async () => {
    const result = await orrery(['subgraph', 'delete', 'shop@prod', '--name', 'legacy']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^ERR_CLI_INVALID_ARGUMENT .*pass --yes/);
  });

  it('removes the subgraph with --yes, and the supergraph composes again', async () => {
    const result = await orrery(['subgraph', 'delete', 'shop@prod', '--name', 'legacy', '--yes']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("The 'legacy' subgraph was removed from the 'shop@prod' graph");
    const list = await orrery(['subgraph', 'list', 'shop@prod', '--format', 'json']);
    expect((json(list.stdout)['subgraphs'] as { name: string }[]).map((s) => s.name)).toEqual([
      'points',
      'users',
    ]);
  });
});

describe('orrery variant / contract', () => {
  it('creates prod-canary from prod and deletes it', async () => {
    const created = await orrery(['variant', 'create', 'shop@prod-canary', '--from', 'shop@prod']);
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/^Created the variant 'shop@prod-canary' from 'shop@prod'\n/);
    const list = await orrery(['subgraph', 'list', 'shop@prod-canary', '--format', 'json']);
    expect((json(list.stdout)['subgraphs'] as { name: string }[]).map((s) => s.name)).toEqual([
      'points',
      'users',
    ]);
    const again = await orrery(['variant', 'create', 'shop@prod-canary', '--from', 'shop@prod']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^CONFLICT /);
    const deleted = await orrery(['variant', 'delete', 'shop@prod-canary', '--yes']);
    expect(deleted.status).toBe(0);
    expect(deleted.stdout).toBe("Deleted the variant 'shop@prod-canary'\n");
    const gone = await orrery(['subgraph', 'list', 'shop@prod-canary']);
    expect(gone.status).toBe(1);
    expect(gone.stderr).toMatch(/^NOT_FOUND /);
  });

  it('creates a contract that hides @tag(name: "internal")', async () => {
    const result = await orrery([
      'contract',
      'create',
      'shop@public',
      '--source',
      'shop@prod',
      '--exclude-tag',
      'internal',
      '--hide-unreachable-types',
      '--format',
      'json',
    ]);
    expect(result.status).toBe(0);
    expect(json(result.stdout)).toMatchObject({
      ok: true,
      variant: {
        name: 'public',
        contract: { source: 'shop@prod', excludeTags: ['internal'], hideUnreachableTypes: true },
      },
      launch: { status: 'success' },
    });
    const detail = await orrery(['supergraph', 'fetch', 'shop@public']);
    expect(detail.status).toBe(0);
    const missingTag = await orrery(['contract', 'create', 'shop@x', '--source', 'shop@prod']);
    expect(missingTag.status).toBe(2);
  });
});

describe('orrery key', () => {
  let publisherKey: string;
  let publisherId: string;

  it('creates a scoped publisher key, printed alone on stdout with a warning on stderr', async () => {
    const result = await orrery([
      'key',
      'create',
      '--name',
      'ci',
      '--role',
      'publisher',
      '--graph',
      'shop',
      '--subgraph',
      'points',
    ]);
    expect(result.status).toBe(0);
    publisherKey = result.stdout.trim();
    expect(publisherKey).toMatch(/^orr_publisher_[^_\s]+_\S+$/);
    expect(result.stderr).toMatch(
      /^Created the publisher key 'ci' \(id (\S+); graphs shop; subgraphs points\)\. Store it now/,
    );
    publisherId = /\(id (\S+?);/.exec(result.stderr)![1]!;
  });

  it('lists keys without secrets', async () => {
    const result = await orrery(['key', 'list']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^id +name +role +scope +created +last used +revoked\n/);
    expect(result.stdout).toContain(publisherId);
    expect(result.stdout).not.toContain(publisherKey);
  });

  it('publishes with the publisher key within its scope; outside it is exit 3 (FORBIDDEN)', async () => {
    const inScope = await orrery(
      ['subgraph', 'publish', 'shop@prod', '--name', 'points', '--schema', 'pointsV2.graphql'],
      {
        env: { ORRERY_KEY: publisherKey },
      },
    );
    expect(inScope.status).toBe(0);
    const outOfScope = await orrery(
      ['subgraph', 'publish', 'shop@prod', '--name', 'users', '--schema', 'users.graphql'],
      {
        env: { ORRERY_KEY: publisherKey },
      },
    );
    expect(outOfScope.status).toBe(3);
    expect(outOfScope.stderr).toMatch(/^FORBIDDEN /);
  });

  it('revokes the key (--yes); it then fails with exit 3 (UNAUTHENTICATED)', async () => {
    const refused = await orrery(['key', 'revoke', publisherId]);
    expect(refused.status).toBe(2);
    const revoked = await orrery(['key', 'revoke', publisherId, '--yes']);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toBe(`Revoked the key ${publisherId}\n`);
    const after = await orrery(['subgraph', 'list', 'shop@prod'], {
      env: { ORRERY_KEY: publisherKey },
    });
    expect(after.status).toBe(3);
    expect(after.stderr).toMatch(/^UNAUTHENTICATED .*give a key with --key or ORRERY_KEY\)\n$/);
  });

  it('never lets a gateway key publish', async () => {
    const created = await orrery([
      'key',
      'create',
      '--name',
      'gw',
      '--role',
      'gateway',
      '--variant',
      'shop@prod',
    ]);
    const gatewayKey = created.stdout.trim();
    const publish = await orrery([
      'subgraph',
      'publish',
      'shop@prod',
      '--name',
      'points',
      '--schema',
      'points.graphql',
      '--key',
      gatewayKey,
    ]);
    expect(publish.status).toBe(3);
    const fetch = await orrery(['supergraph', 'fetch', 'shop@prod', '--key', gatewayKey]);
    expect(fetch.status).toBe(0);
  });
});

describe('orrery service:* (the Apollo CLI verbs of the seeds)', () => {
  it('service:push with --serviceName/--serviceURL/--endpoint (or --localSchemaFile) and --tag', async () => {
    const users = await orrery([
      'service:push',
      '--graph=shop',
      '--tag=staging',
      '--serviceName=users',
      '--serviceURL=http://users-staging/graphql',
      '--localSchemaFile=users.graphql',
    ]);
    expect(users.status, users.stderr).toBe(0);
    const server = await startSdlServer(SCHEMAS.points);
    try {
      const result = await orrery([
        'service:push',
        '--graph=shop',
        '--tag=staging',
        '--serviceName=points',
        '--serviceURL=http://points-staging/graphql',
        `--endpoint=${server.url}`,
      ]);
      expect(result.status, result.stdout).toBe(0);
      expect(result.stdout).toContain(
        "The 'points' subgraph for the 'shop@staging' graph was created (revision 1)",
      );
      expect(result.stdout).toContain(
        "The gateway for the 'shop@staging' graph was updated with a new schema",
      );
    } finally {
      await server.close();
    }
  });

  it('service:list takes the graph from ORRERY_GRAPH and the variant from --variant', async () => {
    const result = await orrery(['service:list', '--variant', 'staging'], {
      env: { ORRERY_GRAPH: 'shop' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\npoints +http:\/\/points-staging\/graphql +/);
    const noGraph = await orrery(['service:list']);
    expect(noGraph.status).toBe(2);
    expect(noGraph.stderr).toMatch(/^ERR_CLI_INVALID_ARGUMENT no graph: pass --graph/);
  });

  it('service:delete with --yes', async () => {
    const result = await orrery([
      'service:delete',
      '--graph',
      'shop',
      '--variant',
      'staging',
      '--serviceName',
      'points',
      '--yes',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "The 'points' subgraph was removed from the 'shop@staging' graph",
    );
  });

  it('subgraph restore brings the deleted subgraph back from history', async () => {
    const result = await orrery(['subgraph', 'restore', 'shop@staging', '--name', 'points']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^The 'points' subgraph for the 'shop@staging' graph was restored \(revision \d+\)\n\nThe gateway for the 'shop@staging' graph was updated with a new schema/,
    );
    const list = await orrery(['subgraph', 'list', 'shop@staging', '--format', 'json']);
    expect((json(list.stdout)['subgraphs'] as { name: string }[]).map((s) => s.name)).toEqual([
      'points',
      'users',
    ]);
  });
});

describe('settings and failures', () => {
  it('reads the registry URL and key from the config file named by ORRERY_CONFIG', async () => {
    const config = join(dir, 'config.yaml');
    writeFileSync(config, `registry_url: ${registry.url}\nkey: ${adminKey}\n`);
    const result = await runOrrery(['key', 'list', '--format', 'json'], {
      cwd: dir,
      env: { HOME: dir, ORRERY_CONFIG: config },
    });
    expect(result.status, result.stderr).toBe(0);
    const body = json(result.stdout) as { ok: boolean; keys: { role: string }[] };
    expect(body.ok).toBe(true);
    expect(body.keys.map((k) => k.role)).toContain('admin');
  });

  it('reads the registry URL from ./orrery.yaml, the key from ORRERY_KEY', async () => {
    const project = join(dir, 'project');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'orrery.yaml'), `registry_url: ${registry.url}\n`);
    const result = await runOrrery(['key', 'list', '--format', 'json'], {
      cwd: project,
      env: { HOME: dir, ORRERY_KEY: adminKey },
    });
    expect(result.status, result.stderr).toBe(0);
  });

  it('exits 4 with ERR_NETWORK when the registry cannot be reached, as JSON too', async () => {
    const result = await orrery([
      'subgraph',
      'list',
      'shop@prod',
      '--registry-url',
      'http://127.0.0.1:1',
      '--format',
      'json',
    ]);
    expect(result.status).toBe(4);
    expect(json(result.stdout)).toMatchObject({ ok: false, error: { code: 'ERR_NETWORK' } });
    expect(result.stderr).toMatch(
      /^ERR_NETWORK could not reach the registry at http:\/\/127\.0\.0\.1:1: .*\n$/,
    );
  });

  it('exits 3 without a key, and prints a stack only with --verbose', async () => {
    const result = await orrery(['subgraph', 'list', 'shop@prod'], { env: { ORRERY_KEY: '' } });
    expect(result.status).toBe(3);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    const verbose = await orrery(['subgraph', 'list', 'shop@prod', '--verbose'], {
      env: { ORRERY_KEY: '' },
    });
    expect(verbose.status).toBe(3);
    expect(verbose.stderr).toContain('    at ');
  });

  it('lists every registry command in --help', async () => {
    const result = await orrery(['--help']);
    for (const command of [
      'subgraph publish',
      'subgraph delete',
      'subgraph restore',
      'subgraph list',
      'subgraph fetch',
      'subgraph introspect',
      'supergraph fetch',
      'launch list',
      'variant create',
      'variant delete',
      'contract create',
      'key create',
      'key list',
      'key revoke',
      'registry start',
      'service:push',
      'service:delete',
      'service:list',
    ]) {
      expect(result.stdout).toContain(`  ${command} `);
    }
  });
});
