import type { CodeTable } from './code-table.js';
import { CODE_TABLES } from './registry.js';

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * Renders the registry as Markdown: the content of `docs/errors.md`. Deterministic, so CI can
 * regenerate it and fail when the committed file is stale.
 */
export function renderErrorCodesMarkdown(tables: readonly CodeTable[] = CODE_TABLES): string {
  const lines = [
    '# Error codes',
    '',
    '<!-- Generated from packages/core/src/errors by `npm run docs:errors`. Do not edit. -->',
    '',
    'Every code Orrery reports is defined once in the registry in `@orrery/core` and listed here.',
    'Codes marked "Apollo" use the same string as Apollo Federation, so existing documentation and',
    'tooling that match on them keep working. Levels: `error` fails the operation; `warn`, `info`',
    'and `debug` are hints.',
    '',
  ];
  for (const table of tables) {
    lines.push(`## ${table.title}`, '', table.summary, '');
    lines.push('| Code | Level | Raised by | Description |', '| --- | --- | --- | --- |');
    for (const code of Object.keys(table.codes).sort()) {
      const spec = table.codes[code]!;
      const name = spec.apolloCompatible ? `\`${code}\` (Apollo)` : `\`${code}\``;
      const description = spec.notRaised
        ? `${spec.description} Not raised today: ${spec.notRaised}`
        : spec.description;
      const level = spec.hintLevel ? `${spec.level} (${spec.hintLevel} as a hint)` : spec.level;
      lines.push(
        `| ${name} | ${level} | ${spec.raisedBy.join(', ')} | ${escapeCell(description)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
