import {
  type ConstArgumentNode,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DefinitionNode,
  DirectiveLocation,
  type DocumentNode,
  type EnumValueDefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  Kind,
  type NamedTypeNode,
  type NameNode,
  type OperationTypeDefinitionNode,
  parse,
  type StringValueNode,
  type TypeNode,
} from 'graphql';

/**
 * Parses a supergraph's SDL into the document graphql-js's `parse(sdl, { noLocation: true })`
 * returns, node for node, only faster: a supergraph is megabytes of type-system definitions and
 * `@join__*` applications, and graphql-js's lexer keeps every token of the document alive (a
 * linked list) until the parse ends, which on a 200-subgraph supergraph was a quarter of building
 * a planner, most of it garbage collection.
 *
 * Only the type-system subset of the grammar is read here, without escapes in strings. Anything
 * else (executable definitions, escapes, a syntax error) gives the text to graphql-js's `parse`,
 * so errors and unusual documents are exactly graphql-js's.
 */
export function parseSdl(source: string): DocumentNode {
  return readSdl(source) ?? parse(source, { noLocation: true });
}

/** The fast path alone: undefined where {@link parseSdl} hands the text to graphql-js. */
export function readSdl(source: string): DocumentNode | undefined {
  try {
    return new SdlParser(source).document();
  } catch {
    // UNSUPPORTED, or anything unexpected (a stack overflow on absurd nesting): graphql-js decides.
    return undefined;
  }
}

/** Thrown inside the parser for anything it leaves to graphql-js. */
const UNSUPPORTED = new Error('unsupported SDL');

const LOCATIONS: ReadonlySet<string> = new Set(Object.values(DirectiveLocation));

/**
 * Recent graphql-js 16 releases give directive definitions a `directives` list (empty unless an
 * experimental option is on), older ones do not: the installed version is asked once.
 */
const DEFINITIONS_HAVE_DIRECTIVES =
  'directives' in (parse('directive @a on FIELD', { noLocation: true }).definitions[0] ?? {});
const DEFINITION_KEYWORDS = new Set([
  'schema',
  'scalar',
  'type',
  'interface',
  'union',
  'enum',
  'input',
  'directive',
]);

class SdlParser {
  private pos = 0;

  constructor(private readonly source: string) {}

  document(): DocumentNode {
    const definitions: DefinitionNode[] = [];
    this.skip();
    while (this.pos < this.source.length) definitions.push(this.definition());
    if (definitions.length === 0) throw UNSUPPORTED;
    return { kind: Kind.DOCUMENT, definitions };
  }

  // --- lexical -----------------------------------------------------------------------------

  /** Skips ignored tokens: white space, line terminators, commas, comments, a BOM. */
  private skip(): void {
    const s = this.source;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (c === 32 || c === 44 || c === 10 || c === 13 || c === 9 || c === 0xfeff) {
        this.pos++;
      } else if (c === 35) {
        this.pos++;
        for (;;) {
          const d = s.charCodeAt(this.pos);
          if (d !== d || d === 10 || d === 13) break; // NaN: end of input
          if (d >= 0xd800 && d <= 0xdfff) throw UNSUPPORTED;
          this.pos++;
        }
      } else {
        return;
      }
    }
  }

  /** Consumes the punctuator `code` if it is next. */
  private optional(code: number): boolean {
    if (this.source.charCodeAt(this.pos) !== code) return false;
    this.pos++;
    this.skip();
    return true;
  }

  private expect(code: number): void {
    if (!this.optional(code)) throw UNSUPPORTED;
  }

  private peek(code: number): boolean {
    return this.source.charCodeAt(this.pos) === code;
  }

  /** The name at the cursor without consuming it; undefined when no name is there. */
  private peekName(): string | undefined {
    const s = this.source;
    const start = this.pos;
    let end = start;
    let c = s.charCodeAt(end);
    if (!(c === 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return undefined;
    do c = s.charCodeAt(++end);
    while (c === 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57));
    return s.slice(start, end);
  }

  private nameText(): string {
    const name = this.peekName();
    if (name === undefined) throw UNSUPPORTED;
    this.pos += name.length;
    this.skip();
    return name;
  }

  /**
   * Leaf nodes a supergraph repeats thousands of times (`join__field`, `graph`, graph enum
   * values, `String`) are one object per distinct text: AST nodes are read-only data (graphql-js
   * and the supergraph reader never write to them), and fewer objects is less garbage-collector
   * work for a document the planner keeps.
   */
  private readonly names = new Map<string, NameNode>();
  private readonly namedTypes = new Map<string, NamedTypeNode>();
  private readonly enumValues = new Map<string, ConstValueNode>();

  private name(): NameNode {
    const value = this.nameText();
    let node = this.names.get(value);
    if (!node) this.names.set(value, (node = { kind: Kind.NAME, value }));
    return node;
  }

  private keyword(word: string): boolean {
    if (this.peekName() !== word) return false;
    this.pos += word.length;
    this.skip();
    return true;
  }

  private namedType(): NamedTypeNode {
    const name = this.name();
    let node = this.namedTypes.get(name.value);
    if (!node) this.namedTypes.set(name.value, (node = { kind: Kind.NAMED_TYPE, name }));
    return node;
  }

  /** A string (`"..."` without escapes, or `"""..."""`) at the cursor. */
  private string(): StringValueNode {
    const s = this.source;
    if (s.startsWith('"""', this.pos)) return this.blockString();
    const start = ++this.pos;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (c === 34) break;
      // Escapes, line terminators, control characters, surrogates, the end: graphql-js's.
      if (c !== c || c === 92 || (c < 32 && c !== 9) || (c >= 0xd800 && c <= 0xdfff)) {
        throw UNSUPPORTED;
      }
      this.pos++;
    }
    const value = s.slice(start, this.pos++);
    this.skip();
    return { kind: Kind.STRING, value, block: false };
  }

  /** A block string, its lines dedented as the spec's BlockStringValue() says. */
  private blockString(): StringValueNode {
    const s = this.source;
    const end = s.indexOf('"""', this.pos + 3);
    if (end < 0) throw UNSUPPORTED;
    const raw = s.slice(this.pos + 3, end);
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c === 92 || (c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0xd800 && c <= 0xdfff)) {
        throw UNSUPPORTED;
      }
    }
    this.pos = end + 3;
    this.skip();
    return { kind: Kind.STRING, value: dedent(raw.split(/\r\n|[\n\r]/)).join('\n'), block: true };
  }

  /**
   * A description, or undefined. graphql-js's nodes carry `description: undefined` when there
   * is none (the key present); typed as present so the nodes can be written the same way.
   */
  private description(): StringValueNode {
    return (this.peek(34) ? this.string() : undefined) as StringValueNode;
  }

  // --- values, types, directives ----------------------------------------------------------

  private value(): ConstValueNode {
    const s = this.source;
    const c = s.charCodeAt(this.pos);
    if (c === 34) return this.string();
    if (c === 91) {
      this.pos++;
      this.skip();
      const values: ConstValueNode[] = [];
      while (!this.optional(93)) values.push(this.value());
      return { kind: Kind.LIST, values };
    }
    if (c === 123) {
      this.pos++;
      this.skip();
      const fields: { kind: Kind.OBJECT_FIELD; name: NameNode; value: ConstValueNode }[] = [];
      while (!this.optional(125)) {
        const name = this.name();
        this.expect(58);
        fields.push({ kind: Kind.OBJECT_FIELD, name, value: this.value() });
      }
      return { kind: Kind.OBJECT, fields };
    }
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    const name = this.nameText();
    let node = this.enumValues.get(name);
    if (!node) {
      node =
        name === 'true' || name === 'false'
          ? { kind: Kind.BOOLEAN, value: name === 'true' }
          : name === 'null'
            ? { kind: Kind.NULL }
            : { kind: Kind.ENUM, value: name };
      this.enumValues.set(name, node);
    }
    return node;
  }

  private number(): ConstValueNode {
    const s = this.source;
    const start = this.pos;
    const digits = (): number => {
      const from = this.pos;
      let c = s.charCodeAt(this.pos);
      while (c >= 48 && c <= 57) c = s.charCodeAt(++this.pos);
      return this.pos - from;
    };
    if (s.charCodeAt(this.pos) === 45) this.pos++;
    const leadingZero = s.charCodeAt(this.pos) === 48;
    const intDigits = digits();
    if (intDigits === 0 || (leadingZero && intDigits > 1)) throw UNSUPPORTED;
    let float = false;
    if (s.charCodeAt(this.pos) === 46) {
      this.pos++;
      if (digits() === 0) throw UNSUPPORTED;
      float = true;
    }
    const e = s.charCodeAt(this.pos);
    if (e === 69 || e === 101) {
      this.pos++;
      const sign = s.charCodeAt(this.pos);
      if (sign === 43 || sign === 45) this.pos++;
      if (digits() === 0) throw UNSUPPORTED;
      float = true;
    }
    // A number runs into a `.` or a name: graphql-js reports it.
    const next = s.charCodeAt(this.pos);
    if (next === 46 || next === 95 || (next >= 65 && next <= 90) || (next >= 97 && next <= 122)) {
      throw UNSUPPORTED;
    }
    const value = s.slice(start, this.pos);
    this.skip();
    return float ? { kind: Kind.FLOAT, value } : { kind: Kind.INT, value };
  }

  private type(): TypeNode {
    let type: TypeNode;
    if (this.optional(91)) {
      const inner = this.type();
      this.expect(93);
      type = { kind: Kind.LIST_TYPE, type: inner };
    } else {
      type = this.namedType();
    }
    return this.optional(33) ? { kind: Kind.NON_NULL_TYPE, type } : type;
  }

  private directives(): ConstDirectiveNode[] {
    const directives: ConstDirectiveNode[] = [];
    while (this.optional(64)) {
      const name = this.name();
      const args: ConstArgumentNode[] = [];
      if (this.optional(40)) {
        do {
          const argName = this.name();
          this.expect(58);
          args.push({ kind: Kind.ARGUMENT, name: argName, value: this.value() });
        } while (!this.optional(41));
      }
      directives.push({ kind: Kind.DIRECTIVE, name, arguments: args });
    }
    return directives;
  }

  // --- definitions ----------------------------------------------------------------------

  private definition(): DefinitionNode {
    const description = this.description();
    const keyword = this.peekName();
    if (keyword === undefined) throw UNSUPPORTED;
    if (keyword === 'extend') {
      if (description) throw UNSUPPORTED;
      this.keyword('extend');
      return this.extension();
    }
    if (!DEFINITION_KEYWORDS.has(keyword)) throw UNSUPPORTED;
    this.keyword(keyword);
    switch (keyword) {
      case 'schema':
        return {
          kind: Kind.SCHEMA_DEFINITION,
          description,
          directives: this.directives(),
          operationTypes: this.many(123, 125, () => this.operationType()),
        };
      case 'scalar':
        return {
          kind: Kind.SCALAR_TYPE_DEFINITION,
          description,
          name: this.name(),
          directives: this.directives(),
        };
      case 'type':
      case 'interface': {
        const name = this.name();
        const interfaces = this.implementsInterfaces();
        const directives = this.directives();
        const fields = this.optionalMany(123, 125, () => this.field());
        return keyword === 'type'
          ? { kind: Kind.OBJECT_TYPE_DEFINITION, description, name, interfaces, directives, fields }
          : {
              kind: Kind.INTERFACE_TYPE_DEFINITION,
              description,
              name,
              interfaces,
              directives,
              fields,
            };
      }
      case 'union': {
        const name = this.name();
        const directives = this.directives();
        return {
          kind: Kind.UNION_TYPE_DEFINITION,
          description,
          name,
          directives,
          types: this.members(),
        };
      }
      case 'enum': {
        const name = this.name();
        const directives = this.directives();
        const values = this.optionalMany(123, 125, () => this.enumValue());
        return { kind: Kind.ENUM_TYPE_DEFINITION, description, name, directives, values };
      }
      case 'input': {
        const name = this.name();
        const directives = this.directives();
        const fields = this.optionalMany(123, 125, () => this.inputValue());
        return { kind: Kind.INPUT_OBJECT_TYPE_DEFINITION, description, name, directives, fields };
      }
      default: {
        this.expect(64);
        const name = this.name();
        const args = this.optionalMany(40, 41, () => this.inputValue());
        const repeatable = this.keyword('repeatable');
        if (!this.keyword('on')) throw UNSUPPORTED;
        this.optional(124);
        const locations: NameNode[] = [];
        do {
          const location = this.name();
          if (!LOCATIONS.has(location.value)) throw UNSUPPORTED;
          locations.push(location);
        } while (this.optional(124));
        return {
          kind: Kind.DIRECTIVE_DEFINITION,
          description,
          name,
          arguments: args,
          ...(DEFINITIONS_HAVE_DIRECTIVES ? { directives: [] } : {}),
          repeatable,
          locations,
        };
      }
    }
  }

  /** `extend ...`: as graphql-js, an extension that adds nothing is an error (left to it). */
  private extension(): DefinitionNode {
    const keyword = this.nameText();
    const nonEmpty = <T extends DefinitionNode>(node: T, ...parts: unknown[][]): T => {
      if (parts.every((p) => p.length === 0)) throw UNSUPPORTED;
      return node;
    };
    switch (keyword) {
      case 'schema': {
        const directives = this.directives();
        const operationTypes = this.optionalMany(123, 125, () => this.operationType());
        return nonEmpty(
          { kind: Kind.SCHEMA_EXTENSION, directives, operationTypes },
          directives,
          operationTypes,
        );
      }
      case 'scalar': {
        const name = this.name();
        const directives = this.directives();
        return nonEmpty({ kind: Kind.SCALAR_TYPE_EXTENSION, name, directives }, directives);
      }
      case 'type':
      case 'interface': {
        const name = this.name();
        const interfaces = this.implementsInterfaces();
        const directives = this.directives();
        const fields = this.optionalMany(123, 125, () => this.field());
        const node =
          keyword === 'type'
            ? { kind: Kind.OBJECT_TYPE_EXTENSION as const, name, interfaces, directives, fields }
            : {
                kind: Kind.INTERFACE_TYPE_EXTENSION as const,
                name,
                interfaces,
                directives,
                fields,
              };
        return nonEmpty(node, interfaces, directives, fields);
      }
      case 'union': {
        const name = this.name();
        const directives = this.directives();
        const types = this.members();
        return nonEmpty(
          { kind: Kind.UNION_TYPE_EXTENSION, name, directives, types },
          directives,
          types,
        );
      }
      case 'enum': {
        const name = this.name();
        const directives = this.directives();
        const values = this.optionalMany(123, 125, () => this.enumValue());
        return nonEmpty(
          { kind: Kind.ENUM_TYPE_EXTENSION, name, directives, values },
          directives,
          values,
        );
      }
      case 'input': {
        const name = this.name();
        const directives = this.directives();
        const fields = this.optionalMany(123, 125, () => this.inputValue());
        return nonEmpty(
          { kind: Kind.INPUT_OBJECT_TYPE_EXTENSION, name, directives, fields },
          directives,
          fields,
        );
      }
      default:
        throw UNSUPPORTED;
    }
  }

  private operationType(): OperationTypeDefinitionNode {
    const operation = this.nameText();
    if (operation !== 'query' && operation !== 'mutation' && operation !== 'subscription') {
      throw UNSUPPORTED;
    }
    this.expect(58);
    return {
      kind: Kind.OPERATION_TYPE_DEFINITION,
      operation: operation as OperationTypeDefinitionNode['operation'],
      type: this.namedType(),
    };
  }

  private implementsInterfaces(): NamedTypeNode[] {
    if (!this.keyword('implements')) return [];
    this.optional(38);
    const list: NamedTypeNode[] = [];
    do list.push(this.namedType());
    while (this.optional(38));
    return list;
  }

  private members(): NamedTypeNode[] {
    if (!this.optional(61)) return [];
    this.optional(124);
    const list: NamedTypeNode[] = [];
    do list.push(this.namedType());
    while (this.optional(124));
    return list;
  }

  private field(): FieldDefinitionNode {
    const description = this.description();
    const name = this.name();
    const args = this.optionalMany(40, 41, () => this.inputValue());
    this.expect(58);
    const type = this.type();
    return {
      kind: Kind.FIELD_DEFINITION,
      description,
      name,
      arguments: args,
      type,
      directives: this.directives(),
    };
  }

  private inputValue(): InputValueDefinitionNode {
    const description = this.description();
    const name = this.name();
    this.expect(58);
    const type = this.type();
    // Present as `undefined` when absent, as graphql-js writes it.
    const defaultValue = (this.optional(61) ? this.value() : undefined) as ConstValueNode;
    return {
      kind: Kind.INPUT_VALUE_DEFINITION,
      description,
      name,
      type,
      defaultValue,
      directives: this.directives(),
    };
  }

  private enumValue(): EnumValueDefinitionNode {
    const description = this.description();
    const name = this.name();
    if (name.value === 'true' || name.value === 'false' || name.value === 'null') {
      throw UNSUPPORTED;
    }
    return { kind: Kind.ENUM_VALUE_DEFINITION, description, name, directives: this.directives() };
  }

  /** `open item+ close`, or `[]` when `open` is not next. */
  private optionalMany<T>(open: number, close: number, item: () => T): T[] {
    return this.peek(open) ? this.many(open, close, item) : [];
  }

  /** `open item+ close`. */
  private many<T>(open: number, close: number, item: () => T): T[] {
    this.expect(open);
    const list: T[] = [];
    do list.push(item());
    while (!this.optional(close));
    return list;
  }
}

/** The spec's BlockStringValue(): common indentation and blank first/last lines removed. */
function dedent(lines: string[]): string[] {
  let common = Number.MAX_SAFE_INTEGER;
  let first: number | undefined;
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    let indent = 0;
    while (indent < line.length) {
      const c = line.charCodeAt(indent);
      if (c !== 32 && c !== 9) break;
      indent++;
    }
    if (indent === line.length) continue;
    first ??= i;
    last = i;
    if (i !== 0 && indent < common) common = indent;
  }
  return lines.map((line, i) => (i === 0 ? line : line.slice(common))).slice(first ?? 0, last + 1);
}
