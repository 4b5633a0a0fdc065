/**
 * The gateway's own request/response shapes: plain objects, so the hot path allocates no
 * WHATWG `Request`/`Response` and `node:http` maps onto them directly.
 *
 * @module
 */

/** An HTTP request as the gateway reads it. */
export interface GatewayRequest {
  readonly method: string;
  /** The path with its query string, e.g. `/graphql?query=...`. */
  readonly url: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body as text (POST). */
  readonly body?: string;
}

/** An HTTP response. */
export interface GatewayResponse {
  status: number;
  /** Header names in lower case; a list sends the header once per value (`set-cookie`). */
  headers: Record<string, string | string[]>;
  body: string;
}
