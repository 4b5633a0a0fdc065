/**
 * `npm run demo`: the whole managed-federation stack on this machine.
 *
 *   npm run demo                 start (or resume) the stack in .orrery-demo/
 *   npm run demo -- --reset      start from scratch (removes .orrery-demo/)
 *   npm run demo -- subgraphs    only the seven subgraphs
 *   npm run demo -- scenarios    the scenarios
 *   npm run demo -- scenario NAME [--port-base 4200] [--keep]
 *                                play one on a stack of its own (exit 1 when it fails)
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findScenario, listScenarios, runScenario } from './scenarios/runner.js';
import { startStack } from './stack.js';
import { startSubgraph } from './subgraph-server.js';
import { SUBGRAPHS } from './subgraphs/index.js';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const DIR = join(ROOT, '.orrery-demo');

/**
 * Resolves at the first Ctrl-C or SIGTERM. The listeners stay (`on`, not `once`): a dependency's
 * signal-exit handler re-raises the signal when it finds itself the last listener, which killed
 * the process halfway through stopping and left the registry running.
 */
const untilSignal = () =>
  new Promise<void>((resolveStop) => {
    process.on('SIGINT', () => resolveStop());
    process.on('SIGTERM', () => resolveStop());
  });

async function startSubgraphs(): Promise<void> {
  const running = await Promise.all(SUBGRAPHS.map((s) => startSubgraph(s, s.initial)));
  for (const s of running) console.log(`${s.name.padEnd(10)} ${s.version.padEnd(4)} ${s.url}`);
  await untilSignal();
  await Promise.all(running.map((s) => s.stop()));
}

const SAMPLE = `{
  channels { id name ... on WebChannel { webHook } ... on EmailChannel { emailAddress } }
  topProducts { upc nameLowercase price inStock shippingEstimate reviews { headline author { name } } }
}`;

async function start(reset: boolean): Promise<void> {
  if (reset) {
    rmSync(DIR, { recursive: true, force: true });
    console.log(`removed ${DIR}`);
  }
  const stack = await startStack({ dir: DIR, say: (line) => console.log(`[demo] ${line}`) });
  console.log(`
Orrery demo is running (Ctrl-C stops everything).

  gateway (demo@prod)   ${stack.gatewayUrl}   open it in a browser for the sandbox
  registry              ${stack.registryUrl}
  admin key             in ${join(DIR, 'admin-key')}

Try:
  curl -s ${stack.gatewayUrl} -H 'content-type: application/json' \\
    -d '{"query":"{ topProducts { upc nameLowercase reviews { headline } } }"}'

  ORRERY_REGISTRY_URL=${stack.registryUrl} ORRERY_KEY=$(cat ${join(DIR, 'admin-key')}) \\
    node_modules/.bin/orrery subgraph list demo@prod

A sample query for the sandbox:
${SAMPLE}
`);
  listScenarios();
  console.log('\nEach scenario runs on a stack of its own (other ports): this one keeps running.');
  await untilSignal();
  console.log('\n[demo] stopping ...');
  await stack.stop();
}

/** The value after `--name` (`--name value` or `--name=value`). */
function option(args: readonly string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i]!.includes('=') ? args[i]!.slice(name.length + 1) : args[i + 1];
}

async function scenario(args: readonly string[]): Promise<void> {
  const name = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '--port-base')[1];
  const found = name ? findScenario(name) : undefined;
  if (!found) {
    if (name) console.error(`unknown scenario "${name}"\n`);
    listScenarios(console.error);
    process.exitCode = 2;
    return;
  }
  const portBase = option(args, '--port-base');
  process.exitCode = await runScenario(found, {
    ...(portBase ? { portBase: Number(portBase) } : {}),
    keep: args.includes('--keep'),
  });
}

const args = process.argv.slice(2);
const command = args.find((a) => !a.startsWith('-')) ?? 'start';
if (command === 'subgraphs') {
  await startSubgraphs();
} else if (command === 'scenarios') {
  listScenarios();
} else if (command === 'scenario') {
  await scenario(args);
} else if (command === 'start') {
  await start(args.includes('--reset'));
} else {
  console.error(
    `unknown demo command "${command}" (try: npm run demo, npm run demo -- --reset, npm run demo -- scenarios)`,
  );
  process.exitCode = 2;
}
