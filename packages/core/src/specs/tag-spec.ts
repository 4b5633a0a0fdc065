import type { LinkedSpec } from './spec-types.js';

const TAG_V01_LOCATIONS = 'FIELD_DEFINITION | OBJECT | INTERFACE | UNION';
const TAG_V02_LOCATIONS = `${TAG_V01_LOCATIONS} | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION`;

/**
 * The tag spec: `@tag(name:)` labels for contracts. No `for:` purpose (a consumer that does not
 * know it can ignore it). Composition always links v0.3, which added the SCHEMA location.
 */
export const TAG_SPEC: LinkedSpec = {
  name: 'tag',
  identity: 'https://specs.apollo.dev/tag',
  versions: [
    {
      version: '0.1',
      directives: [
        { name: 'tag', sdl: `directive @tag(name: String!) repeatable on ${TAG_V01_LOCATIONS}` },
      ],
      types: [],
    },
    {
      version: '0.2',
      directives: [
        { name: 'tag', sdl: `directive @tag(name: String!) repeatable on ${TAG_V02_LOCATIONS}` },
      ],
      types: [],
    },
    {
      version: '0.3',
      directives: [
        {
          name: 'tag',
          sdl: `directive @tag(name: String!) repeatable on ${TAG_V02_LOCATIONS} | SCHEMA`,
        },
      ],
      types: [],
    },
  ],
};
