/**
 * The one suite every gateway under test runs: each scenario's operations (and its API schema)
 * compared with the monolith. Operations in `knownGaps` must still FAIL; the rest must pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayFactory } from '../src/gateways/gateway-under-test.js';
import { startScenario, type RunningScenario } from '../src/runner.js';
import { SCENARIOS } from '../src/scenarios/index.js';
import type { KnownGap } from './known-gaps.js';

export function runGatewaySuite(factory: GatewayFactory, knownGaps: readonly KnownGap[]): void {
  const gapOf = (scenario: string, operation: string) =>
    knownGaps.find(
      (g) => (g.scenario === scenario || g.scenario === '*') && g.operation === operation,
    );

  it('lists only known gaps that exist', () => {
    for (const gap of knownGaps) {
      const scenario = SCENARIOS.find((s) => s.name === gap.scenario);
      const exists =
        ((gap.scenario === '*' || scenario !== undefined) && gap.operation === 'API schema') ||
        scenario?.operations.some((op) => op.name === gap.operation);
      expect(exists, `${gap.scenario} > ${gap.operation}`).toBe(true);
    }
  });

  describe.each(SCENARIOS)(`${factory.name}: $name`, (scenario) => {
    let running: RunningScenario;
    beforeAll(async () => {
      running = await startScenario(scenario, factory);
    });
    afterAll(() => running?.close());

    for (const operation of scenario.operations) {
      const gap = gapOf(scenario.name, operation.name);
      if (gap) {
        it(`KNOWN GAP (must still fail): ${operation.name}`, async () => {
          const report = await running.run(operation);
          expect(
            report.mismatches,
            `fixed? remove it from known-gaps.ts: ${gap.reason}`,
          ).not.toEqual([]);
        });
      } else {
        it(operation.name, async () => {
          const report = await running.run(operation);
          expect(report.mismatches, JSON.stringify(report.actual)).toEqual([]);
        });
      }
    }

    const schemaGap = gapOf(scenario.name, 'API schema');
    it(`${schemaGap ? 'KNOWN GAP (must still fail): ' : ''}API schema equals the monolith schema`, async () => {
      const problems = await running.compareSchemas();
      if (schemaGap) expect(problems).not.toEqual([]);
      else expect(problems).toEqual([]);
    });
  });
}
