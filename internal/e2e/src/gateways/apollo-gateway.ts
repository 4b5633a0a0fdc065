/**
 * `@apollo/gateway` as a gateway under test: the reference the harness is proven against.
 * Local supergraph only: no Apollo key and no graph ref, so no uplink and no usage reporting.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { graphqlJs, toJson } from '../graphql-runtime.js';
import type { GatewayFactory } from './gateway-under-test.js';

const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };

type Executor = Awaited<ReturnType<ApolloGateway['load']>>['executor'];

/** Runs operations through `ApolloGateway`'s executor, validating against its API schema first. */
export const apolloGatewayFactory: GatewayFactory = {
  name: '@apollo/gateway',
  async start(supergraphSdl) {
    const gateway = new ApolloGateway({ supergraphSdl, logger: silentLogger });
    const { schema, executor } = await gateway.load();
    return {
      async execute(request) {
        let document;
        try {
          document = graphqlJs.parse(request.query);
        } catch (error) {
          return toJson({ errors: [error] });
        }
        const errors = graphqlJs.validate(schema, document);
        if (errors.length > 0) return toJson({ errors });
        // The executor expects Apollo Server's request context; these are the fields it reads.
        const result = await executor({
          request: {
            query: request.query,
            variables: request.variables ?? {},
            operationName: request.operationName ?? undefined,
          },
          document,
          source: request.query,
          queryHash: createHash('sha256').update(request.query).digest('hex'),
          operationName: request.operationName ?? null,
          metrics: {},
          logger: silentLogger,
          context: {},
          cache: undefined,
          overallCachePolicy: { restrict() {}, replace() {} },
        } as unknown as Parameters<Executor>[0]);
        return toJson(result);
      },
      close: () => gateway.stop(),
    };
  },
};
