import { describe, expect, it } from 'vitest';
import { createDisposalStack, startSubgraphServer } from '../src/index.js';

describe('subgraph server', () => {
  it('serves POSTed requests on a loopback port and records them', async () => {
    const stack = createDisposalStack();
    try {
      const server = stack.use(
        await startSubgraphServer({
          name: 'echo',
          typeDefs: 'echo',
          resolvers: null,
          runtime: {
            buildSchema: (typeDefs: string) => typeDefs,
            execute: (schema, request) => ({ data: { schema, query: request.query } }),
          },
        }),
      );
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ a }' }),
      });
      expect(await response.json()).toEqual({ data: { schema: 'echo', query: '{ a }' } });
      expect(server.requests).toEqual([{ query: '{ a }' }]);
      const bad = await fetch(server.url, { method: 'POST', body: 'not json' });
      expect(bad.status).toBe(400);
    } finally {
      await stack.disposeAll();
    }
  });
});
