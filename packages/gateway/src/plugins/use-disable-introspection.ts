/**
 * `useDisableIntrospection`: refuses operations that ask for `__schema` or `__type`
 * (`ERR_GATEWAY_INTROSPECTION_DISABLED`). Added by `createGateway({ introspection: false })`.
 * `__typename` stays allowed: clients need it and it reveals nothing.
 *
 * @module
 */
import { GraphQLError, type ValidationContext, type ASTVisitor } from 'graphql';
import type { GatewayPlugin } from '../plugin.js';

function NoIntrospectionRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      const name = node.name.value;
      if (name === '__schema' || name === '__type') {
        context.reportError(
          new GraphQLError(
            `GraphQL introspection is not allowed, but the query contained ${name}.`,
            { nodes: node, extensions: { code: 'ERR_GATEWAY_INTROSPECTION_DISABLED' } },
          ),
        );
      }
    },
  };
}

/** Turns introspection off. */
export function useDisableIntrospection(): GatewayPlugin {
  return {
    name: 'disable-introspection',
    onValidate({ addRule }) {
      addRule(NoIntrospectionRule);
    },
  };
}
