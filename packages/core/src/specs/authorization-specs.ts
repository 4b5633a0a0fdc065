import type { LinkedSpec } from './spec-types.js';

/*
 * The three authorization specs (federation 2.5+, policy 2.6+). All `for: SECURITY`: a router
 * that does not enforce them must not serve the supergraph. Their scalars keep the spec prefix
 * (`requiresScopes__Scope`) even when the directive is imported under another name.
 */

const AUTH_LOCATIONS = 'FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM';

/** `@authenticated`: the field or type needs an authenticated request. */
export const AUTHENTICATED_SPEC: LinkedSpec = {
  name: 'authenticated',
  identity: 'https://specs.apollo.dev/authenticated',
  purpose: 'SECURITY',
  versions: [
    {
      version: '0.1',
      directives: [{ name: 'authenticated', sdl: `directive @authenticated on ${AUTH_LOCATIONS}` }],
      types: [],
    },
  ],
};

/** `@requiresScopes(scopes:)`: OR of ANDs of JWT scopes. */
export const REQUIRES_SCOPES_SPEC: LinkedSpec = {
  name: 'requiresScopes',
  identity: 'https://specs.apollo.dev/requiresScopes',
  purpose: 'SECURITY',
  versions: [
    {
      version: '0.1',
      directives: [
        {
          name: 'requiresScopes',
          sdl: `directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on ${AUTH_LOCATIONS}`,
        },
      ],
      types: [{ name: 'Scope', sdl: 'scalar requiresScopes__Scope' }],
    },
  ],
};

/** `@policy(policies:)`: OR of ANDs of named policies the router evaluates. */
export const POLICY_SPEC: LinkedSpec = {
  name: 'policy',
  identity: 'https://specs.apollo.dev/policy',
  purpose: 'SECURITY',
  versions: [
    {
      version: '0.1',
      directives: [
        {
          name: 'policy',
          sdl: `directive @policy(policies: [[policy__Policy!]!]!) on ${AUTH_LOCATIONS}`,
        },
      ],
      types: [{ name: 'Policy', sdl: 'scalar policy__Policy' }],
    },
  ],
};
