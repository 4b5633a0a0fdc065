/**
 * Removes the common indentation of a template literal and the blank first and last lines, so
 * SDL and operations can be written indented in tests and still print cleanly.
 */
export function dedent(
  strings: TemplateStringsArray | readonly string[],
  ...values: unknown[]
): string {
  let text = strings[0] ?? '';
  values.forEach((value, i) => {
    text += String(value) + (strings[i + 1] ?? '');
  });
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(cut)).join('\n') + '\n';
}

/**
 * A `graphql` tag for SDL and operations: returns the dedented source text. It does not parse
 * (this package imports no graphql-js, so each suite parses with its own copy), but editors
 * highlight the template as GraphQL.
 *
 * @example
 * const typeDefs = graphql`
 *   type Query { me: User }
 * `;
 */
export function graphql(strings: TemplateStringsArray, ...values: unknown[]): string {
  return dedent(strings, ...values);
}
