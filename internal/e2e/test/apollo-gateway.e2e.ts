/**
 * Proves the harness: `@apollo/gateway` on supergraphs composed by `@orrery/composition` must
 * answer every scenario exactly like the monolith. A failure here means the scenario or our
 * composition is wrong, never "Apollo's gateway is wrong".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apolloGatewayFactory } from '../src/gateways/apollo-gateway.js';
import { startScenario, type RunningScenario } from '../src/runner.js';
import { SCENARIOS } from '../src/scenarios/index.js';

describe.each(SCENARIOS)('@apollo/gateway: $name', (scenario) => {
  let running: RunningScenario;
  beforeAll(async () => {
    running = await startScenario(scenario, apolloGatewayFactory);
  });
  afterAll(() => running?.close());

  it.each(scenario.operations)('$name', async (operation) => {
    const report = await running.run(operation);
    expect(report.mismatches, JSON.stringify(report.actual)).toEqual([]);
  });

  it('API schema (by introspection) equals the monolith schema', async () => {
    expect(await running.compareSchemas()).toEqual([]);
  });
});
