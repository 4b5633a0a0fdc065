import { fed2, type CorpusSupergraph } from './types.js';

const LINK = fed2('2.4', ['@key', '@shareable']);

/** A sports feed: subscriptions whose events need entity fetches, and `@defer`red details. */
export const liveScores: CorpusSupergraph = {
  name: 'live-scores',
  about: 'subscriptions, @defer (labels, nesting, if:, on root fields), @defer mixed with @include',
  subgraphs: [
    {
      name: 'feed',
      sdl: `${LINK}
        type Query { match(id: ID!): Match liveMatches: [Match!]! }
        type Subscription { scoreChanged(matchId: ID!): Match goalScored: Goal }
        type Match @key(fields: "id") { id: ID! home: Team away: Team homeGoals: Int awayGoals: Int }
        type Goal { minute: Int scorer: Player match: Match }
        type Team @key(fields: "id") { id: ID! }
        type Player @key(fields: "id") { id: ID! }`,
    },
    {
      name: 'teams',
      sdl: `${LINK}
        type Team @key(fields: "id") { id: ID! name: String crest: String squad: [Player!]! }
        type Player @key(fields: "id") { id: ID! }`,
    },
    {
      name: 'players',
      sdl: `${LINK}
        type Player @key(fields: "id") { id: ID! name: String position: String }`,
    },
    {
      name: 'stats',
      sdl: `${LINK}
        type Match @key(fields: "id") { id: ID! possession: Float shots: Int }
        type Player @key(fields: "id") { id: ID! goalsThisSeason: Int }`,
    },
  ],
  operations: [
    {
      name: 'subscription-one-subgraph',
      query: 'subscription Score($m: ID!) { scoreChanged(matchId: $m) { homeGoals awayGoals } }',
    },
    {
      name: 'subscription-with-entities',
      query:
        'subscription Score($m: ID!) { scoreChanged(matchId: $m) { homeGoals home { name } away { name } possession } }',
    },
    {
      name: 'subscription-deep',
      query: 'subscription Goals { goalScored { minute scorer { name goalsThisSeason } } }',
    },
    {
      name: 'defer-entity-details',
      defer: true,
      query:
        'query M($id: ID!) { match(id: $id) { homeGoals ... @defer(label: "stats") { possession shots } } }',
    },
    {
      name: 'defer-nested',
      defer: true,
      query:
        '{ liveMatches { home { name ... @defer(label: "squad") { squad { name ... @defer { goalsThisSeason } } } } } }',
    },
    {
      name: 'defer-conditional',
      defer: true,
      query:
        'query C($slow: Boolean!) { liveMatches { id ... @defer(if: $slow) { home { crest } } } }',
    },
    {
      name: 'defer-and-include',
      defer: true,
      query:
        'query I($withAway: Boolean!) { liveMatches { away @include(if: $withAway) { name } ... @defer { shots } } }',
    },
    {
      name: 'defer-root-field',
      defer: true,
      query:
        'query M($id: ID!) { liveMatches { id } ... @defer(label: "focus") { match(id: $id) { homeGoals possession home { name } } } }',
    },
    {
      name: 'defer-nested-conditional',
      defer: true,
      query:
        'query N($deep: Boolean!) { liveMatches { home { ... @defer(label: "team") { name ... @defer(if: $deep, label: "squad") { squad { name position } } } } } }',
    },
    {
      name: 'no-defer-same-shape',
      query: '{ liveMatches { homeGoals home { name squad { position } } possession } }',
    },
  ],
};
