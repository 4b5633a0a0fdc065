import { formatGraphRef, type KeyRole, type KeyScope } from '@orrery/registry-client';
import { CliError } from '../../lib/errors.js';
import { EXIT } from '../../lib/exit-codes.js';
import {
  defineRegistryCommand,
  graphRefArgument,
  requiredOption,
  stringsOption,
} from '../../lib/registry-command.js';

const USAGE = `Usage: orrery key create --name NAME --role admin|publisher|gateway [--graph G]... [--variant REF]... [--subgraph S]...

Creates an API key (admin keys only). The key is printed once, alone on standard output, so it
can be captured (KEY=$(orrery key create ...)); the registry keeps only its hash and cannot show
it again.

Roles:
  admin       everything, including keys and variants
  publisher   publish, delete and restore subgraphs and read, within its scope
  gateway     read supergraphs (and report usage) for its variants; can never publish

Options:
      --name <name>       a label for the key (shown in launches and the audit log)
      --role <role>       admin, publisher or gateway
      --graph <graph>     limit the key to this graph (repeatable; none means all)
      --variant <ref>     limit the key to this variant, graph@variant (repeatable)
      --subgraph <name>   publisher keys: limit to this subgraph (repeatable)
`;

const ROLES: readonly KeyRole[] = ['admin', 'publisher', 'gateway'];

/** `orrery key create`. */
export const keyCreateCommand = defineRegistryCommand({
  path: ['key', 'create'],
  summary: 'create an API key (admin, publisher or gateway); shown once',
  usage: USAGE,
  options: {
    name: { type: 'string' },
    role: { type: 'string' },
    graph: { type: 'string', multiple: true },
    variant: { type: 'string', multiple: true },
    subgraph: { type: 'string', multiple: true },
  },
  async run(ctx, values) {
    const name = requiredOption(values, 'name', 'name');
    const role = requiredOption(values, 'role', 'role');
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new CliError(
        'ERR_CLI_INVALID_ARGUMENT',
        `--role must be admin, publisher or gateway, not "${role}"`,
        EXIT.USAGE,
      );
    }
    const graphs = stringsOption(values, 'graph');
    const variants = stringsOption(values, 'variant').map((v) =>
      formatGraphRef(graphRefArgument(v)),
    );
    const subgraphs = stringsOption(values, 'subgraph');
    if (subgraphs.length && role !== 'publisher') {
      throw new CliError(
        'ERR_CLI_INVALID_ARGUMENT',
        '--subgraph limits publisher keys only',
        EXIT.USAGE,
      );
    }
    const scope: KeyScope = {
      ...(graphs.length ? { graphs } : {}),
      ...(variants.length ? { variants } : {}),
      ...(subgraphs.length ? { subgraphs } : {}),
    };
    const created = await ctx.progress(`Creating the key '${name}'`, () =>
      ctx.client.createKey({
        name,
        role: role as KeyRole,
        ...(Object.keys(scope).length ? { scope } : {}),
      }),
    );
    const limits = [
      graphs.length ? `graphs ${graphs.join(', ')}` : '',
      variants.length ? `variants ${variants.join(', ')}` : '',
      subgraphs.length ? `subgraphs ${subgraphs.join(', ')}` : '',
    ].filter(Boolean);
    return {
      json: { ...created },
      text: created.key,
      notes: ctx.paint.yellow(
        `Created the ${created.role} key '${created.name}' (id ${created.id}${limits.length ? `; ${limits.join('; ')}` : ''}). Store it now: it is shown only this once.`,
      ),
    };
  },
});
