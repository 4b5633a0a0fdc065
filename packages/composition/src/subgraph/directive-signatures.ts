import {
  Kind,
  parseType,
  type DirectiveDefinitionNode,
  type ListTypeNode,
  type NamedTypeNode,
  type TypeNode,
} from 'graphql';
import type { LinkResolution } from './links.js';
import { FEDERATION_DIRECTIVES } from './specs.js';

/** One argument of a directive: its type (federation types under their local names) and whether it has a default. */
export interface ArgumentSignature {
  readonly name: string;
  readonly type: TypeNode;
  readonly hasDefault: boolean;
}

/** What applying a directive must respect: its arguments, where it may go, whether it repeats. */
export interface DirectiveSignature {
  readonly args: ReadonlyMap<string, ArgumentSignature>;
  readonly locations: ReadonlySet<string>;
  readonly repeatable: boolean;
}

const TAG_LOCATIONS =
  'FIELD_DEFINITION|OBJECT|INTERFACE|UNION|ARGUMENT_DEFINITION|SCALAR|ENUM|ENUM_VALUE|INPUT_OBJECT|INPUT_FIELD_DEFINITION';
const AUTH_LOCATIONS = 'FIELD_DEFINITION|OBJECT|INTERFACE|SCALAR|ENUM';

/**
 * The federation directives as a subgraph sees them: `[since minor, repeatable, locations,
 * arguments]`, later entries for the same name replacing earlier ones from their minor on.
 * Federation types (`FieldSet`, `Scope`, ...) are written canonically and renamed per subgraph.
 */
const FEDERATION_SIGNATURES: readonly (readonly [string, number, boolean, string, string])[] = [
  ['key', 0, true, 'OBJECT|INTERFACE', 'fields: FieldSet!, resolvable: Boolean = true'],
  ['requires', 0, false, 'FIELD_DEFINITION', 'fields: FieldSet!'],
  ['provides', 0, false, 'FIELD_DEFINITION', 'fields: FieldSet!'],
  ['external', 0, false, 'OBJECT|FIELD_DEFINITION', 'reason: String'],
  ['tag', 0, true, TAG_LOCATIONS, 'name: String!'],
  ['tag', 3, true, `${TAG_LOCATIONS}|SCHEMA`, 'name: String!'],
  ['extends', 0, false, 'OBJECT|INTERFACE', ''],
  ['shareable', 0, false, 'OBJECT|FIELD_DEFINITION', ''],
  ['shareable', 2, true, 'OBJECT|FIELD_DEFINITION', ''],
  ['inaccessible', 0, false, TAG_LOCATIONS, ''],
  ['override', 0, false, 'FIELD_DEFINITION', 'from: String!'],
  ['override', 7, false, 'FIELD_DEFINITION', 'from: String!, label: String'],
  ['composeDirective', 1, true, 'SCHEMA', 'name: String'],
  ['interfaceObject', 3, false, 'OBJECT', ''],
  ['authenticated', 5, false, AUTH_LOCATIONS, ''],
  ['requiresScopes', 5, false, AUTH_LOCATIONS, 'scopes: [[Scope!]!]!'],
  ['policy', 6, false, AUTH_LOCATIONS, 'policies: [[Policy!]!]!'],
  ['context', 8, true, 'INTERFACE|OBJECT|UNION', 'name: String!'],
  ['fromContext', 8, false, 'ARGUMENT_DEFINITION', 'field: ContextFieldValue'],
  [
    'cost',
    9,
    false,
    'ARGUMENT_DEFINITION|ENUM|FIELD_DEFINITION|INPUT_FIELD_DEFINITION|OBJECT|SCALAR',
    'weight: Int!',
  ],
  [
    'listSize',
    9,
    false,
    'FIELD_DEFINITION',
    'assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true',
  ],
  ['cacheTag', 12, true, 'OBJECT|FIELD_DEFINITION', 'format: String!'],
];

/** Federation 1 differs: `@key(resolvable:)` has no default and the field sets are `_FieldSet`. */
const FED1_KEY = 'fields: _FieldSet!, resolvable: Boolean';
const LINK = 'url: String, as: String, for: link__Purpose, import: [link__Import]';
const BUILT_INS: readonly (readonly [string, boolean, string, string])[] = [
  [
    'deprecated',
    false,
    'FIELD_DEFINITION|ARGUMENT_DEFINITION|INPUT_FIELD_DEFINITION|ENUM_VALUE',
    'reason: String = "No longer supported"',
  ],
  ['specifiedBy', false, 'SCALAR', 'url: String!'],
];

function signature(
  repeatable: boolean,
  locations: string,
  args: string,
  typeName: (canonical: string) => string,
): DirectiveSignature {
  const map = new Map<string, ArgumentSignature>();
  for (const part of args ? args.split(', ') : []) {
    const [name = '', rest = ''] = part.split(': ');
    const [type = '', defaultValue] = rest.split(' = ');
    map.set(name, {
      name,
      type: renameTypes(parseType(type, { noLocation: true }), typeName),
      hasDefault: defaultValue !== undefined,
    });
  }
  return { args: map, locations: new Set(locations.split('|')), repeatable };
}

function renameTypes(type: TypeNode, typeName: (canonical: string) => string): TypeNode {
  if (type.kind === Kind.NAMED_TYPE) {
    return { ...type, name: { ...type.name, value: typeName(type.name.value) } };
  }
  if (type.kind === Kind.LIST_TYPE) return { ...type, type: renameTypes(type.type, typeName) };
  return { ...type, type: renameTypes(type.type, typeName) as NamedTypeNode | ListTypeNode };
}

/**
 * The signature of every directive a subgraph can apply, by the local name it applies it under:
 * built-ins, `@link`, the federation and linked-spec directives of its version, and the
 * directives its document defines.
 */
export function directiveSignatures(
  links: LinkResolution,
  definitions: ReadonlyMap<string, DirectiveDefinitionNode>,
): Map<string, DirectiveSignature> {
  const out = new Map<string, DirectiveSignature>();
  const federationTypeNames = new Map<string, string>();
  for (const [local, canonical] of links.types) {
    // Prefer the imported name over the namespaced one, as for directives.
    if (!federationTypeNames.has(canonical) || !local.includes('__')) {
      federationTypeNames.set(canonical, local);
    }
  }
  const typeName = (name: string) => {
    if (name.startsWith('link__')) return name.replace('link__', `${links.linkPrefix}__`);
    if (name === '_FieldSet' || !/^(FieldSet|Scope|Policy|ContextFieldValue)$/.test(name)) {
      return name;
    }
    return federationTypeNames.get(name) ?? `federation__${name}`;
  };
  const canonical = new Map<string, DirectiveSignature>();
  for (const [name, since, repeatable, locations, args] of FEDERATION_SIGNATURES) {
    if (since > links.minor) continue;
    const fed1Key = !links.isFed2 && name === 'key';
    canonical.set(name, signature(repeatable, locations, fed1Key ? FED1_KEY : args, typeName));
  }
  for (const [local, name] of links.directives) {
    const found = FEDERATION_DIRECTIVES.has(name) ? canonical.get(name) : undefined;
    if (found) out.set(local, found);
  }
  for (const [name, repeatable, locations, args] of BUILT_INS) {
    out.set(name, signature(repeatable, locations, args, typeName));
  }
  out.set(links.linkPrefix, signature(true, 'SCHEMA', LINK, typeName));
  for (const [name, def] of definitions) {
    const args = new Map<string, ArgumentSignature>();
    for (const arg of def.arguments ?? []) {
      args.set(arg.name.value, {
        name: arg.name.value,
        type: arg.type,
        hasDefault: arg.defaultValue !== undefined,
      });
    }
    out.set(name, {
      args,
      locations: new Set(def.locations.map((l) => l.value)),
      repeatable: def.repeatable,
    });
  }
  return out;
}
