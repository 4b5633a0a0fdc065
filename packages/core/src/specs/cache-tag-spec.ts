import type { LinkedSpec } from './spec-types.js';

/**
 * The cacheTag spec (federation 2.12+): `@cacheTag(format:)` names cache entries for
 * invalidation. Composition links it `for: EXECUTION` but prints no definition: each application
 * is carried as `@join__directive(graphs:, name: "federation__cacheTag", args:)`.
 */
export const CACHE_TAG_SPEC: LinkedSpec = {
  name: 'cacheTag',
  identity: 'https://specs.apollo.dev/cacheTag',
  purpose: 'EXECUTION',
  definitionsViaJoinDirective: true,
  versions: [
    {
      version: '0.1',
      directives: [
        {
          name: 'cacheTag',
          sdl: 'directive @cacheTag(format: String!) repeatable on OBJECT | FIELD_DEFINITION',
        },
      ],
      types: [],
    },
  ],
};
