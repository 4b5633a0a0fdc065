import { print } from 'graphql';
import type { ArgumentState, FieldState } from '../../subgraph/state.js';
import type { SupergraphContext } from '../context.js';
import { groupBy, listGraphs } from '../merge/fields.js';
import { isInputSubtype } from '../merge/type-references.js';

/**
 * An `@external` declaration of a field must have the arguments of the field it stands for, with
 * compatible types and the same defaults (the subgraph may send them in a `@requires` query).
 * Arguments of external declarations do not take part in argument merging.
 * Raises: EXTERNAL_ARGUMENT_MISSING, EXTERNAL_ARGUMENT_TYPE_MISMATCH,
 * EXTERNAL_ARGUMENT_DEFAULT_MISMATCH.
 */
export function ExternalArgumentsRule(context: SupergraphContext): void {
  for (const type of context.state.types.values()) {
    if (type.kind !== 'object' && type.kind !== 'interface') continue;
    const byField = new Map<string, [string, FieldState][]>();
    for (const [g, t] of type.byGraph) {
      for (const f of t.fields.values()) {
        const list = byField.get(f.name);
        if (list) list.push([g, f]);
        else byField.set(f.name, [[g, f]]);
      }
    }
    for (const [fieldName, defs] of byField) {
      const externals = defs.filter(([, f]) => f.external);
      const bases = defs.filter(([, f]) => !f.external);
      if (externals.length === 0 || bases.length === 0) continue;
      const coordinate = `${type.name}.${fieldName}`;
      const argNames = new Set(bases.flatMap(([, f]) => [...f.args.keys()]));
      for (const argName of argNames) {
        checkArgument(context, coordinate, argName, bases, externals);
      }
    }
  }
}

function checkArgument(
  context: SupergraphContext,
  coordinate: string,
  argName: string,
  bases: readonly [string, FieldState][],
  externals: readonly [string, FieldState][],
): void {
  const arg = `${coordinate}(${argName}:)`;
  const inBases = bases.flatMap(([g, f]) => {
    const a = f.args.get(argName);
    return a ? [[g, a] as [string, ArgumentState]] : [];
  });
  const missing = externals.filter(([, f]) => !f.args.has(argName));
  if (missing.length > 0) {
    context.report(
      'EXTERNAL_ARGUMENT_MISSING',
      `Field "${coordinate}" is missing argument "${arg}" in some subgraphs where it is marked @external: argument "${arg}" is declared in ${listGraphs(inBases.map(([g]) => g))} but not in ${listGraphs(missing.map(([g]) => g))} (where "${coordinate}" is @external). Add the argument to the @external declaration.`,
      [
        ...inBases.map(([g, a]) => [g, a.node] as const),
        ...missing.map(([g, f]) => [g, f.node] as const),
      ],
    );
    return;
  }
  const inExternals = externals.map(([g, f]) => [g, f.args.get(argName)!] as const);
  const all = [...inBases, ...inExternals];
  const badType = inExternals.filter(([, e]) =>
    inBases.some(([, b]) => !isInputSubtype(e.type, b.type) && !isInputSubtype(b.type, e.type)),
  );
  if (badType.length > 0) {
    const groups = groupBy(all.map(([g, a]) => [g, print(a.type)] as const));
    context.report(
      'EXTERNAL_ARGUMENT_TYPE_MISMATCH',
      `Type of argument "${arg}" is incompatible across subgraphs (where "${coordinate}" is marked @external): it has ${groups.map(([t, gs]) => `type "${t}" in ${listGraphs(gs)}`).join(' but ')}. Give the @external declaration the argument type of the subgraph that resolves the field.`,
      all.map(([g, a]) => [g, a.node] as const),
    );
    return;
  }
  const defaults = groupBy(
    all.map(([g, a]) => [g, a.defaultValue ? print(a.defaultValue) : ''] as const),
  );
  if (defaults.length > 1) {
    const describe = (d: string) => (d === '' ? 'no default value' : `default value ${d}`);
    context.report(
      'EXTERNAL_ARGUMENT_DEFAULT_MISMATCH',
      `Argument "${arg}" has incompatible defaults across subgraphs (where "${coordinate}" is marked @external): it has ${defaults.map(([d, gs]) => `${describe(d)} in ${listGraphs(gs)}`).join(' but ')}. Give the @external declaration the same default value.`,
      all.map(([g, a]) => [g, a.node] as const),
    );
  }
}
