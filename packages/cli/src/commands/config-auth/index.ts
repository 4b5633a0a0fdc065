import { isRegistryClientError, type WhoAmI } from '@orrery/registry-client';
import { CliError } from '../../lib/errors.js';
import { EXIT } from '../../lib/exit-codes.js';
import type { CliIo } from '../../lib/io.js';
import { describeScope } from '../../lib/output.js';
import {
  booleanOption,
  createCliClient,
  defineRegistryCommand,
  exitCodeFor,
  stringOption,
} from '../../lib/registry-command.js';
import { resolveRegistrySettings, saveUserSettings } from '../../lib/registry-config.js';

const USAGE = `Usage: orrery config auth [--key KEY] [--registry-url URL] [--no-verify]

Saves an API key in your user config file, where later commands find it when neither --key,
ORRERY_KEY nor ./orrery.yaml gives one: $ORRERY_CONFIG, else $XDG_CONFIG_HOME/orrery/config.yaml,
else ~/.config/orrery/config.yaml. The file's other settings are kept, and only you can read it
(mode 0600).

On a terminal the key is asked for and not shown as you type or paste it. Otherwise the first
line of standard input is read (orrery config auth < key.txt), or --key KEY is taken (a key on the
command line stays in your shell history). ORRERY_KEY is not read: this saves the key you give.

The registry is asked who the key is before anything is saved: a key it refuses is not saved
(UNAUTHENTICATED, exit 3). --registry-url names the registry to ask and is saved with the key;
without it the registry your settings name is asked (http://localhost:4100 by default).

Options:
      --no-verify           save the key without asking the registry (to set up offline)
`;

/** The key from --key, the terminal (hidden) or the first line of standard input. */
async function readKey(io: CliIo, flag: string | undefined): Promise<string> {
  let key: string;
  if (flag !== undefined) {
    key = flag;
  } else if (io.stdinIsTTY) {
    if (!io.promptSecret) {
      throw new CliError(
        'ERR_CLI_INVALID_ARGUMENT',
        'cannot ask for the key here without showing it: pipe it on standard input or pass --key',
        EXIT.USAGE,
      );
    }
    key = await io.promptSecret('API key (not shown): ');
  } else {
    key = (await io.readStdin()).split(/\r?\n/, 1)[0] ?? '';
  }
  key = key.trim();
  if (key === '') {
    throw new CliError(
      'ERR_CLI_KEY_MISSING',
      'no key to save: pass --key KEY, or the key on standard input (orrery config auth < key.txt)',
      EXIT.USAGE,
    );
  }
  if (/\s/.test(key)) {
    throw new CliError(
      'ERR_CLI_INVALID_ARGUMENT',
      'the key contains spaces: an Orrery key is one word, orr_<role>_<id>_<secret>',
      EXIT.USAGE,
    );
  }
  return key;
}

/** A failed check, said so: nothing was saved, and why. */
function notSaved(error: unknown, registryUrl: string): unknown {
  if (!isRegistryClientError(error)) return error;
  const message =
    error.code === 'UNAUTHENTICATED'
      ? `the registry at ${registryUrl} does not accept this key (unknown or revoked); nothing was saved`
      : `${error.message.replace(/\.$/, '')}; nothing was saved (--no-verify saves without asking the registry)`;
  return new CliError(error.code, message, exitCodeFor(error.code), { cause: error });
}

/** `orrery config auth`. */
export const configAuthCommand = defineRegistryCommand({
  path: ['config', 'auth'],
  summary: 'save an API key in your user config file, once the registry accepts it',
  usage: USAGE,
  options: { 'no-verify': { type: 'boolean' } },
  // The key checked is the one given here, not the one settings resolve to: this command makes
  // its own client.
  needsRegistry: false,
  async run(ctx, values) {
    const { io } = ctx;
    const key = await readKey(io, stringOption(values, 'key'));
    const urlFlag = stringOption(values, 'registry-url');
    // Reads the user config file (and so refuses a broken one) before asking the registry: it is
    // edited, never overwritten. The file ORRERY_CONFIG names may not exist yet: it is created.
    const settings = await resolveRegistrySettings(
      io,
      { registryUrl: urlFlag },
      { userConfigMayBeMissing: true },
    );
    const client = createCliClient(settings.registryUrl, key);
    let me: WhoAmI | undefined;
    if (!booleanOption(values, 'no-verify')) {
      me = await ctx
        .progress(`Checking the key with ${settings.registryUrl}`, () => client.whoami())
        .catch((error: unknown) => {
          throw notSaved(error, settings.registryUrl);
        });
    }
    const path = await saveUserSettings(io, { key, registry_url: urlFlag });

    // A setting read before the user file (ORRERY_KEY, ./orrery.yaml) still wins here: say so.
    const after = await resolveRegistrySettings(io, {});
    const notes: string[] = [];
    if (after.key !== key && after.sources.key) {
      notes.push(`Note: commands run here still use the key from ${after.sources.key.name}.`);
    }
    if (urlFlag !== undefined && after.registryUrl !== urlFlag) {
      notes.push(
        `Note: commands run here still use the registry URL from ${after.sources.registryUrl.name}.`,
      );
    }
    const who = me
      ? `the key '${me.name}' (${me.role}, ${describeScope(me.scope)})`
      : 'the key (not checked with the registry)';
    return {
      json: {
        path,
        saved: urlFlag === undefined ? ['key'] : ['key', 'registry_url'],
        registryUrl: settings.registryUrl,
        verified: me !== undefined,
        ...me,
      },
      text: `Saved ${who}${urlFlag === undefined ? '' : ` and the registry URL ${urlFlag}`} to ${path}`,
      notes: notes.join('\n'),
    };
  },
});
