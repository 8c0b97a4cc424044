import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode, logger, Role, type Caller } from '@tradegraph/kit';
import type { ClientIdentity } from './client-identity';

/** The window of every budget: limits are per minute. */
const WINDOW_SECONDS = 60;

/** The budgets every client gets unless its partner record says otherwise. */
export interface RateLimitOptions {
  /** requests (and subscribes) per client per minute; 0 turns the limit off */
  requestsPerMinute: number;
  /** query cost points per client per minute; 0 turns the limit off */
  costPerMinute: number;
  /** the shared store: every gateway on this Redis shares each client's budget (in memory without) */
  redisUrl?: string;
  /** prefix of the Redis keys */
  keyPrefix: string;
  /** told of each refusal (metrics) */
  onRefused?: (budget: Policy, request: Counted) => void;
}

/** Who a request is counted against. */
export interface Counted {
  client: ClientIdentity;
  /** the SERVICE identity (subgraphs calling through the gateway) is not limited */
  caller?: Pick<Caller, 'roles'>;
  /**
   * Where the request stands in each budget, for its RateLimit-* headers; changed in place,
   * since Apollo Server hands plugins a shallow copy of the context.
   */
  budgets: Budget[];
}

type Policy = 'requests' | 'cost';

/** Where a client stands in one budget after a request. */
export interface Budget {
  policy: Policy;
  limit: number;
  remaining: number;
  /** seconds until the budget is whole again */
  resetSeconds: number;
}

/**
 * Per-client request and cost budgets (rate-limiter-flexible, fixed one-minute windows), in
 * Redis when there is one so that every gateway replica draws on the same budget, with an
 * in-memory stand-in while Redis cannot be reached (each replica then limits on its own).
 */
export class RateLimits {
  private readonly redis?: Redis;
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(private readonly options: RateLimitOptions) {
    // No offline queue: while Redis is away, commands fail at once and the in-memory limiter answers.
    if (options.redisUrl) this.redis = new Redis(options.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  }

  /** Connects to Redis; a Redis that is down is logged, and limits run in memory until it is back. */
  async start(): Promise<void> {
    try {
      await this.redis?.connect();
    } catch (error) {
      logger.warn({ err: error }, 'rate limits: Redis unreachable, limiting in memory until it is back');
    }
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }

  /**
   * Counts one request (or subscribe) against the client's budget; RATE_LIMITED (HTTP 429) once
   * it is spent.
   */
  admitRequest(request: Counted): Promise<Budget | undefined> {
    return this.consume('requests', request, 1);
  }

  /** Charges a resolved operation's cost to the client's cost budget; RATE_LIMITED (HTTP 429) once it is spent. */
  chargeCost(request: Counted, cost: number): Promise<Budget | undefined> {
    return this.consume('cost', request, cost);
  }

  /**
   * Counts a subscribe (graphql-ws, SSE) against the request budget: the refusal as those
   * transports send it (no HTTP extension), and the headers an HTTP answer would carry.
   */
  async admitSubscribe({ client, caller }: Pick<Counted, 'client' | 'caller'>): Promise<{ refusal?: GraphQLError; headers: Record<string, string> }> {
    const request: Counted = { client, caller, budgets: [] };
    try {
      await this.admitRequest(request);
      return { headers: this.headers(request) };
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const { http: _http, ...extensions } = error.extensions;
      return { refusal: new GraphQLError(error.message, { extensions }), headers: { ...this.headers(request), 'Retry-After': String(extensions.retryAfter) } };
    }
  }

  /** The RateLimit-* headers for a request: the budget nearest to running out, and the policy of both. */
  headers(request: Counted): Record<string, string> {
    const { budgets } = request;
    if (!budgets.length) return {};
    const nearest = budgets.reduce((a, b) => (b.remaining / b.limit < a.remaining / a.limit ? b : a));
    return {
      'RateLimit-Limit': String(nearest.limit),
      'RateLimit-Remaining': String(nearest.remaining),
      'RateLimit-Reset': String(nearest.resetSeconds),
      'RateLimit-Policy': budgets.map((b) => `${b.limit};w=${WINDOW_SECONDS};comment="${b.policy}"`).join(', '),
    };
  }

  private limitOf(policy: Policy, client: ClientIdentity): number {
    const own = client.partner?.rateLimit;
    return policy === 'requests' ? (own?.requestsPerMinute ?? this.options.requestsPerMinute) : (own?.costPerMinute ?? this.options.costPerMinute);
  }

  /** One limiter per budget size: rate-limiter-flexible fixes `points` per limiter; the stored counts are shared. */
  private limiter(policy: Policy, points: number): RateLimiterAbstract {
    const name = `${policy}:${points}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const base = { points, duration: WINDOW_SECONDS, keyPrefix: `${this.options.keyPrefix}:${policy}` };
      limiter = this.redis
        ? new RateLimiterRedis({ ...base, storeClient: this.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(base) })
        : new RateLimiterMemory(base);
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  private async consume(policy: Policy, request: Counted, points: number): Promise<Budget | undefined> {
    const limit = this.limitOf(policy, request.client);
    if (limit <= 0 || points <= 0 || request.caller?.roles.includes(Role.SERVICE)) return undefined;
    let result: RateLimiterRes;
    let refused = false;
    try {
      result = await this.limiter(policy, limit).consume(request.client.id, Math.ceil(points));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        // the store failed and so did the stand-in: let the request through rather than fail everyone
        logger.error({ err: rejection }, 'rate limits: could not count a request');
        return undefined;
      }
      result = rejection;
      refused = true;
    }
    const budget: Budget = { policy, limit, remaining: Math.max(0, limit - result.consumedPoints), resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
    request.budgets.splice(0, request.budgets.length, ...request.budgets.filter((b) => b.policy !== policy), budget);
    if (refused) throw this.refusal(budget, points, request);
    return budget;
  }

  private refusal(budget: Budget, points: number, request: Counted): GraphQLError {
    this.options.onRefused?.(budget.policy, request);
    const headers = new HeaderMap(Object.entries(this.headers(request)).map(([k, v]) => [k.toLowerCase(), v]));
    headers.set('retry-after', String(budget.resetSeconds));
    const message =
      budget.policy === 'requests'
        ? `Rate limit reached: at most ${budget.limit} requests a minute; retry after ${budget.resetSeconds} s`
        : `Rate limit reached: this query costs ${points} and at most ${budget.limit} cost points a minute are allowed; retry after ${budget.resetSeconds} s or ask for less`;
    return new GraphQLError(message, {
      extensions: { code: ErrorCode.RATE_LIMITED, limit: budget.policy, maximum: budget.limit, retryAfter: budget.resetSeconds, http: { status: 429, headers } },
    });
  }
}

/** Puts the RateLimit-* headers on every response to a counted request, a refused one included. */
export function rateLimitHeadersPlugin<TContext extends Counted>(limits: RateLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          for (const [name, value] of Object.entries(limits.headers(contextValue))) response.http.headers.set(name.toLowerCase(), value);
        },
      };
    },
  };
}
