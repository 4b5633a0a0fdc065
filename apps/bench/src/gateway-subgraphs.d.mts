import type { Server } from 'node:http';

/** The four benchmark subgraphs, in route order. */
export const SUBGRAPH_NAMES: readonly string[];

/** A subgraph's SDL, from the bench fixtures. */
export function subgraphSdl(name: string): string;

/** Starts the benchmark subgraphs' server (see gateway-subgraphs.mjs); port 0 picks a free one. */
export function startSubgraphs(port: number, host?: string): Promise<Server>;
