/**
 * The `join__Graph` value of each subgraph name, as composition derives them: non-word
 * characters become `_`, a leading digit gets a `_` prefix, a trailing `_<digits>` gets a `_`
 * suffix (so that de-duplication suffixes cannot collide with real names), then upper case.
 * Names that end up equal get `_1`, `_2`, ... in the order of the sorted subgraph names.
 *
 * The returned map iterates in sorted name order (UTF-16 code units, `USERS` before `Users`
 * before `a-b` before `users`): the order of the `join__Graph` values in a supergraph.
 */
export function graphEnumValue(names: readonly string[]): Map<string, string> {
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const byValue = new Map<string, string[]>();
  for (const name of sorted) {
    const value = baseEnumValue(name);
    const same = byValue.get(value);
    if (same) same.push(name);
    else byValue.set(value, [name]);
  }
  const result = new Map<string, string>();
  const valueOf = new Map<string, string>();
  for (const [value, same] of byValue) {
    if (same.length === 1) valueOf.set(same[0] as string, value);
    else same.forEach((name, i) => valueOf.set(name, `${value}_${i + 1}`));
  }
  for (const name of sorted) result.set(name, valueOf.get(name) as string);
  return result;
}

function baseEnumValue(name: string): string {
  let value = name.replace(/\W/g, '_');
  if (/^\d/.test(value)) value = `_${value}`;
  if (/_\d+$/.test(value)) value = `${value}_`;
  return value.toUpperCase();
}
