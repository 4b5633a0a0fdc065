import { Kind, parse, type SelectionSetNode } from 'graphql';
import type { FieldSet } from './model.js';

/**
 * Parses a FieldSet string (`"id org { id }"`, a selection set without its outer braces) into a
 * selection set; undefined when it does not parse or holds anything but fields and fragments.
 */
export function parseFieldSet(source: string): FieldSet | undefined {
  let selectionSet: SelectionSetNode;
  try {
    const document = parse(`{${source}}`, { noLocation: true });
    const operation = document.definitions[0];
    if (document.definitions.length !== 1 || operation?.kind !== Kind.OPERATION_DEFINITION) {
      return undefined;
    }
    selectionSet = operation.selectionSet;
  } catch {
    return undefined;
  }
  return { source, selectionSet };
}
