import {
  Kind,
  print,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DefinitionNode,
  type DocumentNode,
  type TypeDefinitionNode,
  type TypeExtensionNode,
  type TypeNode,
} from 'graphql';
import { namedTypeKind } from '@orrery/core';
import { suggestionList } from 'graphql/jsutils/suggestionList.js';
import { directiveSignatures, type DirectiveSignature } from '../directive-signatures.js';
import type { SubgraphState } from '../state.js';
import type { SubgraphValidationContext } from '../validation-context.js';
import { isValidValue } from '../values.js';

/** One element carrying directives: where it is (a directive location) and how messages name it. */
interface Element {
  readonly location: string;
  readonly coordinate: string;
  readonly directives: readonly ConstDirectiveNode[];
}

/** Every element of the document that can carry directives, with its location and coordinate. */
function* elements(document: DocumentNode): Generator<Element> {
  for (const def of document.definitions) {
    if (def.kind === Kind.SCHEMA_DEFINITION || def.kind === Kind.SCHEMA_EXTENSION) {
      yield { location: 'SCHEMA', coordinate: 'schema', directives: def.directives ?? [] };
      continue;
    }
    const location = namedTypeKind(def.kind);
    if (!location || !isTypeNode(def)) continue;
    const type = def.name.value;
    yield { location, coordinate: type, directives: def.directives ?? [] };
    if ('values' in def) {
      for (const v of def.values ?? []) {
        const coordinate = `${type}.${v.name.value}`;
        yield { location: 'ENUM_VALUE', coordinate, directives: v.directives ?? [] };
      }
    }
    if (!('fields' in def)) continue;
    const isInput = location === 'INPUT_OBJECT';
    for (const f of def.fields ?? []) {
      const coordinate = `${type}.${f.name.value}`;
      const fieldLocation = isInput ? 'INPUT_FIELD_DEFINITION' : 'FIELD_DEFINITION';
      yield { location: fieldLocation, coordinate, directives: f.directives ?? [] };
      if (!('arguments' in f)) continue;
      for (const a of f.arguments ?? []) {
        const argCoordinate = `${coordinate}(${a.name.value}:)`;
        const directives = a.directives ?? [];
        yield { location: 'ARGUMENT_DEFINITION', coordinate: argCoordinate, directives };
      }
    }
  }
}

function isTypeNode(def: DefinitionNode): def is TypeDefinitionNode | TypeExtensionNode {
  return namedTypeKind(def.kind) !== undefined;
}

/** ` Did you mean "a" or "b"?`, as graphql-js words suggestions (at most five). */
function didYouMean(input: string, options: readonly string[]): string {
  const found = suggestionList(input, options)
    .slice(0, 5)
    .map((s) => `"${s}"`);
  if (found.length === 0) return '';
  if (found.length === 1) return ` Did you mean ${found[0]}?`;
  const last = found.pop();
  return ` Did you mean ${found.join(', ')}${found.length > 1 ? ',' : ''} or ${last}?`;
}

function printType(type: TypeNode): string {
  return print(type);
}

/**
 * Directive applications follow their definitions: known arguments only, required ones given,
 * values of the right type, allowed locations, no repetition of a non-repeatable directive on
 * one element. Federation and linked-spec directives are checked against their spec signature
 * for the subgraph's version. Raises: INVALID_GRAPHQL.
 */
export function createDirectiveApplicationsRule(document: DocumentNode) {
  return function DirectiveApplicationsRule({ subgraph, report }: SubgraphValidationContext): void {
    const signatures = directiveSignatures(subgraph.links, subgraph.directiveDefinitions);
    for (const element of elements(document)) {
      const seen = new Set<string>();
      for (const node of element.directives) {
        const name = node.name.value;
        const signature = signatures.get(name);
        // Unknown directives are the known-directives rule's (or a foreign spec's) business.
        if (!signature) continue;
        if (!signature.locations.has(element.location)) {
          report(
            'INVALID_GRAPHQL',
            `Directive "@${name}" may not be used on ${element.location}.`,
            [node],
          );
          continue;
        }
        if (seen.has(name) && !signature.repeatable) {
          report(
            'INVALID_GRAPHQL',
            `The directive "@${name}" can only be used once at this location.`,
            [node],
          );
        }
        seen.add(name);
        checkArguments(node, signature, element.coordinate, subgraph, report);
      }
    }
  };
}

function checkArguments(
  node: ConstDirectiveNode,
  signature: DirectiveSignature,
  coordinate: string,
  subgraph: SubgraphState,
  report: SubgraphValidationContext['report'],
): void {
  const name = node.name.value;
  const given = new Map<string, ConstValueNode>();
  for (const arg of node.arguments ?? []) {
    const argName = arg.name.value;
    const expected = signature.args.get(argName);
    if (!expected) {
      const hint = didYouMean(argName, [...signature.args.keys()]);
      report('INVALID_GRAPHQL', `Unknown argument "${argName}" on directive "@${name}".${hint}`, [
        arg,
      ]);
      continue;
    }
    given.set(argName, arg.value);
    if (!isValidValue(arg.value, expected.type, subgraph.types)) {
      report(
        'INVALID_GRAPHQL',
        `Invalid value for "@${name}(${argName}:)" of type "${printType(expected.type)}" in application of "@${name}" to "${coordinate}".`,
        [arg],
      );
    }
  }
  for (const arg of signature.args.values()) {
    if (arg.type.kind !== Kind.NON_NULL_TYPE || arg.hasDefault || given.has(arg.name)) continue;
    report(
      'INVALID_GRAPHQL',
      `Directive "@${name}" argument "${arg.name}" of type "${printType(arg.type)}" is required, but it was not provided.`,
      [node],
    );
  }
}
