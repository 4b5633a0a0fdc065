/**
 * The authorization requirements (`@authenticated`, `@requiresScopes`, `@policy`) of supergraph
 * types and fields, as the supergraph carries them: merged over the subgraphs, and for interfaces
 * gathered from their implementations (an interface field is as protected as the most protected
 * implementation of it, since a query through the interface may reach any of them).
 *
 * @module
 */
import { Kind, type ConstValueNode } from 'graphql';
import type { AppliedDirective, TypeState } from '../subgraph/state.js';
import type { MergedType, SupergraphState } from './state.js';

/** The authorization directives, in the order Apollo writes them. */
export const AUTH_DIRECTIVES = ['authenticated', 'requiresScopes', 'policy'] as const;

/** Whether a directive is one of the authorization directives. */
export function isAuthDirective(name: string): boolean {
  return (AUTH_DIRECTIVES as readonly string[]).includes(name);
}

/**
 * What a client must have to read an element. Scopes and policies are in disjunctive normal
 * form: `[["a", "b"], ["c"]]` means (a AND b) OR c. Undefined means no requirement.
 */
export interface AuthRequirements {
  readonly authenticated: boolean;
  readonly scopes: readonly (readonly string[])[] | undefined;
  readonly policies: readonly (readonly string[])[] | undefined;
}

const NONE: AuthRequirements = { authenticated: false, scopes: undefined, policies: undefined };

/** The requirements several applications make together (all of them must hold). */
export function requirementsOf(directives: readonly AppliedDirective[]): AuthRequirements {
  let authenticated = false;
  const scopes: string[][][] = [];
  const policies: string[][][] = [];
  for (const d of directives) {
    if (d.name === 'authenticated') authenticated = true;
    else if (d.name === 'requiresScopes') scopes.push(dnfOf(d.args.get('scopes')));
    else if (d.name === 'policy') policies.push(dnfOf(d.args.get('policies')));
  }
  return { authenticated, scopes: conjoin(scopes), policies: conjoin(policies) };
}

/** Both sets of requirements at once. */
export function combineRequirements(a: AuthRequirements, b: AuthRequirements): AuthRequirements {
  const both = (x: AuthRequirements['scopes'], y: AuthRequirements['scopes']) =>
    conjoin([x, y].filter((v): v is readonly (readonly string[])[] => v !== undefined));
  return {
    authenticated: a.authenticated || b.authenticated,
    scopes: both(a.scopes, b.scopes),
    policies: both(a.policies, b.policies),
  };
}

/**
 * Whether a client meeting `have` always meets `need`: `@authenticated` when needed, and every
 * alternative of `have`'s scopes (policies) contains some alternative of `need`'s.
 */
export function satisfies(have: AuthRequirements, need: AuthRequirements): boolean {
  if (need.authenticated && !have.authenticated) return false;
  return implies(have.scopes, need.scopes) && implies(have.policies, need.policies);
}

function implies(have: AuthRequirements['scopes'], need: AuthRequirements['scopes']): boolean {
  if (need === undefined) return true;
  if (have === undefined) return false;
  return have.every((h) => need.some((n) => n.every((x) => h.includes(x))));
}

/** A `[[String!]!]!` value as lists of strings (anything else is ignored). */
export function dnfOf(value: ConstValueNode | undefined): string[][] {
  if (value?.kind !== Kind.LIST) return [];
  return value.values.map((inner) =>
    (inner.kind === Kind.LIST ? inner.values : [inner]).flatMap((v) =>
      v.kind === Kind.STRING ? [v.value] : [],
    ),
  );
}

/**
 * ANDs requirement lists (each `[[A, B], [C]]`: outer OR, inner AND) into one, in Apollo's
 * order: each list normalised (alternatives sorted, duplicates dropped, alternatives sorted),
 * lists equal after that counted once, the cross product of the rest with alternatives that
 * contain another one dropped (they add nothing), shortest alternatives first. Empty lists are
 * skipped, as Apollo does; undefined when nothing is left to AND.
 */
export function conjoin(
  lists: readonly (readonly (readonly string[])[])[],
): string[][] | undefined {
  const distinct: string[][][] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    if (list.length === 0) continue;
    const normalised = dedupe(list.map((alt) => [...alt].sort(compareStrings))).sort(
      compareAlternatives,
    );
    const key = JSON.stringify(normalised);
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(normalised);
  }
  if (distinct.length <= 1) return distinct[0];
  let result = distinct[0]!;
  for (const next of distinct.slice(1)) {
    result = result.flatMap((left) =>
      next.map((right) => {
        const union = [...left];
        for (const x of right) if (!union.includes(x)) union.push(x);
        return union.sort(compareStrings);
      }),
    );
  }
  const unique = dedupe(result);
  return unique
    .filter(
      (alt) =>
        !unique.some(
          (other) =>
            other !== alt && other.length < alt.length && other.every((x) => alt.includes(x)),
        ),
    )
    .sort((a, b) => a.length - b.length);
}

function dedupe(alternatives: readonly string[][]): string[][] {
  const seen = new Set<string>();
  return alternatives.filter((alt) => {
    const key = JSON.stringify(alt);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Code-unit order, as `Array.prototype.sort` without a comparator. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Element by element, a prefix first. */
function compareAlternatives(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareStrings(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/**
 * The object types implementing `iface` in some subgraph: where an interface's authorization
 * requirements come from.
 */
export function implementationsOf(state: SupergraphState, iface: string): readonly MergedType[] {
  let index = implementationIndexes.get(state);
  if (!index) {
    // Built once per state (its types and implementations are fixed when it is created): asked
    // per interface and per interface field, a scan of every type each time was quadratic.
    index = new Map();
    for (const type of state.types.values()) {
      if (type.kind !== 'object') continue;
      for (const name of state.implementations.get(type.name) ?? []) {
        const list = index.get(name);
        if (list) list.push(type);
        else index.set(name, [type]);
      }
    }
    implementationIndexes.set(state, index);
  }
  return index.get(iface) ?? [];
}

/** Interface name to its object implementations, in `state.types` order, per state. */
const implementationIndexes = new WeakMap<SupergraphState, Map<string, MergedType[]>>();

/** The authorization directives on a type's definitions in the subgraphs. */
function typeAuthDirectives(type: MergedType): AppliedDirective[] {
  return [...type.byGraph.values()].flatMap((t) =>
    t.directives.filter((d) => isAuthDirective(d.name)),
  );
}

/**
 * The authorization directives on a field's definitions: those of the subgraphs resolving it
 * (an `@external` declaration carries none that count), or all when none resolves it.
 */
function fieldAuthDirectives(type: MergedType, field: string): AppliedDirective[] {
  const defs = [...type.byGraph.values()].flatMap((t: TypeState) => {
    const f = t.fields.get(field);
    return f ? [f] : [];
  });
  const resolving = defs.filter((f) => !f.external);
  return (resolving.length > 0 ? resolving : defs).flatMap((f) =>
    f.directives.filter((d) => isAuthDirective(d.name)),
  );
}

/**
 * What an interface (or, with `field`, one of its fields) inherits from its implementations:
 * their authorization directives, implementation by implementation. Empty for other kinds.
 */
export function inheritedAuthDirectives(
  state: SupergraphState,
  typeName: string,
  field?: string,
): AppliedDirective[] {
  if (state.types.get(typeName)?.kind !== 'interface') return [];
  return implementationsOf(state, typeName).flatMap((impl) =>
    field === undefined ? typeAuthDirectives(impl) : fieldAuthDirectives(impl, field),
  );
}

/** Reads and caches the requirements of supergraph types and fields. */
export interface AuthRequirementsReader {
  /** A type's own requirements (for an interface: those of its implementations). */
  type(name: string): AuthRequirements;
  /** A field's own requirements, without its parent's or its type's. */
  field(parent: string, field: string): AuthRequirements;
}

export function createAuthRequirementsReader(state: SupergraphState): AuthRequirementsReader {
  const cache = new Map<string, AuthRequirements>();
  const read = (key: string, directives: () => AppliedDirective[]): AuthRequirements => {
    let result = cache.get(key);
    if (!result) {
      const all = directives();
      result = all.length > 0 ? requirementsOf(all) : NONE;
      cache.set(key, result);
    }
    return result;
  };
  return {
    type: (name) =>
      read(name, () => {
        const type = state.types.get(name);
        return type ? [...typeAuthDirectives(type), ...inheritedAuthDirectives(state, name)] : [];
      }),
    field: (parent, field) =>
      read(`${parent}.${field}`, () => {
        const type = state.types.get(parent);
        return type
          ? [...fieldAuthDirectives(type, field), ...inheritedAuthDirectives(state, parent, field)]
          : [];
      }),
  };
}
