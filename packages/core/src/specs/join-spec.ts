import type { LinkedSpec, SpecDirective, SpecType } from './spec-types.js';

/*
 * The join spec: how a supergraph records which subgraph defines what. Definitions are written
 * exactly as `@apollo/composition` prints them (argument order matters for byte-identical
 * output). v0.1 is what Fed 1 composition wrote (under the `core` bootstrap); v0.2 came with
 * early Fed 2; v0.3 is what composition writes for federation 2.0-2.6, v0.4 for 2.7, v0.5 for 2.8+.
 */

const GRAPH_DIRECTIVE: SpecDirective = {
  name: 'graph',
  sdl: 'directive @join__graph(name: String!, url: String!) on ENUM_VALUE',
};
const IMPLEMENTS_DIRECTIVE: SpecDirective = {
  name: 'implements',
  sdl: 'directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE',
};
const UNION_MEMBER_DIRECTIVE: SpecDirective = {
  name: 'unionMember',
  sdl: 'directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION',
};
const ENUM_VALUE_DIRECTIVE: SpecDirective = {
  name: 'enumValue',
  sdl: 'directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE',
};
const DIRECTIVE_DIRECTIVE: SpecDirective = {
  name: 'directive',
  sdl: 'directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments) repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION',
};

/** `@join__type` from v0.3 on (v0.3 added `isInterfaceObject`). */
const TYPE_DIRECTIVE_V03: SpecDirective = {
  name: 'type',
  sdl: 'directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR',
};

const FIELD_SET: SpecType = { name: 'FieldSet', sdl: 'scalar join__FieldSet' };
/** The values (one per subgraph, each with `@join__graph`) are the supergraph's own. */
const GRAPH_ENUM: SpecType = { name: 'Graph', sdl: 'enum join__Graph' };
const DIRECTIVE_ARGUMENTS: SpecType = {
  name: 'DirectiveArguments',
  sdl: 'scalar join__DirectiveArguments',
};
const FIELD_VALUE: SpecType = { name: 'FieldValue', sdl: 'scalar join__FieldValue' };
const CONTEXT_ARGUMENT: SpecType = {
  name: 'ContextArgument',
  sdl: `input join__ContextArgument {
  name: String!
  type: String!
  context: String!
  selection: join__FieldValue!
}`,
};

/** `@join__field` up to v0.3's nullable `graph`, without the later arguments. */
const FIELD_V03_ARGS =
  'graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean';
const FIELD_LOCATIONS = 'repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION';

export const JOIN_SPEC: LinkedSpec = {
  name: 'join',
  identity: 'https://specs.apollo.dev/join',
  purpose: 'EXECUTION',
  versions: [
    {
      version: '0.1',
      directives: [
        GRAPH_DIRECTIVE,
        {
          name: 'type',
          sdl: 'directive @join__type(graph: join__Graph!, key: join__FieldSet) repeatable on OBJECT | INTERFACE',
        },
        {
          name: 'field',
          sdl: 'directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet) on FIELD_DEFINITION',
        },
        { name: 'owner', sdl: 'directive @join__owner(graph: join__Graph!) on OBJECT | INTERFACE' },
      ],
      types: [FIELD_SET, GRAPH_ENUM],
    },
    {
      version: '0.2',
      directives: [
        GRAPH_DIRECTIVE,
        {
          name: 'type',
          sdl: 'directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR',
        },
        {
          name: 'field',
          sdl: `directive @join__field(graph: join__Graph!, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) ${FIELD_LOCATIONS}`,
        },
        IMPLEMENTS_DIRECTIVE,
      ],
      types: [FIELD_SET, GRAPH_ENUM],
    },
    {
      version: '0.3',
      directives: [
        GRAPH_DIRECTIVE,
        TYPE_DIRECTIVE_V03,
        { name: 'field', sdl: `directive @join__field(${FIELD_V03_ARGS}) ${FIELD_LOCATIONS}` },
        IMPLEMENTS_DIRECTIVE,
        UNION_MEMBER_DIRECTIVE,
        ENUM_VALUE_DIRECTIVE,
      ],
      types: [FIELD_SET, GRAPH_ENUM],
    },
    {
      version: '0.4',
      directives: [
        GRAPH_DIRECTIVE,
        TYPE_DIRECTIVE_V03,
        {
          name: 'field',
          sdl: `directive @join__field(${FIELD_V03_ARGS}, overrideLabel: String) ${FIELD_LOCATIONS}`,
        },
        IMPLEMENTS_DIRECTIVE,
        UNION_MEMBER_DIRECTIVE,
        ENUM_VALUE_DIRECTIVE,
        DIRECTIVE_DIRECTIVE,
      ],
      types: [FIELD_SET, GRAPH_ENUM, DIRECTIVE_ARGUMENTS],
    },
    {
      version: '0.5',
      directives: [
        GRAPH_DIRECTIVE,
        TYPE_DIRECTIVE_V03,
        {
          name: 'field',
          sdl: `directive @join__field(${FIELD_V03_ARGS}, overrideLabel: String, contextArguments: [join__ContextArgument!]) ${FIELD_LOCATIONS}`,
        },
        IMPLEMENTS_DIRECTIVE,
        UNION_MEMBER_DIRECTIVE,
        ENUM_VALUE_DIRECTIVE,
        DIRECTIVE_DIRECTIVE,
      ],
      types: [FIELD_SET, GRAPH_ENUM, DIRECTIVE_ARGUMENTS, FIELD_VALUE, CONTEXT_ARGUMENT],
    },
  ],
};
