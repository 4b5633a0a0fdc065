import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import {
  createGateway,
  fileSupergraph,
  serviceListSupergraph,
  staticSupergraph,
} from '../src/index.js';
import { SUBGRAPHS, supergraphSdl } from './helpers.js';
import { runSupergraphSourceContract } from './supergraph-source.contract.js';
import { composeSubgraphs } from '@orrery/composition';

const SUPERGRAPH = supergraphSdl();

/** The same graph with one more field: a different, valid supergraph. */
function changedSupergraph(extra: string): string {
  const result = composeSubgraphs(
    SUBGRAPHS.map((s) =>
      s.name === 'users'
        ? { ...s, sdl: s.sdl.replace('role: Role', `role: Role ${extra}: String`) }
        : s,
    ),
  );
  if (!result.ok) throw new Error('fixture does not compose');
  return result.supergraphSdl;
}

runSupergraphSourceContract(
  'static',
  async () => ({
    source: staticSupergraph(SUPERGRAPH),
    update: async () => {},
    close: async () => {},
  }),
  { updates: false, canFail: false, updateWithinMs: 200 },
);

runSupergraphSourceContract(
  'file (watched)',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orrery-gw-'));
    const file = join(dir, 'supergraph.graphql');
    writeFileSync(file, SUPERGRAPH);
    let n = 0;
    return {
      source: fileSupergraph(file, { watch: true, intervalMs: 20 }),
      update: async () => writeFileSync(file, changedSupergraph(`extra${++n}`)),
      broken: () => fileSupergraph(join(dir, 'missing.graphql')),
      close: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  { updates: true, canFail: true },
);

runSupergraphSourceContract(
  'service list (polled)',
  async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const sdls = new Map(SUBGRAPHS.map((s) => [s.name, s.sdl]));
    for (const subgraph of SUBGRAPHS) {
      const { origin, pathname } = new URL(subgraph.url);
      agent
        .get(origin)
        .intercept({ path: pathname, method: 'POST' })
        .reply(200, () => JSON.stringify({ data: { _service: { sdl: sdls.get(subgraph.name) } } }))
        .persist();
    }
    agent
      .get('http://down.test')
      .intercept({ path: '/graphql', method: 'POST' })
      .replyWithError(new Error('connect ECONNREFUSED'))
      .persist();
    let n = 0;
    return {
      source: serviceListSupergraph({
        subgraphs: SUBGRAPHS.map(({ name, url }) => ({ name, url })),
        pollIntervalMs: 20,
        dispatcher: agent,
      }),
      update: async () => {
        sdls.set(
          'users',
          SUBGRAPHS[0]!.sdl.replace('role: Role', `role: Role extra${++n}: String`),
        );
      },
      broken: () =>
        serviceListSupergraph({
          subgraphs: [{ name: 'down', url: 'http://down.test/graphql' }],
          dispatcher: agent,
        }),
      close: () => agent.close(),
    };
  },
  { updates: true, canFail: true },
);

describe('service list composition', () => {
  it('reports composition errors as a SupergraphLoadError', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent
      .get('http://bad.test')
      .intercept({ path: '/graphql', method: 'POST' })
      .reply(200, JSON.stringify({ data: { _service: { sdl: 'type Query { a: Unknown }' } } }))
      .persist();
    const source = serviceListSupergraph({
      subgraphs: [{ name: 'bad', url: 'http://bad.test/graphql' }],
      dispatcher: agent,
    });
    await expect(source.start(() => {})).rejects.toThrow(/do not compose/);
  });
});

describe('a gateway over a watched file', () => {
  it('swaps in a changed file, and keeps serving when the new file is broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orrery-gw-'));
    const file = join(dir, 'supergraph.graphql');
    writeFileSync(file, SUPERGRAPH);
    const gateway = createGateway({
      supergraph: fileSupergraph(file, { watch: true, intervalMs: 20 }),
    });
    try {
      expect(gateway.isReady()).toBe(false);
      await gateway.ready;
      expect(gateway.apiSchema.getType('User')?.toString()).toBe('User');
      const next = changedSupergraph('nickname');
      writeFileSync(file, next);
      for (let i = 0; i < 200 && gateway.supergraphSdl !== next; i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(gateway.supergraphSdl).toBe(next);
      writeFileSync(file, 'this is not a supergraph');
      await new Promise((r) => setTimeout(r, 200));
      expect(gateway.supergraphSdl).toBe(next);
    } finally {
      await gateway.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
