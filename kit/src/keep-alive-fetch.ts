import http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

/** The read-only part of fetch's Headers that the gateway's data sources and GatewayClient use. */
class ReceivedHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw)) yield [name, this.get(name)!];
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of this.entries()) callback(value, name);
  }
}

/**
 * A whole answer, already read: what fetch's Response offers its callers (status, headers,
 * text, json), without the web streams a real Response reads its body through.
 */
export class WholeResponse {
  readonly ok: boolean;
  readonly headers: ReceivedHeaders;
  readonly redirected = false;
  readonly type = 'basic';
  readonly bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    headers: IncomingHttpHeaders,
    private readonly body: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = new ReceivedHeaders(headers);
  }

  async text(): Promise<string> {
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString('utf8'));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.body.buffer.slice(this.body.byteOffset, this.body.byteOffset + this.body.byteLength) as ArrayBuffer;
  }
}

/** Request headers as node:http takes them; a plain object (what our callers send) is kept as it is. */
function headersOf(init: RequestInit['headers']): Record<string, string> {
  if (init && !(init instanceof Headers) && !Array.isArray(init)) return { ...(init as Record<string, string>) };
  const headers: Record<string, string> = {};
  new Headers(init).forEach((value, name) => (headers[name] = value));
  return headers;
}

/**
 * What a fetch aborted through its signal rejects with, as fetch's own: the signal's reason (a
 * TimeoutError from AbortSignal.timeout), else an AbortError. Not `instanceof Error`: a reason
 * made in another realm (Node's own, seen from Jest's sandbox) is not one of this realm's Errors.
 */
function abortError(signal: AbortSignal): Error {
  return (signal.reason ?? new DOMException('This operation was aborted', 'AbortError')) as Error;
}

/**
 * A fetch for POSTs between our own services over keep-alive `node:http` connections — the
 * gateway's to subgraphs, a subgraph's to the gateway (GatewayClient): one write per request
 * (headers and body together), the body read into one buffer, and no WHATWG streams, which cost
 * more CPU than the hop they carry (undici's fetch was ~10% of a lookup's CPU, and ~5% of an
 * order's in GatewayClient). The answer resolves once the whole body is in, so a caller's
 * timeout covers a body that never ends; the request is destroyed when `init.signal` aborts.
 */
export function keepAliveFetch(options: { maxSockets?: number } = {}): { fetch: typeof fetch; close(): void } {
  // An idle socket is dropped after 4 s, before the server closes it (kit's subgraph servers keep
  // one 65 s, the gateway Node's default 5 s): reusing one the server is closing fails with ECONNRESET.
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 256, scheduling: 'lifo', timeout: 4000 });
  const send = (input: Parameters<typeof fetch>[0], init: RequestInit = {}): Promise<WholeResponse | Response> =>
    new Promise((resolve, reject) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      // TLS between our services is rare (loopback or a private network) and not worth a second agent: fetch carries it.
      if (url.startsWith('https:')) return fetch(url, init).then(resolve, reject);
      const { signal } = init;
      if (signal?.aborted) return reject(abortError(signal));
      // Our callers send JSON text; anything else is a mistake of ours, not a body to guess at.
      if (init.body != null && typeof init.body !== 'string') return reject(new TypeError('keepAliveFetch sends string bodies only'));
      const body = init.body ?? undefined;
      const headers = headersOf(init.headers);
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const request = http.request(url, { agent, method: init.method ?? 'GET', headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('end', () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(new WholeResponse(url, response.statusCode ?? 0, response.statusMessage ?? '', response.headers, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
        });
        response.once('error', fail);
      });
      const onAbort = () => request.destroy(abortError(signal!));
      function fail(error: Error) {
        signal?.removeEventListener('abort', onAbort);
        reject(signal?.aborted ? abortError(signal) : error);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      request.once('error', fail);
      request.end(body);
    });
  return { fetch: send as unknown as typeof fetch, close: () => agent.destroy() };
}
