import { describe, expect, it } from 'vitest';
import { applyContract } from '../../src/index.js';
import { contractApi, contractErrors, supergraphOf } from './helpers.js';

describe('excludeTags', () => {
  const supergraph = supergraphOf(`
    type Query { me: User internal: String @tag(name: "internal") }
    type User @key(fields: "id") { id: ID! name: String ssn: String @tag(name: "internal") }
  `);

  it('hides the tagged fields, with @inaccessible in the contract supergraph', () => {
    const result = applyContract(supergraph, { excludeTags: ['internal'] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.supergraphSdl).toMatch(/ssn: String @tag\(name: "internal"\).*@inaccessible/);
    expect(result.supergraphSdl).toMatch(/internal: String .*@inaccessible/);
    const api = contractApi(supergraph, { excludeTags: ['internal'] });
    expect(api).not.toMatch(/ssn|internal/);
    expect(api).toContain('name: String');
  });

  it('without tags to filter, the contract is the API schema', () => {
    const api = contractApi(supergraph, {});
    expect(api).toContain('ssn: String');
  });

  it('a tag on a type hides the type and counts as a tag of each of its fields', () => {
    const sg = supergraphOf(`
      type Query { a: Int pub: Public secret: Secret @tag(name: "internal") }
      type Public { x: Int }
      type Secret @tag(name: "internal") { y: Int }
    `);
    const api = contractApi(sg, { excludeTags: ['internal'] });
    expect(api).not.toContain('Secret');
    expect(api).toContain('type Public');
  });

  it('excludes enum values, input fields and optional arguments', () => {
    const sg = supergraphOf(`
      type Query { items(filter: Filter, debug: Boolean @tag(name: "internal")): [Kind] }
      input Filter { q: String trace: Boolean @tag(name: "internal") }
      enum Kind { A B @tag(name: "internal") }
    `);
    const api = contractApi(sg, { excludeTags: ['internal'] });
    expect(api).not.toMatch(/debug|trace|\bB\b/);
    expect(api).toContain('items(filter: Filter): [Kind]');
  });
});

describe('includeTags', () => {
  const supergraph = supergraphOf(`
    type Query { products: [Product] @tag(name: "public") admin: Admin }
    type Product @key(fields: "id") { id: ID! @tag(name: "public") name: String @tag(name: "public") cost: Int }
    type Admin { users: Int }
    type Partner @tag(name: "public") { id: ID! name: String }
    enum Unused { X }
  `);

  it('keeps only included fields; a type stays while one of its fields is included', () => {
    const api = contractApi(supergraph, { includeTags: ['public'] });
    expect(api).toContain('products: [Product]');
    expect(api).not.toMatch(/admin|Admin|cost/);
    expect(api).toMatch(/type Product \{\n {2}id: ID!\n {2}name: String\n\}/);
  });

  it('a type tagged with an included tag brings all its fields', () => {
    const api = contractApi(supergraph, { includeTags: ['public'] });
    expect(api).toMatch(/type Partner \{\n {2}id: ID!\n {2}name: String\n\}/);
  });

  it('leaves enums, scalars and inputs alone (they are not selected by inclusion)', () => {
    expect(contractApi(supergraph, { includeTags: ['public'] })).toContain('enum Unused');
  });

  it('hides unions without an included tag', () => {
    const sg = supergraphOf(`
      type Query { a: Int @tag(name: "public") s: Search @tag(name: "public") t: Tagged @tag(name: "public") }
      union Search = A | B
      union Tagged @tag(name: "public") = A | B
      type A @tag(name: "public") { a: Int }
      type B @tag(name: "public") { b: Int }
    `);
    // Query.s is included but returns the hidden union: an invalid contract.
    expect(contractErrors(sg, { includeTags: ['public'] })).toEqual(['REFERENCED_INACCESSIBLE']);
  });

  it('exclusion wins over inclusion', () => {
    const sg = supergraphOf(`
      type Query { a: Int @tag(name: "public") b: Int @tag(name: "public") @tag(name: "internal") }
    `);
    const api = contractApi(sg, { includeTags: ['public'], excludeTags: ['internal'] });
    expect(api).toContain('a: Int');
    expect(api).not.toContain('b: Int');
  });

  it('a Query with no included field fails: the query root cannot be hidden', () => {
    expect(contractErrors(supergraph, { includeTags: ['nothing-has-this'] })).toEqual([
      'QUERY_ROOT_TYPE_INACCESSIBLE',
    ]);
  });
});

describe('masking and invalid contracts', () => {
  it('hides an object or interface type whose fields are all hidden', () => {
    const sg = supergraphOf(`
      type Query { a: Int o: O @tag(name: "x") }
      type O { p: Int @tag(name: "x") }
    `);
    expect(contractApi(sg, { excludeTags: ['x'] })).not.toContain('type O');
  });

  it('hides a union whose members are all hidden', () => {
    const sg = supergraphOf(`
      type Query { a: Int media: Media @tag(name: "x") }
      union Media = Book | Movie
      type Book @tag(name: "x") { title: String }
      type Movie @tag(name: "x") { title: String }
    `);
    expect(contractApi(sg, { excludeTags: ['x'] })).not.toContain('Media');
  });

  it('keeps an interface field or union when another member remains', () => {
    const sg = supergraphOf(`
      type Query { current: Identity }
      interface Identity { id: ID! }
      type InternalUser implements Identity @tag(name: "internal") { id: ID! }
      type ExternalUser implements Identity { id: ID! }
    `);
    const api = contractApi(sg, { excludeTags: ['internal'] });
    expect(api).toContain('current: Identity');
    expect(api).not.toContain('InternalUser');
  });

  it('hides an interface field whose type was excluded', () => {
    const sg = supergraphOf(`
      type Query { n: Node }
      interface Node { id: ID! secret: Secret }
      type Thing implements Node { id: ID! secret: Secret @tag(name: "x") }
      type Secret @tag(name: "x") { s: String }
    `);
    const api = contractApi(sg, { excludeTags: ['x'] });
    expect(api).toMatch(/interface Node \{\n {2}id: ID!\n\}/);
  });

  it('fails when a visible field returns an excluded type (tag the field too)', () => {
    const sg = supergraphOf(`
      type Query { a: Int account: Billing }
      type Billing @tag(name: "internal") { n: Int }
    `);
    expect(contractErrors(sg, { excludeTags: ['internal'] })).toEqual(['REFERENCED_INACCESSIBLE']);
  });

  it('fails when it excludes a required argument or input field', () => {
    const arg = supergraphOf(`type Query { a(id: ID! @tag(name: "x")): Int b: Int }`);
    expect(contractErrors(arg, { excludeTags: ['x'] })).toEqual(['REQUIRED_INACCESSIBLE']);
    const input = supergraphOf(
      `type Query { a(i: I): Int } input I { k: Int! @tag(name: "x") o: Int }`,
    );
    expect(contractErrors(input, { excludeTags: ['x'] })).toEqual(['REQUIRED_INACCESSIBLE']);
  });

  it('a malformed supergraph gives INVALID_FEDERATION_SUPERGRAPH', () => {
    expect(contractErrors('type Query { a: Int }', { excludeTags: ['x'] })).toEqual([
      'INVALID_FEDERATION_SUPERGRAPH',
    ]);
  });
});

describe('hideUnreachableTypes', () => {
  const supergraph = supergraphOf(`
    type Query { a: Int @tag(name: "public") b: B @tag(name: "internal") n: Node }
    type B { c: C }
    type C { x: Int }
    interface Node { id: ID! }
    type Impl implements Node { id: ID! }
    type Orphan { y: Int }
    type Kept @tag(name: "public") { z: Int k: Mood }
    enum Mood { HAPPY }
    enum Lonely { L }
  `);

  it('is off by default: types no longer reachable stay', () => {
    const api = contractApi(supergraph, { excludeTags: ['internal'] });
    expect(api).toContain('type B');
    expect(api).toContain('type Orphan');
  });

  it('hides what no root reaches, keeps implementations of reachable interfaces', () => {
    const api = contractApi(supergraph, { excludeTags: ['internal'], hideUnreachableTypes: true });
    expect(api).not.toMatch(/type B\b|type C\b|Orphan|Lonely|Kept|Mood/);
    expect(api).toContain('type Impl implements Node');
  });

  it('keeps unreachable types tagged with an included tag, and what they reach', () => {
    const api = contractApi(supergraph, {
      includeTags: ['public'],
      excludeTags: ['internal'],
      hideUnreachableTypes: true,
    });
    expect(api).toContain('type Kept');
    expect(api).toContain('enum Mood');
    expect(api).not.toMatch(/Orphan|Lonely|Node/);
  });
});
