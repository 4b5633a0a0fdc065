import type { LinkedSpec } from './spec-types.js';

/**
 * The inaccessible spec: `@inaccessible` hides an element from the API schema while keeping it
 * in the supergraph. `for: SECURITY`: a consumer that does not implement it must refuse the
 * supergraph. Composition always links v0.2.
 */
export const INACCESSIBLE_SPEC: LinkedSpec = {
  name: 'inaccessible',
  identity: 'https://specs.apollo.dev/inaccessible',
  purpose: 'SECURITY',
  versions: [
    {
      version: '0.1',
      directives: [
        {
          name: 'inaccessible',
          sdl: 'directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION',
        },
      ],
      types: [],
    },
    {
      version: '0.2',
      directives: [
        {
          name: 'inaccessible',
          sdl: 'directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION',
        },
      ],
      types: [],
    },
  ],
};
