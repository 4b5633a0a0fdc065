import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompositionResult, SubgraphInput } from '@orrery/composition';
import { createDiagnostic } from '@orrery/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSupergraphComposeCommand } from '../src/commands/supergraph-compose/index.js';
import { runCli } from '../src/index.js';
import { memoryIo } from './helpers.js';

/**
 * `orrery supergraph compose`: arguments, the config file, schema files and URLs, and output.
 * Composition itself is not under test here, so a fake composer records what it was given; the
 * registered command (checked at the end) uses the real `composeSubgraphs`.
 */

const PRODUCTS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Query { products: [Product] }
type Product @key(fields: "id") { id: ID! name: String }
`;
const REVIEWS = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Product @key(fields: "id") { id: ID! reviewCount: Int }
`;

let dir: string;
let received: SubgraphInput[][];
let nextResult: CompositionResult;

const fakeCompose = (subgraphs: readonly SubgraphInput[]): CompositionResult => {
  received.push([...subgraphs]);
  return nextResult;
};
const command = createSupergraphComposeCommand({ compose: fakeCompose, fetchTimeoutMs: 2_000 });

function write(name: string, text: string) {
  writeFileSync(join(dir, name), text);
}

async function run(args: string[], env: Record<string, string> = {}) {
  const t = memoryIo({ cwd: dir, env });
  const code = await runCli(['supergraph', 'compose', ...args], t.io, [command]);
  return { code, stdout: t.stdout, stderr: t.stderr };
}

function expectOneLine(stderr: string, pattern: RegExp) {
  expect(stderr.trimEnd()).toMatch(pattern);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toContain('    at ');
}

const okResult: CompositionResult = {
  ok: true,
  supergraphSdl: 'schema @link(url: "https://specs.apollo.dev/link/v1.0") { query: Query }',
  get apiSchema(): never {
    throw new Error('not used by the command');
  },
  hints: [
    createDiagnostic('INCONSISTENT_ENTITY', 'Product is an entity in only some subgraphs', {
      subgraphs: ['reviews'],
    }),
  ],
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orrery-compose-'));
  received = [];
  nextResult = okResult;
  write('products.graphql', PRODUCTS);
  write('reviews.graphql', REVIEWS);
  write(
    'supergraph.yaml',
    `federation_version: =2.3.2
subgraphs:
  products:
    routing_url: http://products:4001/graphql
    schema:
      file: ./products.graphql
  reviews:
    routing_url: http://reviews:4002/graphql
    schema:
      file: reviews.graphql
`,
  );
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('arguments', () => {
  it('requires --config', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, /^ERR_CLI_INVALID_ARGUMENT --config <supergraph.yaml> is required/);
  });

  it('rejects unknown options, positionals and a bad --format', async () => {
    for (const args of [
      ['--config', 'supergraph.yaml', '--nope'],
      ['--config', 'supergraph.yaml', 'extra'],
      ['--config', 'supergraph.yaml', '--format', 'yaml'],
      ['--config'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expectOneLine(r.stderr, /^ERR_CLI_INVALID_ARGUMENT /);
    }
  });

  it('accepts -c and -o as short forms and prints help', async () => {
    const r = await run(['-c', 'supergraph.yaml', '-o', 'out.graphql']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'out.graphql'), 'utf8')).toBe(`${okResult.supergraphSdl}\n`);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: orrery supergraph compose --config <supergraph.yaml>');
  });
});

describe('the config file', () => {
  it('reads schema files relative to the config and passes names, routing URLs and sources on', async () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(
      join(dir, 'sub', 'nested.yaml'),
      'subgraphs:\n  p:\n    routing_url: http://p\n    schema:\n      file: ../products.graphql\n',
    );
    const r = await run(['--config', 'sub/nested.yaml']);
    expect(r.code).toBe(0);
    expect(received[0]?.map((s) => [s.name, s.url, s.source, s.sdl])).toEqual([
      ['p', 'http://p', 'products.graphql', PRODUCTS],
    ]);
  });

  it('accepts federation_version 2 and =2.x.y, and rejects Federation 1', async () => {
    for (const version of ['2', '=2.9.3', '"=2.0.0"']) {
      write(
        'v.yaml',
        `federation_version: ${version}\nsubgraphs:\n  p:\n    routing_url: http://p\n    schema:\n      file: products.graphql\n`,
      );
      expect((await run(['--config', 'v.yaml'])).code, version).toBe(0);
    }
    write(
      'v1.yaml',
      'federation_version: 1\nsubgraphs:\n  p:\n    routing_url: http://p\n    schema:\n      file: products.graphql\n',
    );
    const r = await run(['--config', 'v1.yaml']);
    expect(r.code).toBe(1);
    expectOneLine(
      r.stderr,
      /^ERR_CLI_CONFIG_INVALID v1\.yaml: federation_version: "1" asks for Federation 1/,
    );
  });

  it('reads the config from standard input with --config -', async () => {
    const t = memoryIo({
      cwd: dir,
      stdin:
        'subgraphs:\n  p:\n    routing_url: http://p\n    schema:\n      sdl: "type Query { a: Int }"\n',
    });
    expect(await runCli(['supergraph', 'compose', '--config', '-'], t.io, [command])).toBe(0);
    expect(received[0]?.[0]?.sdl).toBe('type Query { a: Int }');
  });

  it('reports a missing config file in one line', async () => {
    const r = await run(['--config', 'missing.yaml']);
    expect(r.code).toBe(1);
    expectOneLine(
      r.stderr,
      /^ERR_CLI_INPUT_NOT_FOUND cannot read config missing\.yaml \(no such file\)$/,
    );
  });

  it('reports YAML that does not parse with its position', async () => {
    write('bad.yaml', 'subgraphs:\n  p: [\n    routing_url: x\n');
    const r = await run(['--config', 'bad.yaml']);
    expect(r.code).toBe(1);
    expectOneLine(
      r.stderr,
      /^ERR_CLI_CONFIG_INVALID bad\.yaml: line \d+, column \d+: not valid YAML: /,
    );
  });

  it('reports a duplicate subgraph name', async () => {
    write(
      'dup.yaml',
      'subgraphs:\n  p:\n    routing_url: http://a\n    schema:\n      file: products.graphql\n  p:\n    routing_url: http://b\n    schema:\n      file: reviews.graphql\n',
    );
    const r = await run(['--config', 'dup.yaml']);
    expect(r.code).toBe(1);
    expectOneLine(
      r.stderr,
      /^ERR_CLI_CONFIG_INVALID dup\.yaml: line 6, column 3: subgraph "p" is defined twice$/,
    );
  });

  it('reports empty or missing subgraphs, and a config that is not a mapping', async () => {
    for (const text of ['subgraphs: {}\n', 'federation_version: 2\n', '- a\n- b\n', '']) {
      write('empty.yaml', text);
      const r = await run(['--config', 'empty.yaml']);
      expect(r.code, JSON.stringify(text)).toBe(1);
      expectOneLine(r.stderr, /^ERR_CLI_CONFIG_INVALID empty\.yaml: (subgraphs|top level): /);
    }
  });

  it('reports a subgraph without exactly one schema source, or without routing_url', async () => {
    const cases: [string, RegExp][] = [
      ['  p:\n    routing_url: http://p\n', /subgraphs\.p\.schema: must be a mapping/],
      [
        '  p:\n    routing_url: http://p\n    schema: {}\n',
        /needs exactly one of "file", "subgraph_url" or "sdl" \(found none\)/,
      ],
      [
        '  p:\n    routing_url: http://p\n    schema:\n      file: a\n      sdl: b\n',
        /\(found file, sdl\)/,
      ],
      [
        '  p:\n    routing_url: http://p\n    schema:\n      graphref: g@current\n',
        /GraphOS is not supported/,
      ],
      [
        '  p:\n    schema:\n      file: products.graphql\n',
        /subgraphs\.p\.routing_url: must be a non-empty string/,
      ],
      ['  p:\n    schema:\n      subgraph_url: ftp://x\n', /"ftp:\/\/x" is not an http\(s\) URL/],
    ];
    for (const [body, pattern] of cases) {
      write('s.yaml', `subgraphs:\n${body}`);
      const r = await run(['--config', 's.yaml']);
      expect(r.code, body).toBe(1);
      expectOneLine(r.stderr, /^ERR_CLI_CONFIG_INVALID s\.yaml: /);
      expect(r.stderr).toMatch(pattern);
    }
  });

  it('expands ${env.NAME} and reports an undefined variable', async () => {
    write(
      'env.yaml',
      'subgraphs:\n  p:\n    routing_url: ${env.P_URL}\n    schema:\n      file: products.graphql\n',
    );
    expect((await run(['--config', 'env.yaml'], { P_URL: 'http://from-env' })).code).toBe(0);
    expect(received[0]?.[0]?.url).toBe('http://from-env');
    const r = await run(['--config', 'env.yaml']);
    expect(r.code).toBe(1);
    expectOneLine(
      r.stderr,
      /^ERR_CLI_CONFIG_INVALID env\.yaml: subgraphs\.p\.routing_url: environment variable P_URL is not set$/,
    );
  });
});

describe('schema files', () => {
  it('reports a missing schema file with the subgraph name', async () => {
    rmSync(join(dir, 'reviews.graphql'));
    const r = await run(['--config', 'supergraph.yaml']);
    expect(r.code).toBe(1);
    expectOneLine(
      r.stderr,
      /^ERR_CLI_INPUT_NOT_FOUND subgraph "reviews": cannot read schema file reviews\.graphql \(no such file\)$/,
    );
    expect(received).toEqual([]);
  });

  it('reports every SDL that does not parse as INVALID_GRAPHQL with file:line:col, without composing', async () => {
    write('products.graphql', 'type Query {\n  a: Int\n');
    write('reviews.graphql', 'type Product @key(fields: "id") {\n  id: ID!\n  ]\n}\n');
    const r = await run(['--config', 'supergraph.yaml']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^INVALID_GRAPHQL \[products\] Syntax Error: .* \(products\.graphql:3:1\)$/,
    );
    expect(lines[1]).toMatch(
      /^INVALID_GRAPHQL \[reviews\] Syntax Error: .* \(reviews\.graphql:3:3\)$/,
    );
    expect(lines[2]).toBe('composition failed with 2 errors');
    expect(received).toEqual([]);
  });
});

describe('subgraph_url', () => {
  const requests: { body: string; headers: IncomingHttpHeaders; method: string | undefined }[] = [];
  let reply: (path: string) => { status: number; body: string } = () => ({ status: 500, body: '' });
  let server: Server;
  let base = '';

  beforeEach(async () => {
    requests.length = 0;
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        requests.push({ body, headers: req.headers, method: req.method });
        const answer = reply(req.url ?? '/');
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body);
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await new Promise<void>((done) => server.close(() => done()));
  });

  function config(extra = '') {
    write(
      'remote.yaml',
      `subgraphs:\n  reviews:\n    schema:\n      subgraph_url: ${base}/graphql\n${extra}  products:\n    routing_url: http://products\n    schema:\n      file: products.graphql\n`,
    );
  }

  it('POSTs { _service { sdl } } with the introspection headers and composes the answer', async () => {
    reply = () => ({ status: 200, body: JSON.stringify({ data: { _service: { sdl: REVIEWS } } }) });
    config(
      '      introspection_headers:\n        Authorization: Bearer ${env.TOKEN}\n        x-tenant: acme\n',
    );
    const r = await run(['--config', 'remote.yaml'], { TOKEN: 's3cret' });
    expect(r.stderr).toContain('hint: INCONSISTENT_ENTITY [reviews]');
    expect(r.code).toBe(0);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('POST');
    expect(JSON.parse(requests[0]!.body)).toEqual({ query: '{ _service { sdl } }' });
    expect(requests[0]?.headers['authorization']).toBe('Bearer s3cret');
    expect(requests[0]?.headers['x-tenant']).toBe('acme');
    expect(requests[0]?.headers['content-type']).toBe('application/json');
    // Without routing_url, the subgraph is routed to the URL it was fetched from (as in rover).
    expect(received[0]?.find((s) => s.name === 'reviews')).toMatchObject({
      url: `${base}/graphql`,
      sdl: REVIEWS,
      source: `${base}/graphql`,
    });
  });

  it('reports HTTP errors, non-JSON answers, GraphQL errors and missing SDL in one line', async () => {
    const answers: [{ status: number; body: string }, RegExp][] = [
      [{ status: 503, body: '' }, /HTTP 503$/],
      [{ status: 200, body: '<html>' }, /the response is not JSON$/],
      [
        {
          status: 200,
          body: JSON.stringify({ errors: [{ message: 'Cannot query field "_service"' }] }),
        },
        /answered with an error: Cannot query field "_service"$/,
      ],
      [
        { status: 200, body: JSON.stringify({ data: {} }) },
        /no data\._service\.sdl \(is it a federated subgraph\?\)$/,
      ],
    ];
    config();
    for (const [answer, pattern] of answers) {
      reply = () => answer;
      const r = await run(['--config', 'remote.yaml']);
      expect(r.code).toBe(1);
      expectOneLine(
        r.stderr,
        /^ERR_CLI_SUBGRAPH_UNREACHABLE subgraph "reviews": could not fetch its schema from http:\/\/127\.0\.0\.1:\d+\/graphql: /,
      );
      expect(r.stderr.trimEnd()).toMatch(pattern);
    }
    expect(received).toEqual([]);
  });

  it('reports a server that is not listening', async () => {
    config();
    await new Promise<void>((done) => server.close(() => done()));
    server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const r = await run(['--config', 'remote.yaml']);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, /^ERR_CLI_SUBGRAPH_UNREACHABLE subgraph "reviews": .*ECONNREFUSED/);
  });
});

describe('output', () => {
  it('prints the supergraph SDL on stdout and hints on stderr', async () => {
    const r = await run(['--config', 'supergraph.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${okResult.supergraphSdl}\n`);
    expect(r.stderr).toBe(
      'hint: INCONSISTENT_ENTITY [reviews] Product is an entity in only some subgraphs\n',
    );
    expect(received[0]?.map((s) => s.name)).toEqual(['products', 'reviews']);
  });

  it('prints every composition error on stderr as CODE [subgraph] message (file:line:col) and exits 1', async () => {
    nextResult = {
      ok: false,
      errors: [
        createDiagnostic(
          'INVALID_FIELD_SHARING',
          'Non-shareable field "Product.name" is resolved from multiple subgraphs',
          {
            subgraphs: ['products', 'reviews'],
            locations: [{ source: 'products.graphql', line: 3, column: 40 }],
          },
        ),
        createDiagnostic('NO_QUERIES', 'No queries found in any subgraph'),
      ],
      hints: [],
    };
    const r = await run(['--config', 'supergraph.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'INVALID_FIELD_SHARING [products, reviews] Non-shareable field "Product.name" is resolved from multiple subgraphs (products.graphql:3:40)',
        'NO_QUERIES No queries found in any subgraph',
        'composition failed with 2 errors',
        '',
      ].join('\n'),
    );
  });

  it('prints { ok, supergraphSdl, hints } or { ok, errors, hints } with --format json', async () => {
    const ok = await run(['--config', 'supergraph.yaml', '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      ok: true,
      supergraphSdl: okResult.supergraphSdl,
      hints: [expect.objectContaining({ code: 'INCONSISTENT_ENTITY', level: 'info' })],
    });
    write('products.graphql', 'type Query {');
    const bad = await run(['--config', 'supergraph.yaml', '--format', 'json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('');
    const json = JSON.parse(bad.stdout) as {
      ok: boolean;
      errors: { code: string; subgraphs: string[] }[];
    };
    expect(json.ok).toBe(false);
    expect(json.errors.map((e) => [e.code, e.subgraphs])).toEqual([
      ['INVALID_GRAPHQL', ['products']],
    ]);
  });

  it('writes --output and reports a file it cannot write', async () => {
    const r = await run(['--config', 'supergraph.yaml', '--output', 'supergraph.graphql']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'supergraph.graphql'), 'utf8')).toBe(
      `${okResult.supergraphSdl}\n`,
    );
    const bad = await run(['--config', 'supergraph.yaml', '--output', 'no/such/dir/out.graphql']);
    expect(bad.code).toBe(1);
    expectOneLine(
      bad.stderr.replace(/^hint: .*\n/, ''),
      /^ERR_CLI_OUTPUT_WRITE_FAILED cannot write no\/such\/dir\/out\.graphql: /,
    );
  });
});

describe('orrery supergraph compose (registered)', () => {
  it('is listed in orrery --help and answers --help', async () => {
    const t = memoryIo();
    expect(await runCli(['--help'], t.io)).toBe(0);
    expect(t.stdout).toMatch(/supergraph compose\s+compose the subgraphs of a supergraph\.yaml/);
    const h = memoryIo();
    expect(await runCli(['supergraph', 'compose', '--help'], h.io)).toBe(0);
    expect(h.stdout).toContain('subgraph_url');
  });
});
