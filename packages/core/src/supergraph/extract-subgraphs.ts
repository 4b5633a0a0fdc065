import { print } from 'graphql';
import type {
  FieldInSubgraph,
  KeyDefinition,
  SupergraphArgument,
  SupergraphModel,
  SupergraphTypeKind,
} from './model.js';

/**
 * Each subgraph's own schema as the supergraph describes it: what a query planner needs to know
 * about a subgraph without its original SDL (types it has, each field with that subgraph's type,
 * keys, requires/provides/external). Descriptions, directives other than federation's, and
 * argument defaults are not recorded in a supergraph and so are not here either.
 */
export interface ExtractedSubgraph {
  readonly name: string;
  readonly url: string;
  readonly types: ReadonlyMap<string, ExtractedType>;
}

export interface ExtractedType {
  readonly name: string;
  /** An `@interfaceObject` is an OBJECT here although the supergraph type is an interface. */
  readonly kind: SupergraphTypeKind;
  readonly keys: readonly KeyDefinition[];
  readonly isInterfaceObject: boolean;
  readonly interfaces: readonly string[];
  readonly unionMembers: readonly string[];
  readonly enumValues: readonly string[];
  readonly fields: ReadonlyMap<string, ExtractedField>;
}

export interface ExtractedField extends FieldInSubgraph {
  readonly name: string;
  readonly args: readonly SupergraphArgument[];
}

/** Rebuilds every subgraph's schema from a supergraph model (see `ExtractedSubgraph`). */
export function extractSubgraphs(model: SupergraphModel): Map<string, ExtractedSubgraph> {
  const out = new Map<string, ExtractedSubgraph>();
  const typesByGraph = new Map<string, Map<string, ExtractedType>>();
  for (const s of model.subgraphs) {
    const types = new Map<string, ExtractedType>();
    typesByGraph.set(s.name, types);
    out.set(s.name, { name: s.name, url: s.url, types });
  }
  for (const type of model.types.values()) {
    for (const [graph, inGraph] of type.subgraphs) {
      const fields = new Map<string, ExtractedField>();
      for (const field of type.fields.values()) {
        const inField = field.subgraphs.get(graph);
        if (inField) fields.set(field.name, { ...inField, name: field.name, args: field.args });
      }
      typesByGraph.get(graph)?.set(type.name, {
        name: type.name,
        kind: inGraph.isInterfaceObject ? 'OBJECT' : type.kind,
        keys: inGraph.keys,
        isInterfaceObject: inGraph.isInterfaceObject,
        interfaces: inGraph.interfaces,
        unionMembers: inGraph.unionMembers,
        enumValues: inGraph.enumValues,
        fields,
      });
    }
  }
  return out;
}

const KEYWORDS: Record<SupergraphTypeKind, string> = {
  OBJECT: 'type',
  INTERFACE: 'interface',
  UNION: 'union',
  ENUM: 'enum',
  INPUT_OBJECT: 'input',
  SCALAR: 'scalar',
};

/**
 * Prints an extracted subgraph as federation 2 SDL (`@key`, `@external`, `@requires`,
 * `@provides`, `@override`, `@interfaceObject`), for debugging and for tools that want text.
 */
export function printExtractedSubgraph(subgraph: ExtractedSubgraph): string {
  const quote = (s: string): string => JSON.stringify(s);
  const blocks: string[] = [];
  for (const type of subgraph.types.values()) {
    let head = `${KEYWORDS[type.kind]} ${type.name}`;
    if (type.interfaces.length) head += ` implements ${type.interfaces.join(' & ')}`;
    for (const key of type.keys) {
      head += ` @key(fields: ${quote(key.fields.source)}${key.resolvable ? '' : ', resolvable: false'})`;
    }
    if (type.isInterfaceObject) head += ' @interfaceObject';
    if (type.kind === 'UNION') {
      blocks.push(type.unionMembers.length ? `${head} = ${type.unionMembers.join(' | ')}` : head);
    } else if (type.kind === 'ENUM') {
      blocks.push(`${head} {\n${type.enumValues.map((v) => `  ${v}`).join('\n')}\n}`);
    } else if (type.kind === 'SCALAR') {
      blocks.push(head);
    } else {
      const lines = [...type.fields.values()].map((f) => {
        const args = f.args.length
          ? `(${f.args.map((a) => `${a.name}: ${print(a.type)}`).join(', ')})`
          : '';
        let line = `  ${f.name}${args}: ${f.type}`;
        if (f.external) line += ' @external';
        if (f.requires) line += ` @requires(fields: ${quote(f.requires.source)})`;
        if (f.provides) line += ` @provides(fields: ${quote(f.provides.source)})`;
        if (f.override !== undefined) {
          line += ` @override(from: ${quote(f.override)}${f.overrideLabel !== undefined ? `, label: ${quote(f.overrideLabel)}` : ''})`;
        }
        return line;
      });
      blocks.push(lines.length ? `${head} {\n${lines.join('\n')}\n}` : head);
    }
  }
  return `${blocks.join('\n\n')}\n`;
}
