import { EXIT } from '../../lib/exit-codes.js';
import { booleanOption, defineRegistryCommand } from '../../lib/registry-command.js';

const USAGE = `Usage: orrery key revoke ID [--yes]

Revokes an API key (admin keys only): every call with it fails with UNAUTHENTICATED from then
on. The key stays listed, marked revoked, for the audit log. Asks for confirmation unless --yes;
without a terminal, --yes is required.

Arguments:
  ID           the key's id (from "orrery key list")

Options:
  -y, --yes    do not ask for confirmation
`;

/** `orrery key revoke`. */
export const keyRevokeCommand = defineRegistryCommand({
  path: ['key', 'revoke'],
  summary: 'revoke an API key (asks for confirmation)',
  usage: USAGE,
  positionals: ['ID'],
  options: { yes: { type: 'boolean', short: 'y' } },
  async run(ctx, values, [id]) {
    const confirmed = await ctx.confirm(
      `Revoke the key ${id}? Everything using it stops working.`,
      booleanOption(values, 'yes'),
    );
    if (!confirmed) {
      return {
        exitCode: EXIT.FAILED,
        json: { id, cancelled: true },
        text: 'Cancelled: the key was not revoked',
      };
    }
    await ctx.progress(`Revoking ${id}`, () => ctx.client.revokeKey(id!));
    return { json: { id, revoked: true }, text: `Revoked the key ${id}` };
  },
});
