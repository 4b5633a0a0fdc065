import { afterEach, describe, expect, it } from 'vitest';
import {
  clientInfo,
  createGateway,
  InvalidConfigError,
  useClientAwareness,
  type ClientAwarenessOptions,
  type ClientInfo,
  type Gateway,
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

/** A gateway with client awareness and a plugin recording what it learnt per request. */
function start(options: ClientAwarenessOptions = {}) {
  const { agent } = mockSubgraphs({ [USERS_URL]: usersSubgraph, [REVIEWS_URL]: reviewsSubgraph });
  const seen: (ClientInfo | undefined)[] = [];
  gateway = createGateway({
    supergraph: SUPERGRAPH,
    dispatcher: agent,
    plugins: [
      useClientAwareness(options),
      { onResponse: ({ context }) => void seen.push(clientInfo(context)) },
    ],
  });
  return { gateway, seen };
}

const post = (headers: Record<string, string> = {}, url = '/graphql'): GatewayRequest => ({
  method: 'POST',
  url,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ query: '{ me { name } }' }),
});

describe('useClientAwareness', () => {
  it('reads apollographql-client-name and -version for other plugins', async () => {
    const { gateway, seen } = start();
    const response = await gateway.handle(
      post({ 'apollographql-client-name': 'web', 'apollographql-client-version': '1.4.2' }),
    );
    expect(JSON.parse(response.body)).toEqual({ data: { me: { name: 'Ada' } } });
    await gateway.handle(post());
    expect(seen).toEqual([
      { name: 'web', version: '1.4.2' },
      { name: undefined, version: undefined },
    ]);
  });

  it('reads configured header names', async () => {
    const { gateway, seen } = start({ nameHeader: 'X-Client', versionHeader: 'X-Client-Version' });
    await gateway.handle(
      post({ 'x-client': 'ios', 'x-client-version': '7', 'apollographql-client-name': 'web' }),
    );
    expect(seen).toEqual([{ name: 'ios', version: '7' }]);
  });

  it('refuses unidentified GraphQL requests with a coded 400 when a name is required', async () => {
    const { gateway } = start({ requireClientName: true });
    const refused = await gateway.handle(post({ 'apollographql-client-name': '  ' }));
    expect(refused.status).toBe(400);
    const body = JSON.parse(refused.body) as { errors: { message: string; extensions: unknown }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.extensions).toEqual({ code: 'ERR_GATEWAY_CLIENT_NAME_REQUIRED' });
    expect(body.errors[0]!.message).toContain('"apollographql-client-name" header');
    const ok = await gateway.handle(post({ 'apollographql-client-name': 'web' }));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ data: { me: { name: 'Ada' } } });
  });

  it('names the configured header in the refusal and guards only the GraphQL path', async () => {
    const { gateway } = start({ requireClientName: true, nameHeader: 'x-client' });
    const refused = await gateway.handle(post({ 'apollographql-client-name': 'web' }));
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('\\"x-client\\" header');
    const health = await gateway.handle({ method: 'GET', url: '/health', headers: {} });
    expect(health.status).toBe(200);
  });

  it('refuses empty header names', () => {
    expect(() => useClientAwareness({ nameHeader: '' })).toThrow(InvalidConfigError);
  });
});
