/**
 * Runs one scenario on a stack of its own (a temporary folder and its own ports, so a running
 * `npm run demo` is not disturbed), with the background client querying the `demo@prod` gateway
 * from the first step to the last. Returns the exit code: 0 when every step did what it should
 * and the background client saw no failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type Stack } from '../stack.js';
import { createContext } from './context.js';
import { SCENARIOS } from './index.js';
import { startTraffic, type TrafficReport } from './traffic.js';
import type { Scenario } from './types.js';

/** Time between steps, for the background client to query what the step left behind. */
const SETTLE_MS = 1000;

export interface RunOptions {
  /** Port base of the scenario's stack (default 4200: gateway 4200, registry 4300). */
  readonly portBase?: number;
  /** Keep the stack's folder (registry database, schemas, gateway caches) afterwards. */
  readonly keep?: boolean;
  readonly out?: (line: string) => void;
}

export function findScenario(nameOrNumber: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === nameOrNumber || String(s.number) === nameOrNumber);
}

export function listScenarios(out: (line: string) => void = console.log): void {
  out('Scenarios (npm run demo -- scenario NAME, or its number):\n');
  for (const s of SCENARIOS)
    out(`  ${String(s.number).padStart(2)}. ${s.name.padEnd(22)} ${s.title}`);
}

function describeReport(report: TrafficReport): string {
  const lines = [`background client: ${report.sent} requests, ${report.failed} failed`];
  if (report.failed > 0) {
    lines.push(`  ${report.graphqlErrors} of them with GraphQL errors; the first ones:`);
    for (const why of report.failures) lines.push(`    ${why}`);
  }
  return lines.join('\n');
}

export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<number> {
  const out = options.out ?? ((line: string) => console.log(line));
  out(`== scenario ${scenario.number}: ${scenario.name} — ${scenario.title} ==`);
  out(`(${scenario.seed})`);
  out(scenario.quote.replace(/^/gm, '  > '));
  out('');

  const dir = mkdtempSync(join(tmpdir(), `orrery-demo-${scenario.name}-`));
  let stack: Stack | undefined;
  let failure: Error | undefined;
  let report: TrafficReport | undefined;
  // Ctrl-C stops the stack's processes instead of leaving them behind.
  let interrupting = false;
  const interrupted = () => {
    if (interrupting) return;
    interrupting = true;
    out('\ninterrupted: stopping the stack ...');
    void (stack?.stop() ?? Promise.resolve()).finally(() => {
      if (!options.keep) rmSync(dir, { recursive: true, force: true });
      process.exit(130);
    });
  };
  // `on`, not `once`: see untilSignal in main.ts (a signal-exit handler re-raises otherwise).
  process.on('SIGINT', interrupted);
  try {
    stack = await startStack({
      dir,
      portBase: options.portBase ?? 4200,
      say: (line) => out(`[stack] ${line}`),
    });
    out(`[stack] gateway demo@prod ${stack.gatewayUrl}, registry ${stack.registryUrl}, in ${dir}`);
    const traffic = startTraffic({
      gateways: [stack.gateways.get('prod')!.url],
      ...scenario.traffic,
    });
    out(
      `[client] querying the gateway every 50 ms: ${scenario.traffic.query.replace(/\s+/g, ' ')}`,
    );
    out('');
    const ctx = createContext(stack, traffic, out);
    const steps = scenario.steps(ctx);
    try {
      for (const [i, step] of steps.entries()) {
        out(`[step ${i + 1}/${steps.length}] ${step.title}`);
        await step.run();
        // Let the background client run across what the step changed before the next one.
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        out('');
      }
    } catch (error) {
      failure = error as Error;
    }
    report = await traffic.stop();
  } catch (error) {
    failure = error as Error;
  } finally {
    process.removeListener('SIGINT', interrupted);
    await stack?.stop();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }

  if (report) out(describeReport(report));
  if (failure) {
    out(`scenario ${scenario.name} FAILED: ${failure.message}`);
    return 1;
  }
  if (report && report.failed > 0) {
    out(`scenario ${scenario.name} FAILED: the background client saw failures`);
    return 1;
  }
  out(`scenario ${scenario.name}: done`);
  return 0;
}
