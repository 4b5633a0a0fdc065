import type { GraphQLRequest } from '@orrery/internal-testing';
import type { GraphQLResponse } from '../graphql-runtime.js';

/** A running gateway, as the harness drives it: one request in, one JSON response out. */
export interface GatewayUnderTest {
  execute(request: GraphQLRequest): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

/**
 * How to start a gateway on a supergraph. The runner composes the supergraph (subgraph URLs
 * included) and hands it over; the factory must not fetch anything but those subgraphs.
 */
export interface GatewayFactory {
  /** Shown in test names, e.g. `@apollo/gateway`. */
  readonly name: string;
  start(supergraphSdl: string): Promise<GatewayUnderTest>;
}
