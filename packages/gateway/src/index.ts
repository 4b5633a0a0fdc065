/**
 * `@orrery/gateway`: serves a supergraph's API schema over GraphQL-over-HTTP and executes query
 * plans against the subgraphs.
 */
export {};
