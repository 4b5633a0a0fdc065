/**
 * `@orrery/gateway` as a gateway under test, driven through `gateway.handle()`: the full HTTP
 * pipeline (GraphQL-over-HTTP parsing, CSRF check, validation against the API schema, plan
 * cache, execution), minus the socket. A POST with a JSON body, as a client sends it.
 *
 * @module
 */
import { createGateway } from '@orrery/gateway';
import type { GraphQLResponse } from '../graphql-runtime.js';
import type { GatewayFactory } from './gateway-under-test.js';

export const orreryGatewayFactory: GatewayFactory = {
  name: '@orrery/gateway',
  async start(supergraphSdl) {
    const gateway = createGateway({ supergraph: supergraphSdl });
    await gateway.ready;
    return {
      async execute(request) {
        const response = await gateway.handle({
          method: 'POST',
          url: '/graphql',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
          },
          body: JSON.stringify(request),
        });
        try {
          return JSON.parse(response.body) as GraphQLResponse;
        } catch {
          // Not a GraphQL response at all: surface it as a request error the compare will flag.
          return {
            errors: [{ message: `HTTP ${response.status}: ${response.body.slice(0, 200)}` }],
          };
        }
      },
      close: () => gateway.close(),
    };
  },
};
