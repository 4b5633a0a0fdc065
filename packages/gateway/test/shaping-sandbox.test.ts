import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createQueryPlanner } from '@orrery/query-planner';
import { parse } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createGateway,
  type Gateway,
  type GatewayOptions,
  type GatewayRequest,
} from '../src/index.js';
import { planTree } from '../src/sandbox/client/plan-tree.js';
import {
  mockSubgraphs,
  REVIEWS_URL,
  reviewsSubgraph,
  supergraphSdl,
  USERS_URL,
  usersSubgraph,
} from './helpers.js';

const SUPERGRAPH = supergraphSdl();
let gateway: Gateway | undefined;
let assets: string;

beforeAll(async () => {
  // Stand-ins for the built files: what is served, and how, does not depend on their content.
  assets = await mkdtemp(join(tmpdir(), 'orrery-sandbox-'));
  await writeFile(join(assets, 'sandbox.js'), 'console.log("sandbox");\n');
  await writeFile(join(assets, 'sandbox.css'), 'body { margin: 0 }\n');
});
afterAll(() => rm(assets, { recursive: true, force: true }));
afterEach(async () => {
  vi.unstubAllEnvs();
  await gateway?.close();
  gateway = undefined;
});

function start(options: Partial<GatewayOptions> = {}) {
  const { agent } = mockSubgraphs({ [USERS_URL]: usersSubgraph, [REVIEWS_URL]: reviewsSubgraph });
  gateway = createGateway({ supergraph: SUPERGRAPH, dispatcher: agent, ...options });
  return gateway;
}

const get = (url: string, accept = 'text/html,application/xhtml+xml'): GatewayRequest => ({
  method: 'GET',
  url,
  headers: { accept },
});

describe('the sandbox page', () => {
  it('serves the page to browsers at GET /, with its settings and hashed asset URLs', async () => {
    start({ sandbox: { assetsDir: assets, defaultQuery: '{ me { name } }' }, path: '/api' });
    const page = await gateway!.handle(get('/'));
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    const config =
      /<script id="orrery-sandbox-config" type="application\/json">(.*?)<\/script>/.exec(page.body);
    expect(JSON.parse(config![1]!)).toEqual({ endpoint: '/api', defaultQuery: '{ me { name } }' });
    const script = /src="(\/sandbox\/sandbox\.js\?v=[0-9a-f]{12})"/.exec(page.body);
    expect(script).not.toBeNull();
    expect(page.body).toMatch(/href="\/sandbox\/sandbox\.css\?v=[0-9a-f]{12}"/);

    const js = await gateway!.handle(get(script![1]!, '*/*'));
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log("sandbox");\n');
    const css = await gateway!.handle(get('/sandbox/sandbox.css', 'text/css'));
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toBe('body { margin: 0 }\n');
  });

  it('escapes the settings so a default query cannot end the script element', async () => {
    start({ sandbox: { assetsDir: assets, defaultQuery: '# </script><script>alert(1)' } });
    const page = await gateway!.handle(get('/'));
    expect(page.body).not.toContain('</script><script>alert(1)');
    expect(page.body).toContain('\\u003c/script>');
  });

  it('serves only its own files and leaves other requests to the gateway', async () => {
    start({ sandbox: { assetsDir: assets } });
    for (const url of ['/sandbox/../package.json', '/sandbox/other.js', '/sandbox/']) {
      expect((await gateway!.handle(get(url, '*/*'))).status).toBe(404);
    }
    // Not a browser: GET / stays a 404, and GraphQL is untouched.
    expect((await gateway!.handle(get('/', 'application/json'))).status).toBe(404);
    const graphql = await gateway!.handle({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', accept: 'text/html, application/json' },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    expect(JSON.parse(graphql.body)).toEqual({ data: { me: { name: 'Ada' } } });
  });

  it('says plainly that the bundle is missing, and how to build it, while GraphQL works', async () => {
    const missing = join(assets, 'nowhere');
    start({ sandbox: { assetsDir: missing } });
    const page = await gateway!.handle(get('/'));
    expect(page.status).toBe(503);
    expect(page.body).toContain('The sandbox is not built');
    expect(page.body).toContain('pnpm turbo run build --filter @orrery/gateway');
    expect(page.body).toContain(missing);
    const result = await gateway!.execute({ query: '{ me { name } }' });
    expect(result).toEqual({ data: { me: { name: 'Ada' } } });
  });

  it('is off when NODE_ENV=production unless the sandbox option turns it on', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    start();
    expect((await gateway!.handle(get('/'))).status).toBe(404);
    await gateway!.close();
    start({ sandbox: { assetsDir: assets } });
    expect((await gateway!.handle(get('/'))).status).toBe(200);
  });

  it('can be turned off in development', async () => {
    start({ sandbox: false });
    expect((await gateway!.handle(get('/'))).status).toBe(404);
  });
});

describe('the plan panel model', () => {
  const plan = (query: string) => {
    const planned = createQueryPlanner(SUPERGRAPH).plan(parse(query));
    if (!planned.ok) throw new Error('not plannable');
    return planned.plan;
  };

  it('turns a plan into fetches per subgraph with the paths they run at', () => {
    const tree = planTree(plan('{ users { name reviews { body } } }'));
    expect(tree.fetchCount).toBe(2);
    expect(tree.fetchesBySubgraph).toEqual([
      { subgraph: 'users', count: 1 },
      { subgraph: 'reviews', count: 1 },
    ]);
    expect(tree.root).toMatchObject({
      kind: 'sequence',
      steps: [
        { kind: 'fetch', subgraph: 'users', path: '', entity: false, operationKind: 'query' },
        { kind: 'fetch', subgraph: 'reviews', path: 'users.@', entity: true },
      ],
    });
  });

  it('keeps conditions, and has no root for operations that call no subgraph', () => {
    const conditional = planTree(
      plan('query($r: Boolean!) { me { name reviews @include(if: $r) { body } } }'),
    );
    expect(JSON.stringify(conditional.root)).toContain('"kind":"condition"');
    expect(conditional.fetchesBySubgraph.map((f) => f.subgraph).sort()).toEqual([
      'reviews',
      'users',
    ]);
    const none = planTree(plan('{ __typename }'));
    expect(none).toEqual({ root: undefined, fetchesBySubgraph: [], fetchCount: 0 });
  });
});
