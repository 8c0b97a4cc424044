import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';

/**
 * Checks the request's variables against the operation before planning, so a bad variable is
 * answered as the client's error (BAD_USER_INPUT, HTTP 400). @apollo/gateway checks them too,
 * but returns its errors without a code, which would read as a server fault.
 */
export function variableCoercionPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          const definitions = operation?.variableDefinitions;
          if (!definitions?.length) return;
          const { errors } = getVariableValues(schema, definitions, request.variables ?? {});
          if (!errors?.length) return;
          throw new GraphQLError(errors.map((e) => e.message).join('\n'), {
            nodes: errors[0].nodes,
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        },
      };
    },
  };
}
