import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A scripted failure: the request it is taken for gets this status (and Retry-After, when given). */
export interface FakeFailure {
  status: number;
  retryAfterSeconds?: number;
}

/** A request a fake received, as kept in {@link FakeHttpServer.received} for assertions on what an adapter sent. */
export interface ReceivedRequest {
  method: string;
  /** the URL path, percent-decoded */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** the parsed JSON body; undefined when the request had none */
  body: unknown;
}

/** A request as {@link FakeHttpServer} hands it to a fake's {@link FakeHttpServer.route}: the recorded fields plus the full URL and the raw body. */
export interface FakeRequest extends ReceivedRequest {
  /** the absolute request URL, resolved against {@link FakeHttpServer.url} */
  url: URL;
  /** the body as received, '' when there was none */
  raw: string;
}

/**
 * The HTTP scaffolding every local fake of an external system shares. A subclass supplies only
 * what is specific to its system: {@link route} (its endpoints, auth, paging and error shapes),
 * {@link answerFailure} (the body it answers a scripted failure with) and {@link apiRoot}.
 *
 * Each request is handled in this order:
 * 1. {@link requests} is counted and the request's failure is taken — `down` if set, else the
 *    next of {@link failures} — on arrival, so a scripted failure goes to the next request sent,
 *    not to the next one whose body finishes arriving;
 * 2. the body is read and parsed as JSON; a body that is not JSON is answered by
 *    {@link answerInvalidJson} and goes no further (it is not recorded);
 * 3. the request is {@link record}ed in {@link received};
 * 4. {@link hold} runs (a fake's simulated latency);
 * 5. the failure, if one was taken, is answered by {@link answerFailure}; otherwise {@link route} answers.
 */
export abstract class FakeHttpServer {
  /** Scripted failures, one taken per request, answered before anything else the fake checks. */
  failures: FakeFailure[] = [];
  /** When set, every request is answered as a failure with this status (and {@link failures} are left alone). */
  down: number | null = null;
  /** How many requests arrived since the fake was created (or last reset by the fake). */
  requests = 0;
  /** Every request whose body parsed, in order of arrival of the whole body. */
  received: ReceivedRequest[] = [];
  /** The fake's origin, `http://127.0.0.1:<port>`, once {@link start} resolved; '' before. */
  url = '';
  private server?: http.Server;

  /** The path prefix {@link requestsTo} takes its `pathPrefix` relative to, e.g. `/b1s/v1/`. */
  protected abstract readonly apiRoot: string;

  /** Forgets what earlier tests left: scripted failures, `down`, the requests received and their count. Fakes extend it with their own state. */
  reset(): void {
    this.failures = [];
    this.down = null;
    this.received = [];
    this.requests = 0;
  }

  /** Listens on 127.0.0.1 on a free port and sets {@link url}. */
  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops listening; resolves once open connections are closed. A fake never started stops at once. */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The requests {@link received} with this method whose path starts with {@link apiRoot} + `pathPrefix`. */
  requestsTo(method: string, pathPrefix: string): ReceivedRequest[] {
    return this.received.filter((r) => r.method === method && r.path.startsWith(this.apiRoot + pathPrefix));
  }

  /** Answers one request that has no scripted failure: the fake's routes, auth and errors. */
  protected abstract route(request: FakeRequest, res: http.ServerResponse): void;

  /** Answers a request with a scripted failure (or `down`) in the system's own error shape; {@link retryAfter} gives the Retry-After header. */
  protected abstract answerFailure(res: http.ServerResponse, failure: FakeFailure): void;

  /** Answers a request whose body is not JSON. By default 400 `{ error: 'Invalid JSON' }`; fakes override it with their system's shape. */
  protected answerInvalidJson(res: http.ServerResponse): void {
    this.sendJson(res, 400, { error: 'Invalid JSON' });
  }

  /** Keeps a request for assertions; by default appends it to {@link received}. Fakes with a log of their own extend it. */
  protected record(request: FakeRequest): void {
    this.received.push({ method: request.method, path: request.path, query: request.query, headers: request.headers, body: request.body });
  }

  /** Runs after a request is recorded and before it is answered; by default nothing. A fake simulating latency waits here. */
  protected async hold(): Promise<void> {}

  /** Handles one request in the order the class comment gives. A fake that tracks requests in flight wraps it. */
  protected async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.requests++;
    const failure = this.down !== null ? { status: this.down } : this.failures.shift();
    const raw = await new Promise<string>((resolve) => {
      let data = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (data += chunk));
      req.on('end', () => resolve(data));
    });
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return this.answerInvalidJson(res);
    }
    const url = new URL(req.url ?? '/', this.url);
    const request: FakeRequest = { method: req.method ?? 'GET', path: decodeURIComponent(url.pathname), query: url.searchParams, headers: req.headers, body, url, raw };
    this.record(request);
    await this.hold();
    if (failure) return this.answerFailure(res, failure);
    this.route(request, res);
  }

  /** The Retry-After header for a failure that names one, else no headers. */
  protected retryAfter(failure: FakeFailure): Record<string, string> {
    return failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failure.retryAfterSeconds) } : {};
  }

  /** Answers `status` with `body` as JSON; `headers` may replace the default `content-type: application/json`. */
  protected sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  }
}

/**
 * Serves `fake` to the tests of the enclosing describe block (or file): started before them,
 * stopped after. With `seedEach`, every test starts from the same data and a clean slate: before
 * each one the fake is seeded and then {@link FakeHttpServer.reset} (requests, failures).
 */
export function serveDuringTests<F extends FakeHttpServer>(fake: F, seedEach?: (fake: F) => void): F {
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  if (seedEach) {
    beforeEach(() => {
      seedEach(fake);
      fake.reset();
    });
  }
  return fake;
}
