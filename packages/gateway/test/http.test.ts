import { afterEach, describe, expect, it } from 'vitest';
import {
  createGateway,
  useRequestId,
  type Gateway,
  type GatewayOptions,
  type GatewayPlugin,
  type GatewayRequest,
} from '../src/index.js';
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

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

function start(options: Partial<GatewayOptions> = {}) {
  const { agent, received } = mockSubgraphs({
    [USERS_URL]: usersSubgraph,
    [REVIEWS_URL]: reviewsSubgraph,
  });
  gateway = createGateway({ supergraph: SUPERGRAPH, dispatcher: agent, ...options });
  return { gateway, received };
}

const post = (body: unknown, headers: Record<string, string> = {}): GatewayRequest => ({
  method: 'POST',
  url: '/graphql',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const get = (
  params: Record<string, string>,
  headers: Record<string, string> = {},
): GatewayRequest => ({
  method: 'GET',
  url: `/graphql?${new URLSearchParams(params).toString()}`,
  headers: { 'apollo-require-preflight': 'true', ...headers },
});

async function send(request: GatewayRequest) {
  const response = await gateway!.handle(request);
  return { ...response, json: JSON.parse(response.body) as Record<string, unknown> };
}

describe('GraphQL over HTTP', () => {
  it('answers POST JSON with application/json by default', async () => {
    start();
    const response = await send(post({ query: '{ me { name } }' }));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json).toEqual({ data: { me: { name: 'Ada' } } });
  });

  it('answers GET queries, and refuses mutations over GET with 405', async () => {
    start();
    const ok = await send(
      get({ query: 'query Q($id: ID!) { user(id: $id) { name } }', variables: '{"id":"u2"}' }),
    );
    expect(ok.json).toEqual({ data: { user: { name: 'Alan' } } });
    const mutation = await send(
      get({ query: 'mutation { rename(id: "u1", name: "x") { name } }' }),
    );
    expect(mutation.status).toBe(405);
    expect(mutation.headers['allow']).toBe('POST');
  });

  it('uses graphql-response+json when accepted: 400 for request errors, 200 with data', async () => {
    start();
    const accept = { accept: 'application/graphql-response+json' };
    const invalid = await send(post({ query: '{ nope }' }, accept));
    expect(invalid.status).toBe(400);
    expect(invalid.headers['content-type']).toBe(
      'application/graphql-response+json; charset=utf-8',
    );
    expect(invalid.json['errors']).toEqual([
      expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ]);
    const syntax = await send(post({ query: '{ me { ' }, accept));
    expect(syntax.status).toBe(400);
    expect(syntax.json['errors']).toEqual([
      expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
    ]);
    // application/json: every well-formed request is a 200.
    expect((await send(post({ query: '{ nope }' }))).status).toBe(200);
    expect((await send(post({ query: '{ me { name } }' }, { accept: 'text/html' }))).status).toBe(
      406,
    );
  });

  it('refuses malformed requests with 400 / 415', async () => {
    start();
    expect((await send(post('{not json'))).status).toBe(400);
    expect((await send(post({ variables: {} }))).status).toBe(400);
    expect((await send(post({ query: '{ me { name } }', variables: [1] }))).status).toBe(400);
    const wrongType = await send(
      post({ query: '{ me { name } }' }, { 'content-type': 'application/xml' }),
    );
    expect(wrongType.status).toBe(415);
  });

  it('prevents CSRF: simple requests need a preflight-forcing header', async () => {
    start();
    const simple = await send(post({ query: '{ me { name } }' }, { 'content-type': 'text/plain' }));
    expect(simple.status).toBe(400);
    expect(simple.json['errors']).toEqual([
      expect.objectContaining({ extensions: { code: 'ERR_GATEWAY_CSRF_PREVENTED' } }),
    ]);
    const bareGet: GatewayRequest = {
      method: 'GET',
      url: '/graphql?query=%7Bme%7Bname%7D%7D',
      headers: {},
    };
    expect((await send(bareGet)).status).toBe(400);
    expect((await send({ ...bareGet, headers: { 'x-apollo-operation-name': 'Q' } })).status).toBe(
      200,
    );
  });

  it('refuses bodies over maxBodyBytes with 413', async () => {
    start({ limits: { maxBodyBytes: 100 } });
    const response = await send(post({ query: `{ me { name } } # ${'x'.repeat(200)}` }));
    expect(response.status).toBe(413);
  });

  it('serves /health and /ready, and 404 elsewhere', async () => {
    start();
    expect((await send({ method: 'GET', url: '/health', headers: {} })).status).toBe(200);
    expect((await send({ method: 'GET', url: '/ready', headers: {} })).json).toEqual({
      status: 'ready',
    });
    expect((await send({ method: 'GET', url: '/other', headers: {} })).status).toBe(404);
  });
});

describe('the API schema', () => {
  it('hides join__*, link__*, _entities, _service and @inaccessible elements', async () => {
    start();
    for (const query of [
      '{ _entities(representations: []) { __typename } }',
      '{ _service { sdl } }',
      '{ secret }',
      '{ __type(name: "join__Graph") { name } }',
    ]) {
      const result = await gateway!.execute({ query });
      if (query.startsWith('{ __type(')) {
        expect(result).toEqual({ data: { __type: null } });
      } else {
        expect(result.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      }
    }
    const role = await gateway!.execute({
      query: '{ __type(name: "Role") { enumValues { name } } }',
    });
    expect(role).toEqual({
      data: { __type: { enumValues: [{ name: 'ADMIN' }, { name: 'USER' }] } },
    });
  });

  it('answers introspection next to federated fields, or refuses it when turned off', async () => {
    start();
    const mixed = await gateway!.execute({
      query: '{ me { name } q: __schema { queryType { name } } }',
    });
    expect(mixed).toEqual({ data: { me: { name: 'Ada' }, q: { queryType: { name: 'Query' } } } });
    await gateway!.close();
    start({ introspection: false });
    const refused = await gateway!.execute({ query: '{ __schema { queryType { name } } }' });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('ERR_GATEWAY_INTROSPECTION_DISABLED');
    expect(await gateway!.execute({ query: '{ __typename }' })).toEqual({
      data: { __typename: 'Query' },
    });
  });
});

describe('the API schema (directives)', () => {
  it('does not advertise @defer, which the gateway does not run', async () => {
    start();
    const result = await gateway!.execute({ query: '{ __schema { directives { name } } }' });
    const names = (result.data?.['__schema'] as { directives: { name: string }[] }).directives.map(
      (d) => d.name,
    );
    expect(names).toContain('skip');
    expect(names).not.toContain('defer');
  });
});

describe('limits', () => {
  it('refuses operations over maxDepth, maxAliases and maxTokens', async () => {
    start({ limits: { maxDepth: 2, maxAliases: 1, maxTokens: 30 } });
    const deep = await gateway!.execute({ query: '{ users { reviews { id } } }' });
    expect(deep.errors?.[0]).toMatchObject({ extensions: { code: 'ERR_GATEWAY_LIMIT_EXCEEDED' } });
    expect(deep.errors?.[0]?.message).toContain('maxDepth');
    const aliases = await gateway!.execute({ query: '{ a: me { id } b: me { id } }' });
    expect(aliases.errors?.[0]?.message).toContain('maxAliases');
    const tokens = await gateway!.execute({ query: `{ me { ${'id '.repeat(40)} } }` });
    expect(tokens.errors?.[0]?.message).toContain('maxTokens');
    expect(await gateway!.execute({ query: '{ me { id } }' })).toEqual({
      data: { me: { id: 'u1' } },
    });
  });

  it('counts depth through fragments', async () => {
    start({ limits: { maxDepth: 2 } });
    const result = await gateway!.execute({
      query: '{ users { ...R } } fragment R on User { reviews { id } }',
    });
    expect(result.errors?.[0]?.message).toContain('3 levels deep');
  });
});

describe('plan cache and plugins', () => {
  it('compiles an operation once, also across formatting differences', async () => {
    let plans = 0;
    const counter: GatewayPlugin = { onPlan: () => void plans++ };
    start({ plugins: [counter] });
    await gateway!.execute({ query: '{ me { name } }' });
    await gateway!.execute({ query: '{ me { name } }' });
    await gateway!.execute({ query: '{\n  me {\n    name\n  }\n}' });
    expect(plans).toBe(1);
    await gateway!.execute({ query: '{ me { id } }' });
    expect(plans).toBe(2);
  });

  it('runs request, subgraph and response hooks; useRequestId forwards and echoes ids', async () => {
    const { received } = start({ plugins: [useRequestId({ generate: () => 'generated' })] });
    const seen: string[] = [];
    const { agent } = mockSubgraphs({ [USERS_URL]: usersSubgraph, [REVIEWS_URL]: reviewsSubgraph });
    await gateway!.close();
    gateway = createGateway({
      supergraph: SUPERGRAPH,
      dispatcher: agent,
      plugins: [
        useRequestId({ generate: () => 'generated' }),
        {
          onSubgraphRequest: ({ request, setFetcher }) => {
            seen.push(`${request.serviceName}:${request.headers['x-request-id']}`);
            setFetcher(async () => ({
              data: { me: { __typename: 'User', id: 'x', name: 'Stub' } },
            }));
          },
        },
      ],
    });
    const response = await send(post({ query: '{ me { name } }' }, { 'x-request-id': 'abc' }));
    expect(response.headers['x-request-id']).toBe('abc');
    expect(response.json).toEqual({ data: { me: { name: 'Stub' } } });
    expect(seen).toEqual(['users:abc']);
    expect(received[USERS_URL]).toHaveLength(0);
  });

  it('lets onRequest answer early', async () => {
    start({
      plugins: [
        {
          onRequest: ({ setResponse }) =>
            setResponse({ status: 429, headers: {}, body: '{"errors":[{"message":"slow down"}]}' }),
        },
      ],
    });
    expect((await send(post({ query: '{ me { name } }' }))).status).toBe(429);
  });
});
