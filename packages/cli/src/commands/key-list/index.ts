import type { KeyScope } from '@orrery/registry-client';
import { formatTable, formatWhen } from '../../lib/output.js';
import { defineRegistryCommand } from '../../lib/registry-command.js';

const USAGE = `Usage: orrery key list

Lists the registry's API keys (admin keys only): id, name, role, scope, when created and last
used, and whether revoked. Secrets are never shown: the registry keeps only their hashes.
`;

function describeScope(scope: KeyScope): string {
  const parts = [
    scope.graphs?.length ? `graphs: ${scope.graphs.join(', ')}` : '',
    scope.variants?.length ? `variants: ${scope.variants.join(', ')}` : '',
    scope.subgraphs?.length ? `subgraphs: ${scope.subgraphs.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'all';
}

/** `orrery key list`. */
export const keyListCommand = defineRegistryCommand({
  path: ['key', 'list'],
  summary: 'list API keys (never their secrets)',
  usage: USAGE,
  options: {},
  async run(ctx) {
    const keys = await ctx.progress('Fetching the keys', () => ctx.client.listKeys());
    return {
      json: { keys },
      text: formatTable(
        ['id', 'name', 'role', 'scope', 'created', 'last used', 'revoked'],
        keys.map((k) => [
          k.id,
          k.name,
          k.role,
          describeScope(k.scope),
          formatWhen(k.createdAt),
          k.lastUsedAt ? formatWhen(k.lastUsedAt) : 'never',
          k.revokedAt ? ctx.paint.red(formatWhen(k.revokedAt)) : '',
        ]),
      ),
    };
  },
});
