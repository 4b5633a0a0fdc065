import type { LinkedSpec } from './spec-types.js';

/**
 * The link spec (v1.0), the bootstrap of every Fed 2 supergraph: `@link` itself plus the
 * `link__Import` scalar and the `link__Purpose` enum. Older supergraphs bootstrap with the `core`
 * spec (v0.1, v0.2) instead; readers should accept both.
 */
export const LINK_SPEC: LinkedSpec = {
  name: 'link',
  identity: 'https://specs.apollo.dev/link',
  versions: [
    {
      version: '1.0',
      directives: [
        {
          name: 'link',
          sdl: 'directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA',
        },
      ],
      types: [
        { name: 'Import', sdl: 'scalar link__Import' },
        {
          name: 'Purpose',
          sdl: `enum link__Purpose {
  """
  \`SECURITY\` features provide metadata necessary to securely resolve fields.
  """
  SECURITY

  """
  \`EXECUTION\` features provide metadata necessary for operation execution.
  """
  EXECUTION
}`,
        },
      ],
    },
  ],
};

/** The `core` spec that bootstrapped supergraphs before link v1.0 (Fed 1 era). Read-only support. */
export const CORE_SPEC: LinkedSpec = {
  name: 'core',
  identity: 'https://specs.apollo.dev/core',
  versions: [
    {
      version: '0.1',
      directives: [{ name: 'core', sdl: 'directive @core(feature: String!) repeatable on SCHEMA' }],
      types: [],
    },
    {
      version: '0.2',
      directives: [
        {
          name: 'core',
          sdl: 'directive @core(feature: String!, as: String, for: core__Purpose) repeatable on SCHEMA',
        },
      ],
      types: [{ name: 'Purpose', sdl: 'enum core__Purpose {\n  SECURITY\n  EXECUTION\n}' }],
    },
  ],
};
