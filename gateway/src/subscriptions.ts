import { randomUUID } from 'node:crypto';
import { executeQueryPlan, type ApolloGateway, type GraphQLDataSource } from '@apollo/gateway';
import { executePlan } from './plan-executor/execute';
import type { ExecutorChoice } from './plan-executor/gateway-executor';
import { internalsOf, type GatewayInternals } from './gateway-internals';
import { buildOperationContext } from '@apollo/gateway';
import { operationFromDocument, type Schema } from '@apollo/federation-internals';
import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import { GraphQLError, Kind, print, type DocumentNode, type ExecutionResult, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { BoundedQueue, logger, subscriberTooSlow, type Caller, type CallerSigner } from '@tradegraph/kit';
import type { PartnerContract } from './contract';
import { formatClientError, validationErrors, withoutSuggestions } from './errors';
import { capErrors, operationCost, operationDepth, type DocumentCaps, type QueryLimits } from './limits';
import { resumableRequest, resumeCursorOf } from './subscription-cursor';
import type { UpstreamPool, UpstreamSubscription } from './upstream';
import { operationInputError } from './variables';

/** One client subscription, as a transport hands it over. */
export interface SubscriptionRequest {
  document: DocumentNode;
  operationName?: string | null;
  variables: Record<string, unknown>;
  caller: Caller;
  requestId: string;
}

/** How the gateway serves subscriptions. */
export interface SubscriptionOptions extends QueryLimits, DocumentCaps {
  /** results held per client before its subscription ends with SUBSCRIBER_TOO_SLOW */
  queueSize: number;
  /** what partners are served: their subscriptions are checked against the public schema */
  contract?: Pick<PartnerContract, 'errorsFor'>;
  /** what runs the `rest` of each event's plan (GATEWAY_EXECUTOR; Tradegraph's executor by default) */
  executor?: ExecutorChoice;
}

const PRIMARY = '__subscription_primary__';

const errorResult = (message: string, code: string, extensions: Record<string, unknown> = {}): ExecutionResult => ({
  errors: [new GraphQLError(message, { extensions: { code, ...extensions } })],
});

/**
 * Federated subscriptions over @apollo/gateway's query plans. The planner already plans a
 * subscription as a Subscription node: `primary`, a subscription on the subgraph that owns the
 * field, and `rest`, the fetches for fields other subgraphs add. For each client subscription
 * this opens `primary` upstream over graphql-ws and, for every event, runs `rest` through
 * `executeQueryPlan` with the event standing in for the primary fetch, so the client gets one
 * complete result per event, with every subgraph's rules applied for that client.
 *
 * Identical subscriptions (same document, variables and caller) share one upstream
 * subscription and one execution per event; the last client leaving closes the upstream one.
 * A subscription that resumes (`after`) has its own: joining a running one would skip the
 * events it asked to catch up on. Each result carries the upstream event's cursor
 * (`extensions.cursor`). Each client has a bounded queue: a client that falls further behind
 * gets what it holds, then SUBSCRIBER_TOO_SLOW, and resumes behind its last cursor; the other
 * clients of its group carry on.
 */
export class FederatedSubscriptions {
  private readonly groups = new Map<string, SubscriptionGroup>();
  private readonly unsubscribeSchema: () => void;

  constructor(
    private readonly gateway: ApolloGateway,
    private readonly upstream: UpstreamPool,
    private readonly signer: CallerSigner,
    private readonly options: SubscriptionOptions,
  ) {
    // Plans were made for the old supergraph: end them cleanly; clients subscribe again.
    this.unsubscribeSchema = gateway.onSchemaLoadOrUpdate(() => this.endAll(errorResult('The supergraph changed; subscribe again', 'SCHEMA_CHANGED')));
  }

  private get internals(): GatewayInternals {
    return internalsOf(this.gateway);
  }

  /** How many client subscriptions and shared upstream subscriptions are open. */
  stats(): { clients: number; groups: number; upstreamConnections: number } {
    let clients = 0;
    for (const group of this.groups.values()) clients += group.clients.size;
    return { clients, groups: this.groups.size, upstreamConnections: this.upstream.connections };
  }

  /** Starts a client subscription: an iterator of results, or one result with the errors. */
  async subscribe(request: SubscriptionRequest): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const { schema, apiSchema, supergraphSchema, queryPlanner } = this.internals;
    if (!schema || !apiSchema || !supergraphSchema || !queryPlanner) return errorResult('The gateway has no supergraph loaded yet', 'UNAVAILABLE');

    const errors = [...validationErrors(schema, request.document), ...capErrors(schema, request.document, this.options)];
    if (errors.length) return { errors };
    const outsideContract = this.options.contract?.errorsFor(request.caller, request.document) ?? [];
    if (outsideContract.length) return { errors: outsideContract };
    const operation = request.document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!request.operationName || d.name?.value === request.operationName),
    );
    if (!operation) return errorResult('The document has no such operation', 'BAD_USER_INPUT');
    if (operation.operation !== 'subscription') return errorResult('Only subscriptions are served here; send queries and mutations over HTTP', 'BAD_USER_INPUT');
    // the same input rules as the HTTP path: variable types, NUL characters, DateTime range
    const inputError = operationInputError(schema, request.document, operation, request.variables ?? {});
    if (inputError) return { errors: [new GraphQLError(withoutSuggestions(inputError.message), { extensions: { code: 'BAD_USER_INPUT', fields: inputError.extensions.fields } })] };
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of request.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    const depth = operationDepth(operation, fragments);
    if (depth > this.options.maxDepth) return errorResult(`Query depth ${depth} exceeds the limit of ${this.options.maxDepth}`, 'BAD_USER_INPUT');
    const cost = operationCost(schema, request.document, request.operationName ?? undefined, request.variables ?? {});
    if (cost > this.options.maxCost) return errorResult(`Query cost ${cost} exceeds the limit of ${this.options.maxCost}`, 'BAD_USER_INPUT');

    const resumes = resumeCursorOf(operation, request.variables ?? {}) !== undefined;
    const key = JSON.stringify([print(request.document), request.operationName ?? null, request.variables ?? {}, request.caller.subject, [...request.caller.roles].sort(), [...request.caller.scopes].sort(), resumes ? randomUUID() : null]);
    let group = this.groups.get(key);
    if (!group) {
      const plan = queryPlanner.buildQueryPlan(operationFromDocument(apiSchema, request.document, { operationName: request.operationName ?? undefined }));
      if (plan.node?.kind !== 'Subscription') return errorResult('The planner gave no subscription plan for this operation', 'INTERNAL');
      const service = this.internals.serviceMap[plan.node.primary.serviceName];
      if (!service) return errorResult(`No subgraph named ${plan.node.primary.serviceName} is loaded`, 'UNAVAILABLE');
      group = new SubscriptionGroup({
        request,
        primary: plan.node.primary,
        rest: plan.node.rest,
        url: (service.dataSource as unknown as { url?: string }).url ?? service.url!,
        schemas: { schema, apiSchema, supergraphSchema },
        serviceMap: this.internals.serviceMap,
        signer: this.signer,
        onEmpty: () => this.groups.delete(key),
        executor: this.options.executor,
      });
      this.groups.set(key, group);
      group.open(this.upstream);
    }
    return group.join(this.options.queueSize);
  }

  /** Ends every subscription with a last result (on reload or shutdown). */
  endAll(last?: ExecutionResult): void {
    for (const group of [...this.groups.values()]) group.end(last);
    this.groups.clear();
  }

  close(): void {
    this.unsubscribeSchema();
    this.endAll();
  }
}

interface GroupSetup {
  request: SubscriptionRequest;
  primary: FetchNode;
  rest?: PlanNode;
  url: string;
  schemas: { schema: GraphQLSchema; apiSchema: Schema; supergraphSchema: GraphQLSchema };
  serviceMap: GatewayInternals['serviceMap'];
  signer: CallerSigner;
  onEmpty: () => void;
  executor?: ExecutorChoice;
}

/** The clients of one distinct subscription, its upstream subscription, and its per-event work. */
class SubscriptionGroup {
  readonly clients = new Set<BoundedQueue<ExecutionResult>>();
  private upstream?: UpstreamSubscription;
  private queue: Promise<void> = Promise.resolve();
  private readonly plan: QueryPlan;
  private readonly operationContext: ReturnType<typeof buildOperationContext>;
  private signed?: { header: string; until: number };

  constructor(private readonly setup: GroupSetup) {
    const local: FetchNode = { ...setup.primary, serviceName: PRIMARY };
    this.plan = { kind: 'QueryPlan', node: setup.rest ? { kind: 'Sequence', nodes: [local, setup.rest] } : local };
    this.operationContext = buildOperationContext({ schema: setup.schemas.schema, operationDocument: setup.request.document, operationName: setup.request.operationName ?? undefined });
  }

  open(pool: UpstreamPool): void {
    const { primary, request } = this.setup;
    const variables: Record<string, unknown> = {};
    for (const name of primary.variableUsages ?? []) if (name in request.variables) variables[name] = request.variables[name];
    const upstreamRequest = resumableRequest({ query: primary.operation, variables, operationName: primary.operationName }, this.setup.schemas.schema);
    this.upstream = pool.subscribe(this.setup.url, request.caller, request.requestId, upstreamRequest, {
      // Events are handled one after another, so every client sees them in upstream order.
      next: (result) => {
        this.queue = this.queue.then(() => this.onEvent(result));
      },
      // A refusal (GraphQL errors: FORBIDDEN, BAD_USER_INPUT …) is passed on as it is; a broken
      // connection that will not come back ends the subscription as UNAVAILABLE.
      error: (error) =>
        this.end(
          Array.isArray(error)
            ? { errors: error.map((e: { message: string; extensions?: Record<string, unknown> }) => new GraphQLError(e.message, { extensions: e.extensions })) }
            : errorResult(`The subscription was ended upstream: ${describe(error)}`, 'UNAVAILABLE'),
        ),
      complete: () => this.end(),
    });
  }

  join(queueSize: number): AsyncIterableIterator<ExecutionResult> {
    const client: BoundedQueue<ExecutionResult> = new BoundedQueue<ExecutionResult>(queueSize, () => this.leave(client), { last: { errors: [subscriberTooSlow(queueSize)] } });
    this.clients.add(client);
    return client;
  }

  private leave(client: BoundedQueue<ExecutionResult>): void {
    if (client.overflowed) logger.info('a subscriber fell behind its queue; its subscription ended with SUBSCRIBER_TOO_SLOW');
    this.clients.delete(client);
    if (this.clients.size === 0) this.end();
  }

  /** Ends the group: the upstream subscription closes, every client gets `last` and completes. */
  end(last?: ExecutionResult): void {
    this.upstream?.close();
    this.upstream = undefined;
    for (const client of this.clients) {
      if (last) client.push(last);
      client.close();
    }
    this.clients.clear();
    this.setup.onEmpty();
  }

  private async signedCaller(): Promise<string> {
    if (!this.signed || Date.now() > this.signed.until) {
      const { caller, requestId } = this.setup.request;
      this.signed = { header: await this.setup.signer.sign(caller, requestId), until: Date.now() + 30_000 };
    }
    return this.signed.header;
  }

  private async onEvent(upstream: ExecutionResult): Promise<void> {
    if (this.clients.size === 0) return;
    let result: ExecutionResult;
    if (upstream.errors?.length && !upstream.data) {
      result = { errors: upstream.errors };
    } else {
      try {
        result = await this.execute(upstream);
      } catch (error) {
        logger.error({ err: error }, 'running the rest of a subscription plan failed');
        result = errorResult('This event could not be completed', 'INTERNAL');
      }
    }
    // Errors reach clients the way HTTP errors do: codes kept, internals masked.
    const formatted: ExecutionResult = result.errors
      ? {
          ...result,
          errors: result.errors.map((e) => {
            const shaped = formatClientError(e, e);
            return new GraphQLError(shaped.message, { path: shaped.path, extensions: shaped.extensions });
          }),
        }
      : result;
    // The event's place on the bus, even when it failed here: the client resumes behind it.
    const cursor = upstream.extensions?.cursor;
    const delivered = typeof cursor === 'string' ? { ...formatted, extensions: { ...formatted.extensions, cursor } } : formatted;
    for (const client of this.clients) client.push(delivered);
  }

  private async execute(upstream: ExecutionResult): Promise<ExecutionResult> {
    const { request, schemas } = this.setup;
    // looked up by subgraph name: no prototype to answer a name like `constructor`
    const serviceMap = Object.create(null) as Record<string, GraphQLDataSource>;
    serviceMap[PRIMARY] = { process: async () => ({ data: upstream.data ?? null, errors: upstream.errors }) } as GraphQLDataSource;
    for (const [name, { dataSource }] of Object.entries(this.setup.serviceMap)) serviceMap[name] = dataSource;
    const requestContext = {
      request: { query: print(request.document), variables: request.variables, operationName: request.operationName ?? undefined },
      document: request.document,
      operationName: request.operationName ?? null,
      context: { caller: request.caller, requestId: request.requestId, signedCaller: await this.signedCaller() },
      logger,
      metrics: {},
      cache: undefined,
      schema: schemas.schema,
    };
    // the same executor as queries and mutations (GATEWAY_EXECUTOR)
    const execute = this.setup.executor === 'apollo' ? executeQueryPlan : executePlan;
    return (await execute(this.plan, serviceMap, requestContext as never, this.operationContext, schemas.supergraphSchema, schemas.apiSchema)) as ExecutionResult;
  }
}

function describe(error: unknown): string {
  if (Array.isArray(error)) return error.map((e) => (e as Error).message).join('; ');
  if (error && typeof error === 'object' && 'reason' in error) {
    const { reason, code } = error as { reason: unknown; code?: number };
    return typeof reason === 'string' && reason ? reason : String(code);
  }
  return error instanceof Error ? error.message : String(error);
}
