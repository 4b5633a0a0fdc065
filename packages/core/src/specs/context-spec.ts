import type { LinkedSpec } from './spec-types.js';

/**
 * The context spec (federation 2.8+): `@context(name:)` on the types that provide a value, and
 * `@fromContext(field:)` on the arguments that receive it. In a supergraph `@fromContext` is
 * defined but never applied (composition moves it into `@join__field(contextArguments:)`), and
 * the link is `for: SECURITY`.
 */
export const CONTEXT_SPEC: LinkedSpec = {
  name: 'context',
  identity: 'https://specs.apollo.dev/context',
  purpose: 'SECURITY',
  versions: [
    {
      version: '0.1',
      directives: [
        {
          name: 'context',
          sdl: 'directive @context(name: String!) repeatable on INTERFACE | OBJECT | UNION',
        },
        {
          name: 'fromContext',
          sdl: 'directive @context__fromContext(field: context__ContextFieldValue) on ARGUMENT_DEFINITION',
        },
      ],
      types: [{ name: 'ContextFieldValue', sdl: 'scalar context__ContextFieldValue' }],
    },
  ],
};
