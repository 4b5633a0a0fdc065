/**
 * `@orrery/composition`: subgraph schemas to an Apollo-compatible supergraph. Pure: no I/O.
 */
export {};
