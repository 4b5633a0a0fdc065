import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSubgraphs } from '@orrery/composition';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { memoryIo } from './helpers.js';

/** `orrery plan`, in-process: output formats, operation selection and every input error. */

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\n';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orrery-plan-'));
  const composed = composeSubgraphs([
    {
      name: 'books',
      url: 'http://books/graphql',
      sdl: `${LINK}type Query { books: [Book] } type Book @key(fields: "isbn") { isbn: ID! title: String }`,
    },
    {
      name: 'ratings',
      url: 'http://ratings/graphql',
      sdl: `${LINK}type Book @key(fields: "isbn") { isbn: ID! stars: Int }`,
    },
  ]);
  if (!composed.ok) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  writeFileSync(join(dir, 'supergraph.graphql'), composed.supergraphSdl);
  writeFileSync(join(dir, 'broken.graphql'), 'type Query { oops');
  writeFileSync(join(dir, 'plain.graphql'), 'type Query { hello: String }');
  writeFileSync(join(dir, 'stars.graphql'), 'query Stars { books { title stars } }');
  writeFileSync(
    join(dir, 'two.graphql'),
    'query Titles { books { title } }\nquery Stars { books { stars } }',
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], stdin?: string) {
  const t = memoryIo({ cwd: dir, ...(stdin === undefined ? {} : { stdin }) });
  const code = await runCli(['plan', ...args], t.io);
  return { code, stdout: t.stdout, stderr: t.stderr };
}

function expectOneLine(stderr: string, pattern: RegExp) {
  expect(stderr.trimEnd()).toMatch(pattern);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toContain('    at ');
}

describe('orrery plan', () => {
  it('prints the plan in Apollo’s text format', async () => {
    const { code, stdout, stderr } = await run([
      '--supergraph',
      'supergraph.graphql',
      'stars.graphql',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatchInlineSnapshot(`
      "QueryPlan {
        Sequence {
          Fetch(service: "books") {
            {
              books {
                __typename
                isbn
                title
              }
            }
          },
          Flatten(path: "books.@") {
            Fetch(service: "ratings") {
              {
                ... on Book {
                  __typename
                  isbn
                }
              } =>
              {
                ... on Book {
                  stars
                }
              }
            },
          },
        },
      }
      "
    `);
  });

  it('prints JSON with the plan and its stats', async () => {
    const { code, stdout } = await run([
      '-s',
      'supergraph.graphql',
      '--format',
      'json',
      'stars.graphql',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {
      ok: boolean;
      plan: { kind: string; node: { kind: string } };
      stats: unknown;
    };
    expect(json.ok).toBe(true);
    expect(json.plan.kind).toBe('QueryPlan');
    expect(json.plan.node.kind).toBe('Sequence');
    expect(json.stats).toEqual({
      fetches: 2,
      sequentialDepth: 2,
      fetchesBySubgraph: { books: 1, ratings: 1 },
    });
  });

  it('reads the operation from standard input and prints stats with --stats', async () => {
    const { code, stdout, stderr } = await run(
      ['--supergraph', 'supergraph.graphql', '--stats', '-'],
      '{ books { title } }',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Fetch(service: "books")');
    expect(stderr).toBe('1 fetch, sequential depth 1 (books 1)\n');
  });

  it('plans the operation named by --operation-name', async () => {
    const { code, stdout } = await run([
      '-s',
      'supergraph.graphql',
      '--operation-name',
      'Titles',
      'two.graphql',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('Fetch(service: "books")');
    expect(stdout).not.toContain('ratings');
  });

  describe('input errors, one coded line each, exit code 1', () => {
    it.each([
      [
        'a missing supergraph file',
        ['-s', 'nope.graphql', 'stars.graphql'],
        /^ERR_CLI_INPUT_NOT_FOUND cannot read supergraph nope\.graphql \(no such file\)$/,
      ],
      [
        'a missing query file',
        ['-s', 'supergraph.graphql', 'nope.graphql'],
        /^ERR_CLI_INPUT_NOT_FOUND cannot read operation nope\.graphql \(no such file\)$/,
      ],
      [
        'an unparsable supergraph',
        ['-s', 'broken.graphql', 'stars.graphql'],
        /^ERR_PLAN_INVALID_SUPERGRAPH /,
      ],
      [
        'a schema that is not a supergraph',
        ['-s', 'plain.graphql', 'stars.graphql'],
        /^ERR_PLAN_INVALID_SUPERGRAPH /,
      ],
      [
        'an operation with a syntax error',
        ['-s', 'supergraph.graphql', 'broken.graphql'],
        /^ERR_PLAN_INVALID_OPERATION Syntax Error: .* \(broken\.graphql:1:18\)$/,
      ],
      [
        'an unknown operation name',
        ['-s', 'supergraph.graphql', '-n', 'Nope', 'two.graphql'],
        /^ERR_PLAN_INVALID_OPERATION .*Nope/,
      ],
      [
        'several operations and no name',
        ['-s', 'supergraph.graphql', 'two.graphql'],
        /^ERR_PLAN_INVALID_OPERATION /,
      ],
      [
        'an operation invalid against the API schema',
        ['-s', 'supergraph.graphql', 'plain.graphql'],
        /^ERR_PLAN_INVALID_OPERATION /,
      ],
    ])('%s', async (_name, args, pattern) => {
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expectOneLine(stderr, pattern);
    });

    it('reports errors as JSON with --format json', async () => {
      const { code, stdout } = await run([
        '-s',
        'supergraph.graphql',
        '--format',
        'json',
        '-n',
        'Nope',
        'two.graphql',
      ]);
      expect(code).toBe(1);
      expect(JSON.parse(stdout)).toEqual({
        ok: false,
        errors: [expect.objectContaining({ code: 'ERR_PLAN_INVALID_OPERATION' })],
      });
    });
  });

  describe('argument errors, exit code 2', () => {
    it.each([
      ['no --supergraph', ['stars.graphql'], /--supergraph <file> is required/],
      ['no query file', ['-s', 'supergraph.graphql'], /the operation is required/],
      ['two query files', ['-s', 'supergraph.graphql', 'a', 'b'], /expected one query file/],
      ['an unknown format', ['-s', 'x', '--format', 'yaml', 'q'], /--format must be/],
      ['an unknown option', ['--nope', 'q'], /Run "orrery plan --help"/],
    ])('%s', async (_name, args, pattern) => {
      const { code, stderr } = await run(args);
      expect(code).toBe(2);
      expectOneLine(stderr, /^ERR_CLI_INVALID_ARGUMENT /);
      expect(stderr).toMatch(pattern);
    });
  });

  it('has --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: orrery plan --supergraph <file>');
  });
});
