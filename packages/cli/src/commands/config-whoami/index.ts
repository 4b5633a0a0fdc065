import { isRegistryClientError } from '@orrery/registry-client';
import { CliError } from '../../lib/errors.js';
import { EXIT } from '../../lib/exit-codes.js';
import { describeScope } from '../../lib/output.js';
import { defineRegistryCommand } from '../../lib/registry-command.js';
import type { SettingSource } from '../../lib/registry-config.js';

const USAGE = `Usage: orrery config whoami

Shows the registry and the API key that commands run here use, where each comes from (--key,
ORRERY_KEY, ./orrery.yaml or the user config file "orrery config auth" writes; the same places,
and the default http://localhost:4100, for the registry URL), and who the registry says the key
is: its name, id, role and scope. Any key may ask, gateway keys included.

Exits 3 when the registry refuses the key (unknown or revoked), 2 when there is no key at all.
`;

/** `from ORRERY_KEY`, `from /home/me/.config/orrery/config.yaml`, `the default`. */
function from(source: SettingSource): string {
  return source.kind === 'default' ? 'the default' : `from ${source.name}`;
}

/** `orrery config whoami`. */
export const configWhoamiCommand = defineRegistryCommand({
  path: ['config', 'whoami'],
  summary: 'show the registry and key in use, where they come from, and who the key is',
  usage: USAGE,
  options: {},
  async run(ctx) {
    const { settings } = ctx;
    const keySource = settings.sources.key;
    if (settings.key === undefined || keySource === undefined) {
      throw new CliError(
        'ERR_CLI_KEY_MISSING',
        'no API key: pass --key KEY, set ORRERY_KEY, or save one with "orrery config auth"',
        EXIT.USAGE,
      );
    }
    const me = await ctx
      .progress('Asking the registry who the key is', () => ctx.client.whoami())
      .catch((error: unknown) => {
        if (isRegistryClientError(error) && error.code === 'UNAUTHENTICATED') {
          throw new CliError(
            'UNAUTHENTICATED',
            `the registry at ${settings.registryUrl} does not accept the key ${from(keySource)} (unknown or revoked)`,
            EXIT.AUTH,
            { cause: error },
          );
        }
        throw error;
      });
    const lines = [
      ['Registry', `${settings.registryUrl} (${from(settings.sources.registryUrl)})`],
      ['Key', `'${me.name}'${me.keyId === null ? '' : ` (id ${me.keyId})`} ${from(keySource)}`],
      ['Role', me.role],
      ['Scope', describeScope(me.scope)],
    ];
    return {
      json: {
        registryUrl: settings.registryUrl,
        ...me,
        sources: { registryUrl: settings.sources.registryUrl, key: keySource },
      },
      text: lines.map(([label, value]) => `${`${label}:`.padEnd(10)}${value}`).join('\n'),
    };
  },
});
