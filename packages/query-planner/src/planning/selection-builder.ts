import type { ArgumentNode, DirectiveNode, ValueNode } from 'graphql';
import { Kind, print } from 'graphql';
import type { Condition } from '../operation/operation.js';
import type { PlanSelection } from '../query-plan.js';

/**
 * A mutable selection set inside one fetch, merged as the planner adds to it. Selections the
 * planner adds for its own needs (`__typename`, key and required fields) go before the client's,
 * which is where Apollo's planner puts them, so subgraph operations read the same.
 */
export interface FieldEntry {
  readonly kind: 'Field';
  readonly name: string;
  readonly alias: string | undefined;
  readonly arguments: readonly ArgumentNode[];
  readonly directives: readonly DirectiveNode[];
  conditions: readonly Condition[];
  /** Undefined for leaves. */
  readonly selections: SelectionBuilder | undefined;
  /**
   * The field's type in the fetch's subgraph, printed (`[String!]`), when known: two fields of
   * one response name whose subgraph types differ cannot be merged (see `aliases.ts`).
   */
  readonly type: string | undefined;
  /** Added by the planner (a key, a required field), not selected by the client. */
  readonly plannerAdded: boolean;
}

export interface FragmentEntry {
  readonly kind: 'Fragment';
  readonly typeCondition: string | undefined;
  readonly directives: readonly DirectiveNode[];
  conditions: readonly Condition[];
  readonly selections: SelectionBuilder;
}

export type Entry = FieldEntry | FragmentEntry;

export function conditionsKey(conditions: readonly Condition[]): string {
  let key = '';
  for (const c of conditions) key += `${c.include ? '+' : '-'}${c.variable}`;
  return key;
}

function directivesKey(directives: readonly DirectiveNode[]): string {
  return directives.length === 0 ? '' : directives.map((d) => print(d)).join(' ');
}

/** Arguments as text, to tell `f(a: 1)` from `f(a: 2)` under one response name. */
export function argumentsKey(args: readonly ArgumentNode[]): string {
  return args.length === 0 ? '' : args.map((a) => `${a.name.value}:${print(a.value)}`).join(',');
}

export class SelectionBuilder {
  private readonly entries = new Map<string, Entry>();
  private readonly head: Entry[] = [];
  private readonly body: Entry[] = [];

  get size(): number {
    return this.entries.size;
  }

  /** Entries in print order. */
  list(): Entry[] {
    return this.head.length === 0 ? this.body : [...this.head, ...this.body];
  }

  field(
    name: string,
    alias: string | undefined,
    args: readonly ArgumentNode[],
    directives: readonly DirectiveNode[],
    conditions: readonly Condition[],
    composite: boolean,
    plannerAdded = false,
    type?: string,
  ): FieldEntry {
    // One entry per (response name, field, arguments): a client alias that reuses the response
    // name of another field (or of a key the planner adds) stays a separate selection.
    const responseName = alias ?? name;
    const key =
      `${responseName}|${responseName === name ? '' : name}|${argumentsKey(args)}|` +
      `${conditionsKey(conditions)}|${directivesKey(directives)}`;
    const existing = this.entries.get(key);
    if (existing?.kind === 'Field') return existing;
    const entry: FieldEntry = {
      kind: 'Field',
      name,
      alias,
      arguments: args,
      directives,
      conditions,
      selections: composite ? new SelectionBuilder() : undefined,
      type,
      plannerAdded,
    };
    this.entries.set(key, entry);
    // Apollo prints an unaliased `__typename` first in any selection set, whoever selected it.
    if (name === '__typename' && alias === undefined) this.head.unshift(entry);
    else (plannerAdded ? this.head : this.body).push(entry);
    return entry;
  }

  fragment(
    typeCondition: string | undefined,
    directives: readonly DirectiveNode[],
    conditions: readonly Condition[],
    plannerAdded = false,
  ): FragmentEntry {
    const key = `...${typeCondition ?? ''}|${conditionsKey(conditions)}|${directivesKey(directives)}`;
    const existing = this.entries.get(key);
    if (existing?.kind === 'Fragment') return existing;
    const entry: FragmentEntry = {
      kind: 'Fragment',
      typeCondition,
      directives,
      conditions,
      selections: new SelectionBuilder(),
    };
    this.entries.set(key, entry);
    (plannerAdded ? this.head : this.body).push(entry);
    return entry;
  }

  /** `__typename` first of all, as Apollo's planner writes it on abstract types. */
  typename(): void {
    const key = `__typename||||`;
    if (this.entries.has(key)) return;
    const entry: FieldEntry = {
      kind: 'Field',
      name: '__typename',
      alias: undefined,
      arguments: [],
      directives: [],
      conditions: [],
      selections: undefined,
      type: 'String!',
      plannerAdded: true,
    };
    this.entries.set(key, entry);
    this.head.unshift(entry);
  }
}

/** The `requires` shape of a fetch node (no arguments, directives or aliases can appear there). */
export function toPlanSelections(builder: SelectionBuilder): PlanSelection[] {
  return builder.list().map((entry): PlanSelection => {
    if (entry.kind === 'Field') {
      return {
        kind: 'Field',
        name: entry.name,
        ...(entry.alias !== undefined ? { alias: entry.alias } : {}),
        ...(entry.selections ? { selections: toPlanSelections(entry.selections) } : {}),
      };
    }
    return {
      kind: 'InlineFragment',
      ...(entry.typeCondition !== undefined ? { typeCondition: entry.typeCondition } : {}),
      selections: toPlanSelections(entry.selections),
    };
  });
}

/**
 * Writes GraphQL tokens the way graphql-js `stripIgnoredCharacters` leaves them: a space only
 * between two tokens that are not punctuators. Apollo's planner sends operations in that form.
 */
export class MinifiedWriter {
  out = '';
  private lastWord = false;

  /**
   * `aliases`: response names given to fields to resolve merge conflicts (`aliases.ts`); `null`
   * leaves the field out.
   */
  constructor(private readonly aliases?: ReadonlyMap<FieldEntry, string | null>) {}

  word(text: string): void {
    if (this.lastWord) this.out += ' ';
    this.out += text;
    this.lastWord = true;
  }

  /** `...`: the one punctuator stripIgnoredCharacters still separates from a preceding word. */
  spread(): void {
    this.out += this.lastWord ? ' ...' : '...';
    this.lastWord = false;
  }

  punct(text: string): void {
    this.out += text;
    this.lastWord = false;
  }

  value(node: ValueNode): void {
    switch (node.kind) {
      case Kind.VARIABLE:
        this.punct('$');
        this.word(node.name.value);
        return;
      case Kind.LIST:
        this.punct('[');
        for (const v of node.values) this.value(v);
        this.punct(']');
        return;
      case Kind.OBJECT:
        this.punct('{');
        for (const f of node.fields) {
          this.word(f.name.value);
          this.punct(':');
          this.value(f.value);
        }
        this.punct('}');
        return;
      case Kind.STRING:
        this.word(print({ ...node, block: false }));
        return;
      case Kind.NULL:
        this.word('null');
        return;
      case Kind.BOOLEAN:
        this.word(node.value ? 'true' : 'false');
        return;
      default:
        this.word(node.value);
    }
  }

  arguments(args: readonly ArgumentNode[]): void {
    if (args.length === 0) return;
    this.punct('(');
    for (const a of args) {
      this.word(a.name.value);
      this.punct(':');
      this.value(a.value);
    }
    this.punct(')');
  }

  directives(directives: readonly DirectiveNode[], conditions: readonly Condition[]): void {
    for (const c of conditions) {
      this.punct('@');
      this.word(c.include ? 'include' : 'skip');
      this.punct('(');
      this.word('if');
      this.punct(':$');
      this.word(c.variable);
      this.punct(')');
    }
    for (const d of directives) {
      this.punct('@');
      this.word(d.name.value);
      this.arguments(d.arguments ?? []);
    }
  }

  /** `{...}`; `strip` lists conditions lifted to a `Condition` node, dropped from the top level. */
  selectionSet(builder: SelectionBuilder, strip?: readonly Condition[]): void {
    this.punct('{');
    for (const entry of builder.list()) {
      const conditions =
        strip && strip.length > 0
          ? entry.conditions.filter(
              (c) => !strip.some((s) => s.variable === c.variable && s.include === c.include),
            )
          : entry.conditions;
      if (entry.kind === 'Field') {
        const renamed = this.aliases?.get(entry);
        if (renamed === null) continue;
        const alias = renamed ?? entry.alias;
        if (alias !== undefined) {
          this.word(alias);
          this.punct(':');
        }
        this.word(entry.name);
        this.arguments(entry.arguments);
        this.directives(entry.directives, conditions);
        if (entry.selections) this.selectionSet(entry.selections);
      } else {
        this.spread();
        if (entry.typeCondition !== undefined) {
          this.word('on');
          this.word(entry.typeCondition);
        }
        this.directives(entry.directives, conditions);
        this.selectionSet(entry.selections, strip);
      }
    }
    this.punct('}');
  }
}

/**
 * Every variable a selection set uses (arguments and directives), into `into`; `strip` conditions
 * (lifted to `Condition` nodes) do not count at the top level, as the printer drops them there.
 */
export function collectVariables(
  builder: SelectionBuilder,
  into: Set<string>,
  strip: readonly Condition[] = [],
): void {
  const fromValue = (node: ValueNode): void => {
    if (node.kind === Kind.VARIABLE) into.add(node.name.value);
    else if (node.kind === Kind.LIST) node.values.forEach(fromValue);
    else if (node.kind === Kind.OBJECT) node.fields.forEach((f) => fromValue(f.value));
  };
  for (const entry of builder.list()) {
    for (const c of entry.conditions) {
      if (!strip.some((s) => s.variable === c.variable && s.include === c.include)) {
        into.add(c.variable);
      }
    }
    for (const d of entry.directives) for (const a of d.arguments ?? []) fromValue(a.value);
    if (entry.kind === 'Field') for (const a of entry.arguments) fromValue(a.value);
    if (entry.selections) {
      collectVariables(entry.selections, into, entry.kind === 'Fragment' ? strip : []);
    }
  }
}
