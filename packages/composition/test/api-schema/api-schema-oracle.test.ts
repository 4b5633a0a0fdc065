import { describe, expect, it } from 'vitest';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { toApiSchema } from '../../src/index.js';
import { apolloApiSchema, apolloCompose } from './apollo-oracle.js';
import { CORPUS } from './corpus.js';

describe('toApiSchema matches Apollo on composed supergraphs', () => {
  for (const entry of CORPUS) {
    it(entry.name, () => {
      const apollo = apolloCompose(entry.subgraphs);
      const ours = toApiSchema(apollo.supergraphSdl);
      if (!ours.ok) throw new Error(ours.errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
      expect(printSchema(lexicographicSortSchema(ours.schema))).toBe(apollo.apiSdl);
      expect(ours.sdl).toBe(apollo.apiSdl);
    });
  }
});

describe('toApiSchema matches Apollo on hand-written supergraphs', () => {
  it('a Federation 1 supergraph (core v0.2, join v0.1)', () => {
    const sdl = `
      schema
        @core(feature: "https://specs.apollo.dev/core/v0.2")
        @core(feature: "https://specs.apollo.dev/join/v0.1", for: EXECUTION)
        @core(feature: "https://specs.apollo.dev/inaccessible/v0.1", for: SECURITY)
      { query: Query }
      directive @core(feature: String!, as: String, for: core__Purpose) repeatable on SCHEMA
      directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet) on FIELD_DEFINITION
      directive @join__type(graph: join__Graph!, key: join__FieldSet) repeatable on OBJECT | INTERFACE
      directive @join__owner(graph: join__Graph!) on OBJECT | INTERFACE
      directive @join__graph(name: String!, url: String!) on ENUM_VALUE
      directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
      enum core__Purpose { EXECUTION SECURITY }
      scalar join__FieldSet
      enum join__Graph { USERS @join__graph(name: "users", url: "http://users") }
      type Query { me: User @join__field(graph: USERS) internal: Int @inaccessible }
      type User @join__owner(graph: USERS) @join__type(graph: USERS, key: "id") { id: ID! name: String }
    `;
    const apollo = apolloApiSchema(sdl);
    const ours = toApiSchema(sdl);
    expect('sdl' in apollo).toBe(true);
    expect(ours.ok && ours.sdl).toBe('sdl' in apollo && apollo.sdl);
  });

  it('renamed link, join and inaccessible features, and a kept custom directive', () => {
    const sdl = `
      schema
        @core2(url: "https://specs.apollo.dev/link/v1.0", as: "core2")
        @core2(url: "https://specs.apollo.dev/join/v0.3", as: "j", for: EXECUTION)
        @core2(url: "https://specs.apollo.dev/inaccessible/v0.2", as: "private", for: SECURITY)
      { query: Query }
      directive @core2(url: String, as: String, for: core2__Purpose, import: [core2__Import]) repeatable on SCHEMA
      directive @j__graph(name: String!, url: String!) on ENUM_VALUE
      directive @j__type(graph: j__Graph!, key: j__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
      directive @private on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
      directive @custom(n: Int) on OBJECT | FIELD_DEFINITION
      directive @exec on FIELD
      scalar core2__Import
      enum core2__Purpose { SECURITY EXECUTION }
      scalar j__FieldSet
      enum j__Graph { A @j__graph(name: "a", url: "http://a") }
      type Query @j__type(graph: A) @custom { a: Int @custom(n: 1) b: Int @private t: T }
      type T @j__type(graph: A) { x: Int y: Int @private }
    `;
    const apollo = apolloApiSchema(sdl);
    const ours = toApiSchema(sdl);
    expect('sdl' in apollo).toBe(true);
    expect(ours.ok && ours.sdl).toBe('sdl' in apollo && apollo.sdl);
  });
});
