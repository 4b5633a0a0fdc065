/**
 * The `join__Graph` enum value of each subgraph name: non-word characters become `_`, a leading
 * digit gets a `_` prefix, a trailing `_<digits>` gets a `_` suffix, upper-cased, and clashes get
 * `_1`, `_2`, ... (the same derivation as Apollo's, so supergraphs match).
 */
export function joinGraphNames(names: readonly string[]): Map<string, string> {
  const base = new Map<string, string>();
  const count = new Map<string, number>();
  for (const n of names) {
    let v = n.replace(/\W/g, '_');
    if (/^\d/.test(v)) v = `_${v}`;
    if (/_\d+$/.test(v)) v = `${v}_`;
    v = v.toUpperCase();
    base.set(n, v);
    count.set(v, (count.get(v) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  for (const n of names) {
    const v = base.get(n) ?? n;
    if ((count.get(v) ?? 0) > 1) {
      const i = (seen.get(v) ?? 0) + 1;
      seen.set(v, i);
      out.set(n, `${v}_${i}`);
    } else {
      out.set(n, v);
    }
  }
  return out;
}
