import { SCENARIOS, orreryComposer } from '../src/index.js';
const name = process.argv[2];
const s = SCENARIOS.find((x) => x.name === name)!;
try {
  orreryComposer(s.subgraphs.map((g) => ({ name: g.name, url: 'http://x', sdl: g.typeDefs })));
  console.log('ok');
} catch (e) {
  console.log(String(e));
}
