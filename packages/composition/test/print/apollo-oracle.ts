import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

/** A subgraph of the corpus: name, SDL and (optional) routing URL. */
export type SubgraphSpec = readonly [name: string, sdl: string, url?: string];

/** Composes with `@apollo/composition` 2.14 (the oracle) and returns its supergraph SDL. */
export function apolloSupergraph(subgraphs: readonly SubgraphSpec[]): string {
  const result = composeServices(
    subgraphs.map(([name, sdl, url]) => ({
      name,
      url: url ?? `http://${name}:4000/graphql`,
      typeDefs: parse(sdl),
    })),
  );
  if (result.errors) {
    throw new Error(`oracle failed to compose:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return result.supergraphSdl;
}

/** The `extend schema @link(...)` line of a Fed 2 subgraph. */
export function fed(version: string, imports: readonly string[]): string {
  return `extend schema @link(url: "https://specs.apollo.dev/federation/v${version}", import: ${JSON.stringify(imports)})\n`;
}
