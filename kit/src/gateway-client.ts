import { randomUUID } from 'node:crypto';
import { REQUEST_ID_HEADER, Role } from './caller';
import { DomainError, ErrorCode } from './errors';
import { keepAliveFetch } from './keep-alive-fetch';
import { logger } from './logger';
import { issueToken } from './tokens';
import { injectTraceContext } from './tracing/spans';

/** A GraphQL error another subgraph answered with, as it arrived through the gateway. */
interface RemoteError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * A call through the gateway failed. `code` is the remote error's code when the other side
 * answered (INSUFFICIENT_STOCK, NOT_FOUND …), or `UNAVAILABLE` when it could not be reached.
 */
export class GatewayCallError extends Error {
  override name = 'GatewayCallError';
  constructor(
    message: string,
    readonly code: string,
    readonly errors: RemoteError[] = [],
  ) {
    super(message);
  }

  /** The first remote error as a DomainError the caller can pass on to its own client. */
  toDomainError(prefix: string): DomainError {
    const first = this.errors[0];
    const code = (first?.extensions?.code ?? ErrorCode.INTERNAL) as ErrorCode;
    const { code: _code, serviceName: _service, ...rest } = first?.extensions ?? {};
    return new DomainError(code, `${prefix}: ${first?.message ?? this.message}`, rest);
  }
}

/** Where and as whom a subgraph calls the supergraph. */
export interface GatewayClientOptions {
  /** the gateway's GraphQL URL (GATEWAY_URL), or a function giving it (when it is known only later) */
  url: string | (() => string);
  /** a token provider for the SERVICE identity */
  token: () => Promise<string>;
  /** per call (ms) */
  timeoutMs?: number;
}

/**
 * How a subgraph writes to (or reads from) another subgraph: through the gateway, as the
 * SERVICE identity, never into the other's tables.
 */
export class GatewayClient {
  private readonly http = keepAliveFetch();

  constructor(private readonly options: GatewayClientOptions) {}

  /**
   * Sends one operation. @throws GatewayCallError with the remote code when the answer has
   * errors, or UNAVAILABLE when the gateway (or the subgraph behind it) cannot be reached
   */
  async request<T>(query: string, variables: Record<string, unknown> = {}, requestId: string = randomUUID()): Promise<T> {
    const url = typeof this.options.url === 'function' ? this.options.url() : this.options.url;
    let response: Pick<Response, 'status' | 'json'>;
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${await this.options.token()}`, [REQUEST_ID_HEADER]: requestId };
    // The call continues the trace of the request (or job) that makes it.
    injectTraceContext((name, value) => (headers[name] = value));
    try {
      response = await this.http.fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') throw new GatewayCallError(`the gateway at ${url} did not answer within ${this.options.timeoutMs ?? 10_000} ms`, 'UNAVAILABLE');
      // The message reaches API clients (throughGateway): the socket's error, with the address it
      // resolved to, stays in the log.
      logger.warn({ err: error, url }, 'the gateway is unreachable');
      throw new GatewayCallError(`the gateway at ${url} is unreachable`, 'UNAVAILABLE');
    }
    let body: { data?: T; errors?: RemoteError[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new GatewayCallError(`the gateway answered HTTP ${response.status} without a GraphQL body`, 'UNAVAILABLE');
    }
    if (body.errors?.length) {
      const first = body.errors[0];
      // @apollo/gateway reports a subgraph it could not reach as a fetch failure
      const unreachable = /fetch failed|ECONNREFUSED|socket hang up|Couldn't connect/i.test(first.message) || first.extensions?.code === 'DOWNSTREAM_SERVICE_ERROR' && !first.extensions?.serviceName;
      throw new GatewayCallError(first.message, unreachable ? 'UNAVAILABLE' : (first.extensions?.code ?? 'INTERNAL'), body.errors);
    }
    if (!body.data) throw new GatewayCallError(`the gateway answered HTTP ${response.status} without data`, 'UNAVAILABLE');
    return body.data;
  }
}

/**
 * A SERVICE token for `subject`, minted with the gateway's HS256 secret and renewed before it
 * expires. (With an external identity provider, pass its client-credentials token instead.)
 */
export function serviceTokenProvider(options: { secret: string; issuer: string; audience: string; subject: string; scopes?: string[] }): () => Promise<string> {
  let cached: { token: string; renewAt: number } | undefined;
  return async () => {
    if (cached && Date.now() < cached.renewAt) return cached.token;
    const token = await issueToken(options.secret, { subject: options.subject, roles: [Role.SERVICE], scopes: options.scopes, issuer: options.issuer, audience: options.audience, expiresIn: '15m' });
    cached = { token, renewAt: Date.now() + 10 * 60_000 };
    return token;
  };
}

/**
 * Runs calls to other subgraphs and turns their failure into this subgraph's error, whose
 * message starts with `what` ("Stock could not be released"): UNAVAILABLE (retryable, nothing
 * changed here; "…: a service it needs is unavailable (…)") when the other side cannot be
 * reached, else the other side's own code (INSUFFICIENT_STOCK, NOT_FOUND …).
 * @throws DomainError INTERNAL when this subgraph has no gateway configured (GATEWAY_URL)
 */
export async function throughGateway<T>(gateway: GatewayClient | undefined, what: string, run: (gateway: GatewayClient) => Promise<T>): Promise<T> {
  if (!gateway) throw new DomainError(ErrorCode.INTERNAL, `${what}: this subgraph has no gateway to reach the others (set GATEWAY_URL)`);
  try {
    return await run(gateway);
  } catch (error) {
    if (!(error instanceof GatewayCallError)) throw error;
    if (error.code === 'UNAVAILABLE') throw new DomainError(ErrorCode.UNAVAILABLE, `${what}: a service it needs is unavailable (${error.message}); nothing was changed`, { retryable: true });
    throw error.toDomainError(what);
  }
}
