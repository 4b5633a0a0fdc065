import { describe, expect, it } from 'vitest';
import { expectCode, expectNoCode, fed2 } from './harness.js';

describe('TYPE_DEFINITION_INVALID', () => {
  it('is reported when a federation scalar or link__Purpose is redefined differently', () => {
    const [fieldSet] = expectCode('TYPE_DEFINITION_INVALID', [
      { name: 'a', sdl: fed2(`type FieldSet { a: Int }\ntype Query { x: Int }`, ['FieldSet']) },
    ]);
    expect(fieldSet?.message).toBe(
      '[a] Invalid definition for type FieldSet: FieldSet should be a ScalarType but is defined as a ObjectType',
    );
    const [purpose] = expectCode('TYPE_DEFINITION_INVALID', [
      { name: 'a', sdl: fed2(`enum link__Purpose { A }\ntype Query { x: Int }`) },
    ]);
    expect(purpose?.message).toBe(
      '[a] Invalid definition for type "Purpose": expected values [EXECUTION, SECURITY] but found [A].',
    );
  });

  it('is not reported when they are defined as the specs define them', () => {
    expectNoCode('TYPE_DEFINITION_INVALID', [
      {
        name: 'a',
        sdl: fed2(
          `scalar FieldSet\nenum link__Purpose { SECURITY EXECUTION }\ntype Query { x: Int }`,
          ['FieldSet'],
        ),
      },
    ]);
  });
});
