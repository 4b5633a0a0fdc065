import { Kind, type ASTNode, type SelectionSetNode } from 'graphql';
import { fromContextValue, parseContextFieldValue } from '../../subgraph/context-field.js';
import { parseFieldSet } from '../../subgraph/field-set.js';
import {
  namedType,
  stringArgument,
  type AppliedDirective,
  type FieldState,
  type SubgraphState,
  type TypeState,
} from '../../subgraph/state.js';
import {
  combineRequirements,
  createAuthRequirementsReader,
  satisfies,
  type AuthRequirements,
  type AuthRequirementsReader,
} from '../auth-requirements.js';
import type { SupergraphContext } from '../context.js';

/**
 * A field that reads other data to resolve (`@requires`, or an argument set by `@fromContext`)
 * hands that data to its resolver: a client allowed to query the field must be allowed to read
 * the data too. So the field (with its parent type) must carry at least the authorization
 * requirements of everything its selection reads: each selected field, the field's type, each
 * inline fragment's type condition and, for a context, the types setting it. Requirements are
 * the supergraph's (merged over subgraphs; interfaces get their implementations'). One error per
 * field (per context-setting type), naming the first element it does not cover.
 * Raises: MISSING_TRANSITIVE_AUTH_REQUIREMENTS.
 */
export function TransitiveAuthRequirementsRule(context: SupergraphContext): void {
  let reader: AuthRequirementsReader | undefined;
  for (const subgraph of context.state.subgraphs) {
    const setters = contextSetters(subgraph);
    for (const type of subgraph.types.values()) {
      if (type.kind !== 'object') continue;
      for (const field of type.fields.values()) {
        const requires = field.directives.find((d) => d.name === 'requires');
        const contextual = [...field.args.values()].filter((a) => fromContextValue(a));
        if (!requires && contextual.length === 0) continue;
        reader ??= createAuthRequirementsReader(context.state);
        const check: Check = {
          context,
          reader,
          subgraph,
          coordinate: `${type.name}.${field.name}`,
          have: combineRequirements(reader.type(type.name), reader.field(type.name, field.name)),
        };
        if (requires) checkRequires(check, type, requires);
        for (const arg of contextual) {
          const parsed = parseContextFieldValue(fromContextValue(arg) ?? '');
          if (!parsed) continue;
          const selection = parseFieldSet(parsed.selection.trim().replace(/^\{([\s\S]*)\}$/, '$1'));
          if (typeof selection === 'string') continue;
          const node = arg.directives.find((d) => d.name === 'fromContext')?.node;
          for (const setter of setters.get(parsed.context) ?? []) {
            checkContext(
              check,
              field,
              node,
              setter,
              `${subgraph.name}__${parsed.context}`,
              selection,
            );
          }
        }
      }
    }
  }
}

interface Check {
  readonly context: SupergraphContext;
  readonly reader: AuthRequirementsReader;
  readonly subgraph: SubgraphState;
  /** The field needing the data. */
  readonly coordinate: string;
  /** What a client querying it must already have: its own and its parent type's requirements. */
  readonly have: AuthRequirements;
}

function checkRequires(check: Check, type: TypeState, requires: AppliedDirective): void {
  const selection = parseFieldSet(stringArgument(requires, 'fields') ?? '');
  if (typeof selection === 'string') return;
  const missing = firstUncovered(check, type.name, selection);
  if (missing !== undefined) {
    report(check, `${missing} from @requires selection set.`, requires.node);
  }
}

function checkContext(
  check: Check,
  field: FieldState,
  node: ASTNode | undefined,
  setter: string,
  contextName: string,
  selection: SelectionSetNode,
): void {
  const site = node ?? field.node;
  if (!satisfies(check.have, check.reader.type(setter))) {
    report(
      check,
      `the transitive data in context ${contextName} from @fromContext selection set.`,
      site,
    );
    return;
  }
  const missing = firstUncovered(check, setter, selection);
  if (missing !== undefined) report(check, `${missing} from @fromContext selection set.`, site);
}

function report(check: Check, what: string, node: ASTNode): void {
  check.context.report(
    'MISSING_TRANSITIVE_AUTH_REQUIREMENTS',
    `[${check.subgraph.name}] Field "${check.coordinate}" does not specify necessary @authenticated, @requiresScopes and/or @policy auth requirements to access ${what} Give the field (or its type) at least the requirements of the data it reads.`,
    [[check.subgraph.name, node]],
  );
}

/**
 * Walks a selection from `parent` in document order (resolving names in the subgraph, where the
 * selection was validated) and describes the first element whose requirements the field does
 * not cover.
 */
function firstUncovered(
  check: Check,
  parent: string,
  selection: SelectionSetNode,
): string | undefined {
  const { reader, subgraph, have } = check;
  for (const sel of selection.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value === '__typename') continue;
      const field = subgraph.types.get(parent)?.fields.get(sel.name.value);
      if (!field) continue;
      const target = namedType(field.type);
      const need = combineRequirements(reader.field(parent, field.name), reader.type(target));
      if (!satisfies(have, need)) return `the transitive field "${parent}.${field.name}" data`;
      if (sel.selectionSet) {
        const nested = firstUncovered(check, target, sel.selectionSet);
        if (nested !== undefined) return nested;
      }
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const condition = sel.typeCondition?.name.value;
      if (condition !== undefined && !satisfies(have, reader.type(condition))) {
        return `the transitive data in inline fragment type condition "${condition}"`;
      }
      const nested = firstUncovered(check, condition ?? parent, sel.selectionSet);
      if (nested !== undefined) return nested;
    }
  }
  return undefined;
}

/** Context name to the types of the subgraph setting it with `@context`. */
function contextSetters(subgraph: SubgraphState): Map<string, string[]> {
  const setters = new Map<string, string[]>();
  for (const type of subgraph.types.values()) {
    for (const d of type.directives) {
      if (d.name !== 'context') continue;
      const name = stringArgument(d, 'name');
      if (name === undefined) continue;
      setters.set(name, [...(setters.get(name) ?? []), type.name]);
    }
  }
  return setters;
}
