/**
 * A deterministic generator of a large federated graph: by default 100 subgraphs and about 5,000
 * types, for measuring composition at scale. The same seed always gives the same SDL.
 *
 * Shape, per subgraph (all names are prefixed with the subgraph, e.g. `S017Entity3`):
 * - owned entities (`@key(fields: "id")`, a shareable `name`, fields returning value types,
 *   enums, shared types and other entities), served by `Query` fields;
 * - value types, interfaces with two implementations, unions, enums, input objects (used as
 *   arguments), and a Mutation field on most subgraphs;
 * - a handful of entities owned elsewhere, either extended with new fields (some adding
 *   `@requires` on an `@external` field, or taking a field over with `@override`) or referenced
 *   through a `resolvable: false` stub; `@provides` on some fields returning an extended entity;
 * - a few `@shareable` value types from a common pool, identical in every subgraph that has them.
 * Every reference is resolvable, so the graph composes cleanly (satisfiability included).
 */

/** mulberry32: a tiny seeded PRNG, good enough for shaping test data. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEFAULTS = {
  seed: 42,
  subgraphs: 100,
  entities: 12,
  valueTypes: 18,
  interfaces: 2,
  unions: 2,
  enums: 6,
  inputs: 6,
  sharedPool: 20,
  sharedPerSubgraph: 5,
  extended: 8,
  stubs: 4,
};

const SCALARS = ['String', 'Int', 'Float', 'Boolean', 'ID'];

/**
 * Generates the graph. Returns `{ subgraphs: [{ name, url, sdl }], stats }`; `stats.types`
 * counts the distinct type names across subgraphs (what the supergraph will have, minus roots).
 */
export function generateLargeGraph(options = {}) {
  const o = { ...DEFAULTS, ...options };
  const random = prng(o.seed);
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => random() < p;

  const pad = (i) => String(i).padStart(3, '0');
  const subgraphName = (i) => `s${pad(i)}`;
  const prefix = (i) => `S${pad(i)}`;

  // The shared pool: each type has a fixed field list, so every copy is identical.
  const shared = Array.from({ length: o.sharedPool }, (_, k) => ({
    name: `Shared${k}`,
    fields: Array.from(
      { length: 2 + int(3) },
      (_, f) => `  f${f}: ${pick(SCALARS)}${chance(0.5) ? '!' : ''}`,
    ),
  }));

  // Plan every subgraph first: which foreign entities it extends, stubs, overrides or provides.
  const entityName = (i, e) => `${prefix(i)}Entity${e}`;
  const overridden = new Set();
  const plans = Array.from({ length: o.subgraphs }, (_, i) => {
    const foreign = new Map();
    const want = Math.min(o.extended + o.stubs, (o.subgraphs - 1) * o.entities);
    while (foreign.size < want) {
      let owner = int(o.subgraphs);
      if (owner === i) owner = (owner + 1) % o.subgraphs;
      const entity = entityName(owner, int(o.entities));
      if (foreign.has(entity)) continue;
      const extend = foreign.size < o.extended;
      const mode = {
        owner,
        extend,
        requires: extend && chance(0.4),
        provides: extend && chance(0.25),
        override: false,
      };
      if (extend && chance(0.15) && !overridden.has(entity)) {
        overridden.add(entity);
        mode.override = true;
      }
      foreign.set(entity, mode);
    }
    const sharedUsed = new Set();
    while (sharedUsed.size < Math.min(o.sharedPerSubgraph, o.sharedPool))
      sharedUsed.add(int(o.sharedPool));
    return { foreign, shared: [...sharedUsed].sort((a, b) => a - b) };
  });

  const allTypes = new Set();
  const subgraphs = plans.map((plan, i) => {
    const p = prefix(i);
    const s = subgraphName(i);
    const out = [];
    const types = (name) => allTypes.add(name);
    const enums = Array.from({ length: o.enums }, (_, k) => `${p}Enum${k}`);
    const values = Array.from({ length: o.valueTypes }, (_, k) => `${p}Value${k}`);
    const sharedNames = plan.shared.map((k) => shared[k].name);
    const foreignEntities = [...plan.foreign.keys()];

    out.push(
      'extend schema',
      '  @link(',
      '    url: "https://specs.apollo.dev/federation/v2.7"',
      '    import: ["@key", "@shareable", "@external", "@requires", "@provides", "@override"]',
      '  )',
      '',
    );

    // Root fields: one lookup and one list per owned entity, plus abstract-type and search fields.
    const query = [];
    for (let e = 0; e < o.entities; e++) {
      query.push(`  ${s}Entity${e}(id: ID!): ${entityName(i, e)}`);
      if (e % 3 === 0)
        query.push(`  ${s}Entity${e}List(first: Int = 10, after: String): [${entityName(i, e)}!]!`);
    }
    for (let k = 0; k < o.interfaces; k++) query.push(`  ${s}Nodes${k}: [${p}Node${k}!]!`);
    for (let k = 0; k < o.unions; k++)
      query.push(`  ${s}Search${k}(filter: ${p}Input${k % o.inputs}): [${p}Result${k}!]!`);
    for (const [entity, mode] of plan.foreign) {
      if (mode.provides) query.push(`  ${s}Featured${entity}: ${entity} @provides(fields: "name")`);
    }
    out.push('type Query {', ...query, '}', '');
    if (i % 4 !== 3) {
      out.push(
        'type Mutation {',
        `  ${s}Update(id: ID!, input: ${p}Input0!): ${entityName(i, 0)}`,
        `  ${s}Archive(ids: [ID!]!, reason: ${enums[0]} = ${enums[0]}V0): Int!`,
        '}',
        '',
      );
    }

    // Owned entities.
    for (let e = 0; e < o.entities; e++) {
      const name = entityName(i, e);
      types(name);
      const fields = [
        '  id: ID!',
        '  name: String @shareable',
        '  weight: Float',
        '  legacyScore: Int',
        `  status: ${pick(enums)}!`,
        `  detail: ${pick(values)}`,
        `  extra: ${pick(sharedNames)}`,
        `  tags(limit: Int = 5): [String!]!`,
      ];
      if (e + 1 < o.entities) fields.push(`  next: ${entityName(i, e + 1)}`);
      if (e === 0) foreignEntities.forEach((f, k) => fields.push(`  link${k}: ${f}`));
      out.push(`type ${name} @key(fields: "id") {`, ...fields, '}', '');
    }

    // Foreign entities: extensions with new fields (and requires/override), or stubs.
    for (const [entity, mode] of plan.foreign) {
      types(entity);
      if (!mode.extend) {
        out.push(`type ${entity} @key(fields: "id", resolvable: false) {`, '  id: ID!', '}', '');
        continue;
      }
      const fields = ['  id: ID!', `  ${s}Rating: Float`, `  ${s}Notes: [String!]`];
      if (mode.provides) fields.push('  name: String @external');
      if (mode.requires)
        fields.push(
          '  weight: Float @external',
          `  ${s}ShippingCost: Float @requires(fields: "weight")`,
        );
      if (mode.override)
        fields.push(`  legacyScore: Int @override(from: "${subgraphName(mode.owner)}")`);
      out.push(`type ${entity} @key(fields: "id") {`, ...fields, '}', '');
    }

    // Value types, interfaces and their implementations, unions.
    values.forEach((name, k) => {
      types(name);
      const fields = [
        `  code: String!`,
        `  amount: ${pick(['Int', 'Float'])}`,
        `  kind: ${pick(enums)}`,
      ];
      if (k + 1 < values.length && chance(0.5)) fields.push(`  child: ${values[k + 1]}`);
      if (chance(0.3)) fields.push(`  owner: ${entityName(i, int(o.entities))}`);
      out.push(`type ${name} {`, ...fields, '}', '');
    });
    for (let k = 0; k < o.interfaces; k++) {
      const iface = `${p}Node${k}`;
      types(iface);
      out.push(`interface ${iface} {`, '  id: ID!', '  label: String', '}', '');
      for (const impl of ['A', 'B']) {
        const name = `${p}Node${k}${impl}`;
        types(name);
        out.push(
          `type ${name} implements ${iface} {`,
          '  id: ID!',
          '  label: String',
          `  only${impl}: ${pick(SCALARS)}`,
          '}',
          '',
        );
      }
    }
    for (let k = 0; k < o.unions; k++) {
      const name = `${p}Result${k}`;
      types(name);
      out.push(
        `union ${name} = ${entityName(i, int(o.entities))} | ${values[k]} | ${p}Node${k % o.interfaces}A`,
        '',
      );
    }

    // Enums and inputs.
    enums.forEach((name) => {
      types(name);
      const count = 3 + int(4);
      out.push(
        `enum ${name} {`,
        ...Array.from({ length: count }, (_, v) => `  ${name}V${v}`),
        '}',
        '',
      );
    });
    for (let k = 0; k < o.inputs; k++) {
      const name = `${p}Input${k}`;
      types(name);
      out.push(
        `input ${name} {`,
        '  text: String',
        `  status: ${pick(enums)}`,
        `  minAmount: Int = ${int(10)}`,
        ...(k + 1 < o.inputs && chance(0.4) ? [`  and: ${p}Input${k + 1}`] : []),
        '}',
        '',
      );
    }

    // The shared value types this subgraph uses.
    for (const k of plan.shared) {
      types(shared[k].name);
      out.push(`type ${shared[k].name} @shareable {`, ...shared[k].fields, '}', '');
    }

    return { name: s, url: `http://${s}.internal:4000/graphql`, sdl: out.join('\n') };
  });

  return { subgraphs, stats: { subgraphs: subgraphs.length, types: allTypes.size } };
}
