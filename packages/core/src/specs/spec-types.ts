/**
 * Shapes of the spec data in this folder. A "linked spec" is a feature a supergraph brings in
 * with `@link(url: "https://specs.apollo.dev/<name>/v<major>.<minor>")` (link spec, "core
 * schemas"). Each version lists the definitions it adds to a schema that links it.
 */

/** The `for:` argument of `@link`: what a consumer must understand to use the schema safely. */
export type LinkPurpose = 'SECURITY' | 'EXECUTION';

/** One directive a spec version defines. */
export interface SpecDirective {
  /** The directive's name inside the spec, without `@` (`listSize` for `@cost__listSize`). */
  readonly name: string;
  /**
   * The definition as a supergraph prints it when the directive is not imported: the spec's
   * root directive (named like the spec) keeps its bare name (`@tag`), every other one is
   * prefixed with the spec name (`@cost__listSize`, `@join__field`). Types it references are
   * prefixed the same way (`join__FieldSet`).
   */
  readonly sdl: string;
}

/** One type a spec version defines (always prefixed in a supergraph: types are never imported). */
export interface SpecType {
  /** The name inside the spec (`Graph` for `join__Graph`). */
  readonly name: string;
  /** The definition SDL, prefixed name. `enum join__Graph` has no values: each supergraph adds its own. */
  readonly sdl: string;
}

/** The definitions one version of a spec adds. */
export interface SpecVersion {
  /** `major.minor`, without the `v` of the URL. */
  readonly version: string;
  readonly directives: readonly SpecDirective[];
  readonly types: readonly SpecType[];
}

/** A spec a supergraph may link, with every version Orrery knows. */
export interface LinkedSpec {
  /** The spec's name, the last path segment of its identity, and the prefix of its elements. */
  readonly name: string;
  /** The URL without the version: `https://specs.apollo.dev/join`. */
  readonly identity: string;
  /** The `for:` composition writes on the link; absent for specs that change nothing at runtime. */
  readonly purpose?: LinkPurpose;
  /** Known versions, oldest first. */
  readonly versions: readonly SpecVersion[];
  /**
   * True when composition links the spec but prints none of its definitions, because the
   * applications travel inside `@join__directive` (cacheTag).
   */
  readonly definitionsViaJoinDirective?: boolean;
}
