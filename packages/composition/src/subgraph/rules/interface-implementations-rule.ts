import { Kind, print, type TypeNode } from 'graphql';
import type { SubgraphState, TypeState } from '../state.js';
import { kindName } from '../type-kinds.js';
import type { SubgraphValidationContext } from '../validation-context.js';

/** Whether `sub` may stand where `sup` is declared: GraphQL's covariant field typing. */
function isSubtype(subgraph: SubgraphState, sub: TypeNode, sup: TypeNode): boolean {
  if (sup.kind === Kind.NON_NULL_TYPE) {
    return sub.kind === Kind.NON_NULL_TYPE && isSubtype(subgraph, sub.type, sup.type);
  }
  if (sub.kind === Kind.NON_NULL_TYPE) return isSubtype(subgraph, sub.type, sup);
  if (sup.kind === Kind.LIST_TYPE) {
    return sub.kind === Kind.LIST_TYPE && isSubtype(subgraph, sub.type, sup.type);
  }
  if (sub.kind !== Kind.NAMED_TYPE) return false;
  const subName = sub.name.value;
  const supName = sup.name.value;
  if (subName === supName) return true;
  const abstract = subgraph.types.get(supName);
  if (abstract?.kind === 'union') return abstract.members.includes(subName);
  if (abstract?.kind === 'interface') {
    return subgraph.types.get(subName)?.interfaces.includes(supName) ?? false;
  }
  return false;
}

/**
 * Object and interface types implement their interfaces as GraphQL requires: interfaces only,
 * every field with a subtype, every argument with the same type, no extra required argument,
 * and the interfaces' own interfaces too. Raises: INVALID_GRAPHQL.
 */
export function InterfaceImplementationsRule({
  subgraph,
  report,
}: SubgraphValidationContext): void {
  for (const type of subgraph.types.values()) {
    for (const name of type.interfaces) {
      const iface = subgraph.types.get(name);
      const kind = kindName(subgraph, name);
      if (!iface || iface.kind !== 'interface') {
        if (kind !== undefined) {
          report(
            'INVALID_GRAPHQL',
            `Cannot implement non-interface type ${name} (of type ${kind})`,
            [type.nodes[0]],
          );
        }
        continue;
      }
      checkImplementation(type, iface, subgraph, report);
    }
  }
}

function checkImplementation(
  type: TypeState,
  iface: TypeState,
  subgraph: SubgraphState,
  report: SubgraphValidationContext['report'],
): void {
  for (const transitive of iface.interfaces) {
    if (!type.interfaces.includes(transitive) && transitive !== type.name) {
      report(
        'INVALID_GRAPHQL',
        `Type ${type.name} must implement ${transitive} because it is implemented by ${iface.name}.`,
        [type.nodes[0]],
      );
    }
  }
  for (const expected of iface.fields.values()) {
    const at = `${iface.name}.${expected.name}`;
    const field = type.fields.get(expected.name);
    if (!field) {
      report(
        'INVALID_GRAPHQL',
        `Interface field ${at} expected but ${type.name} does not provide it.`,
        [expected.node, type.nodes[0]],
      );
      continue;
    }
    if (!isSubtype(subgraph, field.type, expected.type)) {
      report(
        'INVALID_GRAPHQL',
        `Interface field ${at} expects type ${print(expected.type)} but ${type.name}.${field.name} of type ${print(field.type)} is not a proper subtype.`,
        [expected.node, field.node],
      );
    }
    for (const arg of expected.args.values()) {
      const own = field.args.get(arg.name);
      if (!own) {
        report(
          'INVALID_GRAPHQL',
          `Interface field argument ${at}(${arg.name}:) expected but ${type.name}.${field.name} does not provide it.`,
          [arg.node, field.node],
        );
      } else if (print(own.type) !== print(arg.type)) {
        report(
          'INVALID_GRAPHQL',
          `Interface field argument ${at}(${arg.name}:) expects type ${print(arg.type)} but ${type.name}.${field.name}(${arg.name}:) is type ${print(own.type)}.`,
          [arg.node, own.node],
        );
      }
    }
    for (const own of field.args.values()) {
      if (expected.args.has(own.name)) continue;
      if (own.type.kind !== Kind.NON_NULL_TYPE || own.defaultValue !== undefined) continue;
      report(
        'INVALID_GRAPHQL',
        `Field ${type.name}.${field.name} includes required argument ${own.name} that is missing from the Interface field ${at}.`,
        [own.node, expected.node],
      );
    }
  }
}
