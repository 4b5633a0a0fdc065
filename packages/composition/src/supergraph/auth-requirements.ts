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
 * ANDs requirement lists: the cross product of their alternatives, without alternatives that
 * contain another one (they add nothing). Empty lists are skipped, as Apollo does. Undefined when
 * there is nothing to AND.
 */
export function conjoin(
  lists: readonly (readonly (readonly string[])[])[],
): string[][] | undefined {
  const present = lists.filter((l) => l.length > 0);
  if (present.length === 0) return undefined;
  let result: string[][] = present[0]!.map((alt) => [...new Set(alt)].sort());
  for (const next of present.slice(1)) {
    const product: string[][] = [];
    for (const left of result) {
      for (const right of next) product.push([...new Set([...left, ...right])].sort());
    }
    result = product;
  }
  return withoutSupersets(result);
}

/** Drops duplicate alternatives and those containing another alternative, keeping the order. */
export function withoutSupersets(alternatives: readonly string[][]): string[][] {
  const seen = new Set<string>();
  const unique = alternatives.filter((alt) => {
    const key = JSON.stringify(alt);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.filter(
    (alt) =>
      !unique.some(
        (other) =>
          other !== alt && other.length < alt.length && other.every((x) => alt.includes(x)),
      ),
  );
}

/**
 * The object types implementing `iface` in some subgraph: where an interface's authorization
 * requirements come from.
 */
export function implementationsOf(state: SupergraphState, iface: string): MergedType[] {
  const out: MergedType[] = [];
  for (const type of state.types.values()) {
    if (type.kind !== 'object') continue;
    if (state.implementations.get(type.name)?.has(iface)) out.push(type);
  }
  return out;
}

/** Reads and caches the requirements of supergraph types and fields. */
export interface AuthRequirementsReader {
  /** A type's own requirements (for an interface: those of its implementations). */
  type(name: string): AuthRequirements;
  /** A field's own requirements, without its parent's or its type's. */
  field(parent: string, field: string): AuthRequirements;
}

export function createAuthRequirementsReader(state: SupergraphState): AuthRequirementsReader {
  const types = new Map<string, AuthRequirements>();
  const fields = new Map<string, AuthRequirements>();
  const typeDirectives = (type: MergedType) =>
    [...type.byGraph.values()].flatMap((t) => t.directives.filter((d) => isAuthDirective(d.name)));
  const fieldDirectives = (type: MergedType, field: string) => {
    const defs = [...type.byGraph.values()].flatMap((t: TypeState) => {
      const f = t.fields.get(field);
      return f ? [f] : [];
    });
    const resolving = defs.filter((f) => !f.external);
    return (resolving.length > 0 ? resolving : defs).flatMap((f) =>
      f.directives.filter((d) => isAuthDirective(d.name)),
    );
  };
  return {
    type(name) {
      const cached = types.get(name);
      if (cached) return cached;
      const type = state.types.get(name);
      let directives = type ? typeDirectives(type) : [];
      if (type?.kind === 'interface') {
        directives = [...directives, ...implementationsOf(state, name).flatMap(typeDirectives)];
      }
      const result = directives.length > 0 ? requirementsOf(directives) : NONE;
      types.set(name, result);
      return result;
    },
    field(parent, field) {
      const key = `${parent}.${field}`;
      const cached = fields.get(key);
      if (cached) return cached;
      const type = state.types.get(parent);
      let directives = type ? fieldDirectives(type, field) : [];
      if (type?.kind === 'interface') {
        directives = [
          ...directives,
          ...implementationsOf(state, parent).flatMap((impl) => fieldDirectives(impl, field)),
        ];
      }
      const result = directives.length > 0 ? requirementsOf(directives) : NONE;
      fields.set(key, result);
      return result;
    },
  };
}
