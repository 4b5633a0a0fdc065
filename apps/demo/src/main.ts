/**
 * `npm run demo`: the whole managed-federation stack on this machine.
 *
 *   npm run demo                 start (or resume) the stack in .orrery-demo/
 *   npm run demo -- --reset      start from scratch (removes .orrery-demo/)
 *   npm run demo -- subgraphs    only the seven subgraphs
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack } from './stack.js';
import { startSubgraph } from './subgraph-server.js';
import { SUBGRAPHS } from './subgraphs/index.js';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const DIR = join(ROOT, '.orrery-demo');

const untilSignal = () =>
  new Promise<void>((resolveStop) => {
    process.once('SIGINT', resolveStop);
    process.once('SIGTERM', resolveStop);
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
  await untilSignal();
  console.log('\n[demo] stopping ...');
  await stack.stop();
}

const args = process.argv.slice(2);
const command = args.find((a) => !a.startsWith('-')) ?? 'start';
if (command === 'subgraphs') {
  await startSubgraphs();
} else if (command === 'start') {
  await start(args.includes('--reset'));
} else {
  console.error(`unknown demo command "${command}" (try: npm run demo, npm run demo -- --reset)`);
  process.exitCode = 2;
}
