import { fed2, type CorpusSupergraph } from './types.js';

const LINK = fed2('2.5', ['@key', '@interfaceObject', '@shareable']);

/**
 * A media library: `Asset` is an entity interface in the library subgraph, seen as an
 * `@interfaceObject` by two others; a union of concrete assets and a plain interface spread over
 * subgraphs.
 */
export const mediaLibrary: CorpusSupergraph = {
  name: 'media-library',
  about: 'entity interfaces, @interfaceObject, unions and interfaces across subgraphs',
  subgraphs: [
    {
      name: 'library',
      sdl: `${LINK}
        type Query { assets: [Asset!]! asset(id: ID!): Asset spotlight: [Spotlight!]! }
        interface Asset @key(fields: "id") { id: ID! caption: String }
        type Photo implements Asset @key(fields: "id") { id: ID! caption: String megapixels: Float }
        type Clip implements Asset @key(fields: "id") { id: ID! caption: String seconds: Int }
        type Podcast implements Asset @key(fields: "id") { id: ID! caption: String host: String }
        union Spotlight = Photo | Clip`,
    },
    {
      name: 'tagging',
      sdl: `${LINK}
        type Asset @key(fields: "id") @interfaceObject { id: ID! tags: [String!]! }
        type Query { recentlyTagged: [Asset!]! }`,
    },
    {
      name: 'analytics',
      sdl: `${LINK}
        type Asset @key(fields: "id") @interfaceObject { id: ID! views: Int! topViewer: Viewer }
        type Viewer @key(fields: "uid") { uid: ID! }`,
    },
    {
      name: 'viewers',
      sdl: `${LINK}
        type Viewer @key(fields: "uid") { uid: ID! nickname: String favourite: Asset }
        interface Asset @key(fields: "id") { id: ID! }
        type Photo implements Asset @key(fields: "id") { id: ID! }
        type Clip implements Asset @key(fields: "id") { id: ID! }
        type Podcast implements Asset @key(fields: "id") { id: ID! }`,
    },
  ],
  operations: [
    { name: 'interface-field-one-subgraph', query: '{ assets { id caption } }' },
    { name: 'interface-object-field', query: 'query Tags { assets { caption tags } }' },
    {
      name: 'two-interface-objects',
      query: 'query Stats { assets { tags views } }',
    },
    {
      name: 'concrete-fragments',
      query:
        '{ assets { __typename ... on Photo { megapixels } ... on Clip { seconds tags } ... on Podcast { host } } }',
    },
    {
      name: 'from-interface-object-root',
      query: '{ recentlyTagged { tags caption ... on Clip { seconds } } }',
    },
    {
      name: 'union-with-interface-object',
      query: '{ spotlight { ... on Photo { caption views } ... on Clip { tags } } }',
    },
    {
      name: 'chain-through-viewer',
      query:
        'query Fav($id: ID!) { asset(id: $id) { topViewer { nickname favourite { caption tags } } } }',
    },
    {
      name: 'typename-on-abstract',
      query: '{ assets { __typename } spotlight { __typename } }',
    },
    {
      name: 'interface-fragment-on-union',
      query: '{ spotlight { ... on Asset { id views } } }',
    },
  ],
};
