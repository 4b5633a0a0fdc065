import type { DefinitionNode, DocumentNode, EnumTypeDefinitionNode } from 'graphql';
import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { graphEnumValue, printSupergraphSdl, supergraphPreamble } from '../../src/print/index.js';
import { apolloSupergraph } from './apollo-oracle.js';
import { CORPUS } from './corpus.js';

/** Prefixes of the types linked specs add to a supergraph (`join__Graph`, `policy__Policy`). */
const SPEC_TYPE =
  /^(link|join|tag|inaccessible|authenticated|requiresScopes|policy|context|cost|cacheTag)__/;

/**
 * Apollo's preamble part: the schema definition, every directive definition (a supergraph only
 * defines spec and composed directives) and the spec types.
 */
function apolloPreamble(document: DocumentNode): DocumentNode {
  const definitions = document.definitions.filter(
    (d) =>
      d.kind === Kind.SCHEMA_DEFINITION ||
      d.kind === Kind.DIRECTIVE_DEFINITION ||
      ('name' in d && d.name !== undefined && SPEC_TYPE.test(d.name.value)),
  );
  return { kind: Kind.DOCUMENT, definitions };
}

function printed(definitions: readonly DefinitionNode[]): string {
  return printSupergraphSdl({ kind: Kind.DOCUMENT, definitions });
}

describe('supergraphPreamble matches the preamble of @apollo/composition', () => {
  for (const testCase of CORPUS) {
    it(testCase.name, () => {
      const apollo = parse(apolloSupergraph(testCase.subgraphs), { noLocation: true });
      const names = testCase.subgraphs.map(([name]) => name);
      const values = graphEnumValue(names);
      const graphs = testCase.subgraphs.map(([name, , url]) => ({
        name,
        enumValue: values.get(name)!,
        url: url ?? `http://${name}:4000/graphql`,
      }));
      const preamble = supergraphPreamble(
        testCase.features,
        graphs,
        testCase.roots ?? { query: 'Query' },
      );
      expect(printed(preamble)).toBe(printSupergraphSdl(apolloPreamble(apollo)));
      // Already in printed order, so a composer may also emit it as is.
      expect(preamble.map((d) => ('name' in d ? d.name?.value : 'schema'))).toEqual(
        apolloPreamble(apollo).definitions.map((d) => ('name' in d ? d.name?.value : 'schema')),
      );
    });
  }
});

describe('graphEnumValue matches the join__Graph values of @apollo/composition', () => {
  const nameSets = [
    ['a-b', '1x', 'users', 'USERS', 'Users'],
    ['a_1', 'a-1', 'a.1', 'x_', 'x__', 'a__b', 'A', 'a'],
    ['svc_2', 'svc', 'SVC_2', '2', '_9', 'é', 'a b', 'a_1_', 'v_1_2', 'x1', 'x_01', 'b_ 1'],
    ['a', 'a_1', 'A'],
    ['products', 'reviews', 'inventory'],
  ];
  for (const names of nameSets) {
    it(JSON.stringify(names), () => {
      const apollo = parse(
        apolloSupergraph(names.map((name, i) => [name, `type Query { f${i}: Int }`])),
        { noLocation: true },
      );
      const graphEnum = apollo.definitions.find(
        (d): d is EnumTypeDefinitionNode =>
          d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph',
      )!;
      const expected = (graphEnum.values ?? []).map((value) => {
        const nameArg = value.directives?.[0]?.arguments?.find((a) => a.name.value === 'name');
        return [nameArg?.value.kind === Kind.STRING ? nameArg.value.value : '', value.name.value];
      });
      // Same pairs, and the map iterates in the enum's order.
      expect([...graphEnumValue(names)]).toEqual(expected);
    });
  }
});
