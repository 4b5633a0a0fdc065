import { describe, it } from 'vitest';
import { expectCode, expectNoCode } from './harness.js';

const composed = (argument: string) => `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@composeDirective", "@inaccessible"])
    @link(url: "https://x.dev/foo/v1.0", import: ["@foo"])
    @composeDirective(name: "@foo")
  directive @foo(${argument}) on FIELD_DEFINITION
  type Query { x: Int @foo(a: 1) }
`;

describe('DISALLOWED_INACCESSIBLE', () => {
  it('is reported for @inaccessible on an argument of a @composeDirective directive', () => {
    expectCode('DISALLOWED_INACCESSIBLE', [{ name: 'a', sdl: composed('a: Int @inaccessible') }]);
  });

  it('is not reported when the composed directive hides nothing', () => {
    expectNoCode('DISALLOWED_INACCESSIBLE', [{ name: 'a', sdl: composed('a: Int') }]);
  });
});
