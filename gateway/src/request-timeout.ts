import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import type { ApolloGateway } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@tradegraph/kit';
import { tradegraphExecutor, type ExecutorChoice } from './plan-executor/gateway-executor';

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/** The answer to a request that ran past its time. */
export function timedOut(timeoutMs: number): GraphQLError {
  return new GraphQLError(`The request took longer than ${timeoutMs} ms and was stopped; retry later or ask for less`, {
    extensions: { code: ErrorCode.TIMEOUT, maximumMs: timeoutMs, http: { status: 504 } },
  });
}

/**
 * The gateway as Apollo Server sees it, with every operation's planning and execution bounded
 * by `timeoutMs`: past it the client gets TIMEOUT (HTTP 504) instead of waiting on a slow
 * subgraph or an expensive plan. Work already sent to subgraphs is not recalled; a mutation that
 * timed out may still have been applied. Plans run on Tradegraph's executor unless `executor` is
 * 'apollo' (GATEWAY_EXECUTOR), which keeps @apollo/gateway's own.
 */
export function withRequestTimeout(gateway: ApolloGateway, timeoutMs: number, executor: ExecutorChoice = 'tradegraph'): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(options) {
      const loaded = await gateway.load(options);
      const execute = executor === 'tradegraph' ? tradegraphExecutor(gateway) : loaded.executor;
      return {
        ...loaded,
        executor: async (requestContext) => {
          let timer: NodeJS.Timeout | undefined;
          const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(timedOut(timeoutMs)), timeoutMs)));
          try {
            return await Promise.race([execute(requestContext), deadline]);
          } finally {
            clearTimeout(timer);
          }
        },
      };
    },
  };
}
