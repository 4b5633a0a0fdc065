/**
 * `npm run demo`: the demo's entry point.
 *
 *   node apps/demo/dist/main.js subgraphs    start every demo subgraph at its initial version
 */
import { startSubgraph } from './subgraph-server.js';
import { SUBGRAPHS } from './subgraphs/index.js';

async function startSubgraphs(): Promise<void> {
  const running = await Promise.all(SUBGRAPHS.map((s) => startSubgraph(s, s.initial)));
  for (const s of running) console.log(`${s.name.padEnd(10)} ${s.version.padEnd(4)} ${s.url}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.all(running.map((s) => s.stop()));
}

const [command = 'subgraphs'] = process.argv.slice(2);
if (command === 'subgraphs') {
  await startSubgraphs();
} else {
  console.error(`unknown demo command "${command}"`);
  process.exitCode = 2;
}
