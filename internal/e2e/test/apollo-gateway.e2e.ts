/**
 * Proves the harness: `@apollo/gateway` on supergraphs composed by `@orrery/composition` must
 * answer every scenario like the monolith. A failure means the scenario or our composition is
 * wrong; the few deviations of Apollo's gateway itself are listed (and asserted) in
 * `known-gaps.ts`.
 */
import { apolloGatewayFactory } from '../src/gateways/apollo-gateway.js';
import { runGatewaySuite } from './gateway-suite.js';
import { APOLLO_GATEWAY_KNOWN_GAPS } from './known-gaps.js';

runGatewaySuite(apolloGatewayFactory, APOLLO_GATEWAY_KNOWN_GAPS);
