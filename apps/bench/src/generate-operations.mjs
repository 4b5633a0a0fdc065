/**
 * Deterministic operations over any schema, for planning benchmarks on generated supergraphs:
 * start at a root field, select every leaf field and follow a few object fields per level, so
 * operations cross subgraphs wherever the schema's entities do.
 */
import { getNamedType, isAbstractType, isLeafType, isNonNullType, isObjectType } from 'graphql';

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

/** A literal for a required argument (the planner only needs the operation to be valid). */
function literal(type) {
  const named = getNamedType(type);
  if (named.name === 'Int') return '1';
  if (named.name === 'Float') return '1.5';
  if (named.name === 'Boolean') return 'true';
  if (named.name === 'String' || named.name === 'ID') return '"x"';
  if ('getValues' in named) return named.getValues()[0].name;
  if ('getFields' in named) {
    const fields = Object.values(named.getFields()).filter((f) => isNonNullType(f.type));
    return `{${fields.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')}}`;
  }
  return 'null';
}

function argumentsOf(field) {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  return required.length
    ? `(${required.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})`
    : '';
}

/**
 * `count` operations named `Op0..`, each `depth` levels deep, following up to `breadth` object
 * fields per level. Abstract types get `__typename` and one inline fragment per possible type.
 */
export function generateOperations(schema, { seed = 7, count = 10, depth = 4, breadth = 2 } = {}) {
  const random = prng(seed);
  const shuffle = (list) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };

  const selectObject = (type, level) => {
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const objects = shuffle(fields.filter((f) => !isLeafType(getNamedType(f.type))));
    const parts = leaves.map((f) => `${f.name}${argumentsOf(f)}`);
    if (level < depth) {
      for (const f of objects.slice(0, breadth)) {
        parts.push(`${f.name}${argumentsOf(f)} ${selectType(getNamedType(f.type), level + 1)}`);
      }
    }
    return `{ ${parts.join(' ')} }`;
  };

  const selectType = (type, level) => {
    if (isAbstractType(type)) {
      const fragments = schema
        .getPossibleTypes(type)
        .slice(0, breadth + 1)
        .map((t) => `... on ${t.name} ${selectObject(t, level)}`);
      return `{ __typename ${fragments.join(' ')} }`;
    }
    return isObjectType(type) ? selectObject(type, level) : '';
  };

  const roots = Object.values(schema.getQueryType().getFields()).filter(
    (f) => !f.name.startsWith('_') && !isLeafType(getNamedType(f.type)),
  );
  return Array.from({ length: count }, (_, i) => {
    const root = roots[Math.floor(random() * roots.length)];
    return `query Op${i} { ${root.name}${argumentsOf(root)} ${selectType(getNamedType(root.type), 1)} }`;
  });
}
