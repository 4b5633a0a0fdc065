import { print } from 'graphql';
import type { OpFragment, OpSelection } from '../operation/operation.js';

/**
 * The `subselection` of a `Defer` node's primary part or deferred chunk: the client's selections
 * it answers, on one line (`{ t { name } }`), as Apollo's planner writes them. `skip` lists the
 * fragments planned as deferred chunks: they are left out, and so is a field left empty by that.
 * Undefined when nothing is left.
 */
export function printSubselection(
  selections: readonly OpSelection[],
  skip: ReadonlySet<OpFragment>,
): string | undefined {
  const parts: string[] = [];
  for (const s of selections) {
    if (s.kind === 'Fragment') {
      if (skip.has(s)) continue;
      const inner = printSubselection(s.selections, skip);
      if (inner === undefined) continue;
      let head = '...';
      if (s.typeCondition !== undefined) head += ` on ${s.typeCondition}`;
      head += directives(s);
      parts.push(`${head} ${inner}`);
      continue;
    }
    let text = s.alias !== undefined ? `${s.alias}: ${s.name}` : s.name;
    if (s.arguments.length > 0) {
      text += `(${s.arguments.map((a) => `${a.name.value}: ${print(a.value)}`).join(', ')})`;
    }
    text += directives(s);
    if (s.selections) {
      const inner = printSubselection(s.selections, skip);
      if (inner === undefined) continue;
      text += ` ${inner}`;
    }
    parts.push(text);
  }
  return parts.length === 0 ? undefined : `{ ${parts.join(' ')} }`;
}

function directives(s: OpSelection): string {
  let out = '';
  for (const c of s.conditions) out += ` @${c.include ? 'include' : 'skip'}(if: $${c.variable})`;
  for (const d of s.directives) out += ` ${print(d)}`;
  return out;
}
