/**
 * Seeded random plan trees in Apollo's shape, for comparing printers on shapes a planner seldom
 * builds: empty Sequence/Parallel, conditions with no branch, defer chunks with no node or no
 * subselection, labelled dependencies, aliased and nested `requires`, fragments, odd paths.
 */
import type { QueryPlan as ApolloQueryPlan } from '@apollo/query-planner';

type ApolloNode = NonNullable<ApolloQueryPlan['node']>;
type ApolloPlanNode = Exclude<ApolloNode, { kind: 'Subscription' }>;
type ApolloFetch = Extract<ApolloNode, { kind: 'Fetch' }>;
type ApolloSelection = NonNullable<ApolloFetch['requires']>[number];
type ApolloDeferred = Extract<ApolloNode, { kind: 'Defer' }>['deferred'][number];

/** mulberry32: small, fast and good enough for test shapes. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

type Rng = ReturnType<typeof prng>;

const ROOT_OPERATIONS = [
  '{me{name}}',
  'query Op__svc__0($a:Int$b:Boolean!){x:list(first:$a){id ...on Thing@include(if:$b){name}}}',
  'query Op__svc__1{me{...F}}fragment F on User{id name}',
  'mutation M__svc__2($to:String!){rename(to:$to){id}other:rename(to:"z"){__typename}}',
  'subscription S__svc__3{events{__typename id}}',
  'query{...on Query{top{a b c{d}}}}',
  'query Q($v:[String!]="x"){search(text:"quote \\"me\\"",in:[A,B],opts:{deep:true,n:1.5},v:$v){id}}',
];

const ENTITY_OPERATIONS = [
  'query($representations:[_Any!]!){_entities(representations:$representations){...on User{name}}}',
  'query Op__svc__4($representations:[_Any!]!$n:Int){_entities(representations:$representations){...on Product{reviews(first:$n){body author{__typename id}}}...on Book{pages}}}',
  'query Op__svc__5($representations:[_Any!]!){_entities(representations:$representations){..._generated_onProduct1_0}}fragment _generated_onProduct1_0 on Product{reviews{body}}',
  'query Op__svc__6($representations:[_Any!]!$c:Boolean!){_entities(representations:$representations){...on Item@skip(if:$c){price alias__alias_0:price(cur:"EUR")}}}',
];

const SUBSELECTIONS = [
  '{ me { name } }',
  '{ topProducts { name reviews @include(if: $a) { body } } }',
  '{ name }',
  '{ ... on Book { pages } }',
  '{ a: f(x: 1) { b } }',
];

const NAMES = ['products', 'reviews', 'accounts', 'inventory-eu', 'svc_2'];

function randomSelections(rng: Rng, depth: number): ApolloSelection[] {
  const count = 1 + rng.int(3);
  const selections: ApolloSelection[] = [];
  for (let i = 0; i < count; i++) {
    if (depth < 2 && rng.chance(0.25)) {
      selections.push(
        rng.chance(0.8)
          ? {
              kind: 'InlineFragment',
              typeCondition: rng.pick(['Product', 'User', 'Media']),
              selections: randomSelections(rng, depth + 1),
            }
          : { kind: 'InlineFragment', selections: randomSelections(rng, depth + 1) },
      );
    } else {
      const name = rng.pick(['__typename', 'id', 'upc', 'weight', 'dimensions']);
      selections.push({
        kind: 'Field',
        name,
        ...(rng.chance(0.15) ? { alias: `${name}Alias` } : {}),
        ...(depth < 2 && rng.chance(0.2) ? { selections: randomSelections(rng, depth + 1) } : {}),
      });
    }
  }
  return selections;
}

function randomFetch(rng: Rng): ApolloFetch {
  const entity = rng.chance(0.5);
  return {
    kind: 'Fetch',
    serviceName: rng.pick(NAMES),
    ...(rng.chance(0.3) ? { id: String(rng.int(12)) } : {}),
    variableUsages: [],
    ...(entity
      ? {
          // Top-level `requires` entries are always type conditions (Apollo's printer assumes so).
          requires: Array.from({ length: 1 + rng.int(2) }, () => ({
            kind: 'InlineFragment' as const,
            typeCondition: rng.pick(['Product', 'Book']),
            selections: randomSelections(rng, 1),
          })),
        }
      : {}),
    operation: rng.pick(entity ? ENTITY_OPERATIONS : ROOT_OPERATIONS),
    operationName: undefined,
    operationKind: 'query' as ApolloFetch['operationKind'],
  };
}

function randomPath(rng: Rng): string[] {
  return Array.from({ length: rng.int(4) }, () => rng.pick(['products', '@', 'author', 'a-b']));
}

function randomDeferred(rng: Rng, depth: number): ApolloDeferred {
  return {
    depends: Array.from({ length: rng.int(3) }, () => ({
      id: String(rng.int(9)),
      ...(rng.chance(0.4) ? { deferLabel: rng.pick(['slow', 'l2']) } : {}),
    })),
    ...(rng.chance(0.5) ? { label: rng.pick(['slow', 'x y']) } : {}),
    queryPath: randomPath(rng),
    ...(rng.chance(0.7) ? { subselection: rng.pick(SUBSELECTIONS) } : {}),
    ...(rng.chance(0.8) ? { node: randomNode(rng, depth + 1) } : {}),
  };
}

function randomNode(rng: Rng, depth: number): ApolloPlanNode {
  if (depth >= 4) return randomFetch(rng);
  switch (rng.int(7)) {
    case 0:
    case 1:
      return randomFetch(rng);
    case 2:
      return {
        kind: rng.chance(0.5) ? 'Sequence' : 'Parallel',
        nodes: Array.from({ length: rng.int(4) }, () => randomNode(rng, depth + 1)),
      };
    case 3:
      return { kind: 'Flatten', path: randomPath(rng), node: randomNode(rng, depth + 1) };
    case 4: {
      // A condition always has a branch (Apollo's printer throws on one without).
      const which = rng.int(3);
      return {
        kind: 'Condition',
        condition: rng.pick(['a', 'skipIt']),
        ...(which === 0 || which === 1 ? { ifClause: randomNode(rng, depth + 1) } : {}),
        ...(which === 0 || which === 2 ? { elseClause: randomNode(rng, depth + 1) } : {}),
      };
    }
    default:
      return {
        kind: 'Defer',
        primary: {
          ...(rng.chance(0.6) ? { subselection: rng.pick(SUBSELECTIONS) } : {}),
          ...(rng.chance(0.7) ? { node: randomNode(rng, depth + 1) } : {}),
        },
        deferred: Array.from({ length: rng.int(3) }, () => randomDeferred(rng, depth)),
      };
  }
}

/** A random plan; about one in eight is a subscription, one in twenty is empty. */
export function randomApolloPlan(seed: number): ApolloQueryPlan {
  const rng = prng(seed);
  if (rng.chance(0.05)) return { kind: 'QueryPlan' };
  if (rng.chance(0.12)) {
    return {
      kind: 'QueryPlan',
      node: {
        kind: 'Subscription',
        primary: randomFetch(rng),
        ...(rng.chance(0.8) ? { rest: randomNode(rng, 1) } : {}),
      },
    };
  }
  return { kind: 'QueryPlan', node: randomNode(rng, 0) };
}
