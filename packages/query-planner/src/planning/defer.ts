import { print } from 'graphql';
import type { OpFragment, OpSelection } from '../operation/operation.js';

/**
 * The `subselection` of a `Defer` node's primary part or deferred chunk: the client's selections
 * it answers, on one line (`{ t { name } }`), as Apollo's planner writes them. `skip` lists the
 * fragments planned as deferred chunks: they are left out, and so is a field left empty by that.
 * A fragment that adds nothing (no directive, no type condition other than `type`, the type the
 * selections are read on) is written as its selections, merged with their neighbours, as Apollo
 * normalises it; that includes a `@defer(if: $v)` fragment in the plan where `$v` is false.
 * Undefined when nothing is left.
 */
export function printSubselection(
  selections: readonly OpSelection[],
  skip: ReadonlySet<OpFragment>,
  type: string,
): string | undefined {
  const items = new Map<string, Item>();
  collect(selections, skip, type, items);
  const parts: string[] = [];
  for (const [head, item] of items) {
    if (item.children === undefined) {
      // Apollo prints an unaliased `__typename` first.
      if (head.startsWith('__typename')) parts.unshift(head);
      else parts.push(head);
      continue;
    }
    const inner = printSubselection(item.children, skip, item.type);
    if (inner !== undefined) parts.push(`${head} ${inner}`);
  }
  return parts.length === 0 ? undefined : `{ ${parts.join(' ')} }`;
}

/**
 * The `subselection` of a deferred chunk: its fragment's selections, inside `... on T` when the
 * fragment has a type condition and with its `@skip`/`@include` (Apollo writes both).
 */
export function printDeferredSubselection(
  fragment: OpFragment,
  skip: ReadonlySet<OpFragment>,
  type: string,
): string | undefined {
  const inner = printSubselection(fragment.selections, skip, type);
  if (inner === undefined) return undefined;
  let head = '...';
  if (fragment.typeCondition !== undefined) head += ` on ${fragment.typeCondition}`;
  head += directives(fragment);
  return head === '...' ? inner : `{ ${head} ${inner} }`;
}

/** One printed selection, keyed by its head (`a: f(x: 1) @include(if: $v)`, `... on T`). */
interface Item {
  /** Undefined for leaves; selections of every merged occurrence otherwise. */
  readonly children: OpSelection[] | undefined;
  /** The type `children` are read on. */
  readonly type: string;
}

function collect(
  selections: readonly OpSelection[],
  skip: ReadonlySet<OpFragment>,
  type: string,
  into: Map<string, Item>,
): void {
  for (const s of selections) {
    if (s.kind === 'Fragment') {
      if (skip.has(s)) continue;
      const bare = s.directives.length === 0 && s.conditions.length === 0;
      if (bare && (s.typeCondition === undefined || s.typeCondition === type)) {
        collect(s.selections, skip, type, into);
        continue;
      }
      let head = '...';
      if (s.typeCondition !== undefined) head += ` on ${s.typeCondition}`;
      head += directives(s);
      add(into, head, s.selections, s.typeCondition ?? type);
      continue;
    }
    let head = s.alias !== undefined ? `${s.alias}: ${s.name}` : s.name;
    if (s.arguments.length > 0) {
      head += `(${s.arguments.map((a) => `${a.name.value}: ${print(a.value)}`).join(', ')})`;
    }
    head += directives(s);
    add(into, head, s.selections, s.type);
  }
}

function add(
  into: Map<string, Item>,
  head: string,
  selections: readonly OpSelection[] | undefined,
  type: string,
): void {
  const existing = into.get(head);
  if (!existing) {
    into.set(head, { children: selections ? [...selections] : undefined, type });
  } else if (existing.children && selections) {
    existing.children.push(...selections);
  }
}

function directives(s: OpSelection): string {
  let out = '';
  for (const c of s.conditions) out += ` @${c.include ? 'include' : 'skip'}(if: $${c.variable})`;
  for (const d of s.directives) out += ` ${print(d)}`;
  return out;
}
