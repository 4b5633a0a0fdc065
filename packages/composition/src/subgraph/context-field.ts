import { Kind } from 'graphql';
import type { ArgumentState } from './state.js';

/** `"$ctx { a b }"` split into the context name and the selection after it (`" { a b }"`). */
export function parseContextFieldValue(
  value: string,
): { readonly context: string; readonly selection: string } | undefined {
  const match = /^\s*\$([_A-Za-z][_0-9A-Za-z]*)([\s\S]*)$/.exec(value);
  if (!match) return undefined;
  return { context: match[1]!, selection: match[2]! };
}

/** The `field:` of an argument's `@fromContext`, when it has one. */
export function fromContextValue(arg: ArgumentState): string | undefined {
  const d = arg.directives.find((x) => x.name === 'fromContext');
  if (!d) return undefined;
  const v = d.args.get('field');
  return v?.kind === Kind.STRING ? v.value : '';
}
