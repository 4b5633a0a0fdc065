import { fed2, type CorpusSupergraph } from './types.js';

const LINK = fed2('2.3', ['@key', '@shareable', '@provides', '@external']);

/**
 * A staff directory: a `Member` interface implemented by entities whose fields come from
 * different subgraphs, a search union, shared value types, and a `@provides` on one path only.
 */
export const directory: CorpusSupergraph = {
  name: 'directory',
  about:
    'interfaces and unions across subgraphs, __typename, @shareable roots, @provides on a path, @defer on abstract types',
  subgraphs: [
    {
      name: 'people',
      sdl: `${LINK}
        type Query { members: [Member!]! search(term: String!): [Hit!]! node(id: ID!): Member }
        interface Member { id: ID! fullName: String }
        type Employee implements Member @key(fields: "id") { id: ID! fullName: String badge: Int @shareable }
        type Contractor implements Member @key(fields: "id") { id: ID! fullName: String agency: String }
        type Room @key(fields: "code") { code: ID! }
        union Hit = Employee | Contractor | Room
        type Address @shareable { city: String country: String }`,
    },
    {
      name: 'hr',
      sdl: `${LINK}
        type Employee @key(fields: "id") { id: ID! salaryBand: String manager: Employee address: Address }
        type Contractor @key(fields: "id") { id: ID! rateCents: Int address: Address }
        type Address @shareable { city: String country: String }`,
    },
    {
      name: 'facilities',
      sdl: `${LINK}
        type Query { rooms: [Room!]! occupants(room: ID!): [Employee!]! @provides(fields: "badge") }
        type Room @key(fields: "code") { code: ID! floor: Int seats: Int }
        type Employee @key(fields: "id") { id: ID! badge: Int @external desk: String }`,
    },
  ],
  operations: [
    { name: 'interface-in-one-subgraph', query: '{ members { id fullName } }' },
    {
      name: 'interface-needs-concrete-hops',
      query:
        '{ members { fullName ... on Employee { salaryBand } ... on Contractor { rateCents } } }',
    },
    {
      name: 'union-three-members',
      query:
        'query Find($t: String!) { search(term: $t) { __typename ... on Employee { desk badge } ... on Contractor { agency } ... on Room { floor } } }',
    },
    {
      name: 'provides-on-path',
      query: 'query Occ($r: ID!) { occupants(room: $r) { badge desk } }',
    },
    {
      name: 'provides-then-hop-back',
      query: 'query Occ($r: ID!) { occupants(room: $r) { badge fullName manager { fullName } } }',
    },
    {
      name: 'shareable-value-type',
      query:
        '{ members { ... on Employee { address { city } } ... on Contractor { address { country } } } }',
    },
    {
      name: 'recursive-manager-chain',
      query:
        'query Boss($id: ID!) { node(id: $id) { ... on Employee { manager { fullName manager { fullName badge } } } } }',
    },
    {
      name: 'typename-everywhere',
      query: '{ __typename members { __typename } rooms { __typename code } }',
    },
    {
      name: 'defer-interface-type-condition',
      defer: true,
      query:
        '{ members { id fullName ... on Employee @defer(label: "hr") { salaryBand address { city } } } }',
    },
    {
      name: 'defer-union-members',
      defer: true,
      query:
        'query Find($t: String!) { search(term: $t) { ... on Room @defer(label: "room") { floor seats } ... on Contractor { agency ... @defer { rateCents } } } }',
    },
    {
      name: 'defer-keyless-interface',
      defer: true,
      query: '{ members { id ... @defer { fullName ... on Contractor { rateCents } } } }',
    },
  ],
};
