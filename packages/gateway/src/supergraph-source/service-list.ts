/**
 * A supergraph composed at start-up from running subgraphs: each is asked for
 * `{ _service { sdl } }` and the answers are composed with `composeSubgraphs` (development mode,
 * like Apollo's `IntrospectAndCompose`). With `pollIntervalMs`, the subgraphs are asked again
 * periodically and a changed composition is handed to the gateway; a poll that fails (a
 * subgraph down, a composition error) changes nothing.
 *
 * @module
 */
import { channel } from 'node:diagnostics_channel';
import { composeSubgraphs } from '@orrery/composition';
import { request, type Dispatcher } from 'undici';
import { SupergraphLoadError } from '../errors.js';
import type { SupergraphListener, SupergraphSource } from './source.js';

export interface ServiceListSubgraph {
  readonly name: string;
  readonly url: string;
}

export interface ServiceListOptions {
  readonly subgraphs: readonly ServiceListSubgraph[];
  /** Re-introspect and recompose this often, in ms (default: never). */
  readonly pollIntervalMs?: number;
  /** Headers sent with every `_service` request (authentication). */
  readonly headers?: Readonly<Record<string, string>>;
  /** How long one subgraph may take to answer, in ms (default 10 000). */
  readonly timeoutMs?: number;
  readonly dispatcher?: Dispatcher;
}

const SERVICE_QUERY = JSON.stringify({
  query: 'query __ApolloGetServiceDefinition__ { _service { sdl } }',
  operationName: '__ApolloGetServiceDefinition__',
});

const pollChannel = channel('orrery:gateway:service-list-poll');

async function fetchSdl(
  subgraph: ServiceListSubgraph,
  options: ServiceListOptions,
): Promise<string> {
  let text: string;
  let status: number;
  try {
    const response = await request(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: SERVICE_QUERY,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    status = response.statusCode;
    text = await response.body.text();
  } catch (error) {
    throw new SupergraphLoadError(
      `Subgraph "${subgraph.name}" (${subgraph.url}) did not answer: ${(error as Error).message}`,
      { cause: error },
    );
  }
  let sdl: unknown;
  try {
    sdl = (JSON.parse(text) as { data?: { _service?: { sdl?: unknown } } }).data?._service?.sdl;
  } catch {
    // Reported below with the status.
  }
  if (typeof sdl !== 'string') {
    throw new SupergraphLoadError(
      `Subgraph "${subgraph.name}" (${subgraph.url}) did not return { _service { sdl } } (HTTP ${status})`,
    );
  }
  return sdl;
}

/** Introspects and composes the subgraphs; rejects with `SupergraphLoadError`. */
export async function composeServiceList(options: ServiceListOptions): Promise<string> {
  const sdls = await Promise.all(options.subgraphs.map((s) => fetchSdl(s, options)));
  const result = composeSubgraphs(
    options.subgraphs.map((s, i) => ({ name: s.name, url: s.url, sdl: sdls[i]! })),
  );
  if (!result.ok) {
    throw new SupergraphLoadError(
      `The subgraphs do not compose:\n${result.errors.map((e) => `${e.code}: ${e.message}`).join('\n')}`,
    );
  }
  return result.supergraphSdl;
}

/** A supergraph composed from a list of running subgraphs. */
export function serviceListSupergraph(options: ServiceListOptions): SupergraphSource {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let last: string | undefined;
  let polling: Promise<void> | undefined;

  const schedule = (onUpdate: SupergraphListener): void => {
    if (stopped || !options.pollIntervalMs) return;
    timer = setTimeout(() => {
      polling = composeServiceList(options).then(
        (sdl) => {
          if (!stopped && sdl !== last) {
            last = sdl;
            onUpdate(sdl);
          }
        },
        (error: unknown) => {
          if (pollChannel.hasSubscribers) pollChannel.publish({ error });
        },
      );
      void polling.finally(() => schedule(onUpdate));
    }, options.pollIntervalMs);
    timer.unref?.();
  };

  return {
    name: `services:${options.subgraphs.map((s) => s.name).join(',')}`,
    async start(onUpdate) {
      last = await composeServiceList(options);
      schedule(onUpdate);
      return last;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await polling;
    },
  };
}
