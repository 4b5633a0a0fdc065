/**
 * `useHeaderPropagation`: copies named client headers (authorization, tracing ids) onto every
 * subgraph request. Nothing is propagated by default: forwarding every header would leak
 * cookies and hop-by-hop headers to subgraphs.
 *
 * @module
 */
import type { GatewayPlugin } from '../plugin.js';

export interface HeaderPropagationOptions {
  /** Client header names (any case) to copy to subgraph requests. Default: none. */
  readonly headers?: readonly string[];
}

/** Propagates the listed client headers to subgraphs. */
export function useHeaderPropagation(options: HeaderPropagationOptions = {}): GatewayPlugin {
  const names = (options.headers ?? []).map((h) => h.toLowerCase());
  return {
    name: 'header-propagation',
    onSubgraphRequest({ request, clientRequest }) {
      for (const name of names) {
        const value = clientRequest.headers[name];
        if (value !== undefined)
          request.headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
    },
  };
}
