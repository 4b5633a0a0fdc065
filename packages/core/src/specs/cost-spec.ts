import type { LinkedSpec } from './spec-types.js';

/**
 * The demand-control spec (federation 2.9+): `@cost(weight:)` and `@listSize(...)`. No `for:`
 * purpose. Composition imports `@listSize` only when some subgraph uses it; otherwise it stays
 * `@cost__listSize`.
 */
export const COST_SPEC: LinkedSpec = {
  name: 'cost',
  identity: 'https://specs.apollo.dev/cost',
  versions: [
    {
      version: '0.1',
      directives: [
        {
          name: 'cost',
          sdl: 'directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR',
        },
        {
          name: 'listSize',
          sdl: 'directive @cost__listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION',
        },
      ],
      types: [],
    },
  ],
};
