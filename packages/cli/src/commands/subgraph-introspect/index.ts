import { CliError } from '../../lib/errors.js';
import { EXIT } from '../../lib/exit-codes.js';
import { introspectSubgraph, parseHeaders } from '../../lib/introspect.js';
import { defineRegistryCommand, stringsOption } from '../../lib/registry-command.js';

const USAGE = `Usage: orrery subgraph introspect URL [--header "Name: value"]...

Prints the SDL a running subgraph reports through { _service { sdl } } (federation's own
introspection, which keeps directives such as @key that standard introspection loses).

Arguments:
  URL                 the subgraph's GraphQL endpoint

Options:
      --header <h>    "Name: value" sent with the request (repeatable)
`;

/** `orrery subgraph introspect`: needs no registry. */
export const subgraphIntrospectCommand = defineRegistryCommand({
  path: ['subgraph', 'introspect'],
  summary: "print a running subgraph's SDL ({ _service { sdl } })",
  usage: USAGE,
  positionals: ['URL'],
  needsRegistry: false,
  options: { header: { type: 'string', multiple: true } },
  async run(ctx, values, [url]) {
    if (!/^https?:\/\//.test(url!)) {
      throw new CliError(
        'ERR_CLI_INVALID_ARGUMENT',
        `URL must be an http(s) URL, not "${url}"`,
        EXIT.USAGE,
      );
    }
    const sdl = await ctx.progress(`Fetching the schema from ${url}`, () =>
      introspectSubgraph(url!, {
        headers: parseHeaders(stringsOption(values, 'header')),
        timeoutMs: 30_000,
        exitCode: EXIT.NETWORK,
      }),
    );
    return { json: { url, sdl }, text: sdl };
  },
});
