/**
 * Hot swap under load: clients keep sending requests while the supergraph is swapped 50 times
 * (with rejected broken supergraphs in between); no request may fail or see wrong data.
 */
import { composeSubgraphs } from '@orrery/composition';
import { describe, expect, it } from 'vitest';
import { createGateway, type GatewayResponse } from '../src/index.js';
import {
  mockSubgraphs,
  REVIEWS_URL,
  runSubgraph,
  SUBGRAPHS,
  supergraphSdl,
  USERS_URL,
  usersSubgraph,
} from './helpers.js';

const A = supergraphSdl();
const composedB = composeSubgraphs(
  SUBGRAPHS.map((s) =>
    s.name === 'users'
      ? { ...s, sdl: s.sdl.replace('role: Role', 'role: Role nickname: String') }
      : s,
  ),
);
if (!composedB.ok) throw new Error('fixture does not compose');
const B = composedB.supergraphSdl;

const EXPECTED = JSON.stringify({
  data: {
    users: [
      { name: 'Ada', reviews: [{ id: 'r1' }] },
      { name: 'Alan', reviews: [{ id: 'r2' }, { id: 'r3' }] },
      { name: 'Grace', reviews: [] },
    ],
  },
});

describe('hot swap', () => {
  it('swaps 50 times under constant load with zero failed requests', async () => {
    // The reviews subgraph answers late, so requests are in flight across every swap.
    const { agent } = mockSubgraphs({
      [USERS_URL]: usersSubgraph,
      [REVIEWS_URL]: { delayMs: 3, run: (request) => runSubgraph('reviews', request) },
    });
    const gateway = createGateway({ supergraph: A, dispatcher: agent });
    const body = JSON.stringify({ query: '{ users { name reviews { id } } }' });
    let stop = false;
    let sent = 0;
    const failures: GatewayResponse[] = [];
    const client = async (): Promise<void> => {
      while (!stop) {
        const response = await gateway.handle({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json' },
          body,
        });
        sent++;
        if (response.status !== 200 || response.body !== EXPECTED) failures.push(response);
      }
    };
    const clients = Array.from({ length: 8 }, client);
    let swaps = 0;
    let rejected = 0;
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 5));
      expect(gateway.updateSupergraph(i % 2 === 0 ? B : A)).toEqual({ ok: true });
      swaps++;
      if (i % 10 === 0) {
        const broken = gateway.updateSupergraph('type Query { broken: String }');
        if (!broken.ok) rejected++;
      }
    }
    stop = true;
    await Promise.all(clients);
    await gateway.close();
    expect(swaps).toBe(50);
    expect(rejected).toBe(5);
    expect(gateway.supergraphSdl).toBe(A);
    expect(sent).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 60_000);
});
