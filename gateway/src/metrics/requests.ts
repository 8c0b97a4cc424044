import type { ApolloServerPlugin } from '@apollo/server';
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { bounded, OPERATION_TYPES, operationTypeFromClientText, secondsSince, type ServiceMetrics } from '@tradegraph/kit';
import type { Counted } from '../rate-limits';
import { clientKindOf, ERROR_CODES, operationIn, operationLabel } from './labels';

/** What the requests metrics read of the gateway's context. */
type RequestContext = Pick<Counted, 'client' | 'caller'>;

/**
 * Whether the plugin counted the request, on the context under a symbol: Apollo hands plugins a
 * shallow copy of the context (which keeps the slot), and a request id is no key, as a subgraph
 * calling through the gateway sends the id of the request it serves.
 */
const SLOT = Symbol('request metrics');
type WithSlot = { [SLOT]?: { counted: boolean } };

/** The code of a refusal answered before Apollo ran the request, from its HTTP status. */
const CODE_BY_STATUS: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 413: 'PAYLOAD_TOO_LARGE', 429: 'RATE_LIMITED', 503: 'SHUTTING_DOWN' };

/**
 * Requests through `/graphql` (HTTP): `tradegraph_gateway_requests_total`, its duration and
 * error codes, and rate-limit refusals. Apollo's request pipeline counts what it answers (the
 * plugin); what is refused before it (authentication, the request budget, bodies too large,
 * HTTP rules) is counted when its answer is sent, by {@link refusals}.
 */
export class GatewayRequestMetrics {
  private readonly requests;
  private readonly duration;
  private readonly errors;
  private readonly limited;
  /** The context each request was given, once authentication made one. */
  private readonly contexts = new WeakMap<ServerResponse, RequestContext>();

  constructor(metrics: ServiceMetrics, private readonly operationNames: ReadonlySet<string>) {
    this.requests = metrics.counter({ name: 'tradegraph_gateway_requests_total', help: 'GraphQL operations over HTTP, counted when answered', labelNames: ['operation_type', 'operation', 'outcome', 'client_kind'] });
    this.duration = metrics.histogram({ name: 'tradegraph_gateway_request_duration_seconds', help: 'Request arrival to answer (queries and mutations)', labelNames: ['operation_type', 'client_kind'] });
    this.errors = metrics.counter({ name: 'tradegraph_gateway_errors_total', help: 'Errors in answers, by extensions.code', labelNames: ['code'] });
    this.limited = metrics.counter({ name: 'tradegraph_gateway_rate_limited_total', help: 'Requests refused with RATE_LIMITED, by budget', labelNames: ['client_kind', 'budget'] });
  }

  /** Counts one operation: `operationType` and `operationName` as the request resolved them. */
  count(operationType: string, operationName: string | null | undefined, outcome: string, clientKind: string, seconds?: number): void {
    const type = bounded(OPERATION_TYPES, operationType);
    this.requests.inc({ operation_type: type, operation: operationLabel(this.operationNames, operationName), outcome, client_kind: clientKind });
    if (seconds !== undefined && type !== 'subscription') this.duration.observe({ operation_type: type, client_kind: clientKind }, seconds);
  }

  countErrors(errors: readonly Pick<GraphQLFormattedError, 'extensions'>[]): void {
    for (const error of errors) this.errors.inc({ code: bounded(ERROR_CODES, error.extensions?.code as string | undefined) });
  }

  /** RateLimits' refusal hook: one refused request or subscribe. */
  readonly rateLimited = (budget: string, request: Pick<Counted, 'client' | 'caller'>): void => {
    this.limited.inc({ client_kind: clientKindOf(request.caller, request.client), budget });
  };

  /** Called by the context function once authentication made the request's context. */
  identify(res: ServerResponse, context: RequestContext): void {
    (context as WithSlot)[SLOT] = { counted: false };
    this.contexts.set(res, context);
  }

  plugin<TContext extends RequestContext>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async ({ contextValue }) => {
        const start = performance.now();
        let executed = false;
        const slot = (contextValue as WithSlot)[SLOT];
        if (slot) slot.counted = true;
        return {
          async executionDidStart() {
            executed = true;
          },
          willSendResponse: async ({ operation: resolved, operationName, request, document, response }) => {
            // Refused before the operation was resolved (validation …): read it from the document when it parsed.
            const operation = resolved ?? operationIn(document, request.operationName);
            const body = response.body;
            let outcome = 'success';
            if (body.kind === 'single' && body.singleResult.errors?.length) {
              const { data, errors } = body.singleResult;
              outcome = data != null ? 'partial' : executed ? 'error' : 'rejected';
              this.countErrors(errors);
            }
            this.count(operation?.operation ?? 'other', operationName ?? operation?.name?.value, outcome, clientKindOf(contextValue.caller, contextValue.client), secondsSince(start));
          },
        };
      },
    };
  }

  /**
   * Counts the request answered on `res` if Apollo's pipeline never saw it (refused by a step
   * before it or by the context function), when it is answered; `body` is what was parsed of it.
   */
  watch(res: ServerResponse, body: () => unknown): void {
    const start = performance.now();
    // 'close' comes for every response, also one whose client went away before the end.
    res.once('close', () => this.finished(res, body(), start));
  }

  /** {@link watch} as express middleware, reading the body express parsed. */
  refusals(): RequestHandler {
    return (req, res, next) => {
      this.watch(res, () => req.body);
      next();
    };
  }

  private finished(res: ServerResponse, parsed: unknown, start: number): void {
    const context = this.contexts.get(res);
    if ((context as WithSlot | undefined)?.[SLOT]?.counted) return;
    // Only GraphQL refusals: not a CORS preflight, a HEAD, a 404 or the like.
    const code = CODE_BY_STATUS[res.statusCode];
    if (!code) return;
    const body = parsed as { query?: unknown; operationName?: unknown } | undefined | null;
    const operationName = typeof body?.operationName === 'string' ? body.operationName : undefined;
    // Anyone can be refused, with up to the body limit of text: it is not parsed here. A refusal
    // before the body was read (413, or the request budget) is counted as a query.
    const type = operationTypeFromClientText(body?.query) ?? 'query';
    this.count(type, operationName, 'rejected', clientKindOf(context?.caller, context?.client), secondsSince(start));
    this.errors.inc({ code });
  }
}
