import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { validateSatisfiability } from '../../src/satisfiability/index.js';
import { FEDERATION_HEADER } from './corpus.js';
import { generateLargeGraph } from './large-graph.js';

const SIZE = Number(process.env['ORRERY_SAT_SUBGRAPHS'] ?? 10);
const TYPES = Number(process.env['ORRERY_SAT_TYPES'] ?? 10);

describe('generated graph', () => {
  it(`agrees with Apollo on ${SIZE} subgraphs x ${TYPES} types`, () => {
    const services = generateLargeGraph(SIZE, TYPES).map((s) => ({
      name: s.name,
      url: `http://${s.name}`,
      typeDefs: parse(FEDERATION_HEADER + s.sdl),
    }));
    let t = performance.now();
    const full = composeServices(services);
    const apolloFull = performance.now() - t;
    t = performance.now();
    const loose = composeServices(services, { runSatisfiability: false });
    const apolloLoose = performance.now() - t;
    expect(loose.errors?.map((e) => e.message)).toBeUndefined();
    t = performance.now();
    const ours = validateSatisfiability(loose.supergraphSdl as string);
    const oursMs = performance.now() - t;
    if (process.env['ORRERY_SAT_REPORT']) {
      console.log(
        `apollo compose: ${apolloFull.toFixed(0)} ms (without satisfiability ${apolloLoose.toFixed(0)} ms, so satisfiability ~${(apolloFull - apolloLoose).toFixed(0)} ms); orrery satisfiability (read + graph + check): ${oursMs.toFixed(0)} ms`,
      );
    }
    expect(ours).toEqual([]);
    expect(full.errors).toBeUndefined();
    // Apollo composes the graph twice: slow on a busy machine.
  }, 60_000);
});
