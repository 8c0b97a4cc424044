import http from 'node:http';
import net from 'node:net';

/** One replica behind a proxy, and how many requests (and WebSocket upgrades) it was given. */
interface Upstream {
  port: number;
  requests: number;
  upgrades: number;
}

/** Headers of one connection (hop-by-hop), not passed through. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection'];
const endToEnd = (headers: http.IncomingHttpHeaders): http.IncomingHttpHeaders => Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.includes(name)));

/** A connection failure that proves the request never reached the replica, so another may take it. */
const NOT_REACHED = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

/**
 * The load balancer of one service on loopback, as a Kubernetes Service or an ingress is in
 * production: each HTTP request (and each WebSocket upgrade) goes to the next replica in turn;
 * one that refuses the connection (it is dead) is skipped and the request taken by the next.
 * Every request opens a fresh connection to its replica (no keep-alive behind the proxy), so a
 * dead replica is found at connect time and never on a pooled socket it left behind.
 *
 * A request that reached a replica which then died is not retried (it may have been applied):
 * it is answered 502, which the gateway treats as the subgraph being unavailable.
 */
export class RoundRobinProxy {
  private readonly upstreams: Upstream[];
  private next = 0;
  private readonly server: http.Server;
  private readonly tunnels = new Set<net.Socket>();

  constructor(readonly name: string, replicaPorts: number[]) {
    this.upstreams = replicaPorts.map((port) => ({ port, requests: 0, upgrades: 0 }));
    this.server = http.createServer((request, response) => this.forward(request, response));
    this.server.keepAliveTimeout = 30_000;
    this.server.on('upgrade', (request: http.IncomingMessage, socket: net.Socket, head: Buffer) => this.tunnel(request, socket, head));
  }

  /** Listens on `port` (loopback). */
  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
  }

  /** Requests per replica, in replica order, e.g. "512 + 498". */
  spread(): string {
    return this.upstreams.map((u) => u.requests).join(' + ');
  }

  /** Upgrades (WebSocket connections) per replica, in replica order. */
  upgradeSpread(): string {
    return this.upstreams.map((u) => u.upgrades).join(' + ');
  }

  async close(): Promise<void> {
    for (const socket of this.tunnels) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The replicas to try for one request: all of them, starting with the next in turn. */
  private order(): Upstream[] {
    const start = this.next++ % this.upstreams.length;
    return [...this.upstreams.slice(start), ...this.upstreams.slice(0, start)];
  }

  private forward(request: http.IncomingMessage, response: http.ServerResponse): void {
    // The body is read whole first, so that it can be sent again to the next replica.
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => this.attempt(request, Buffer.concat(chunks), response, this.order()));
  }

  private attempt(request: http.IncomingMessage, body: Buffer, response: http.ServerResponse, candidates: Upstream[]): void {
    const [upstream, ...rest] = candidates;
    if (!upstream) {
      response.writeHead(502, { 'content-type': 'text/plain' }).end(`${this.name}: no replica answers`);
      return;
    }
    let answered = false;
    const outgoing = http.request({ host: '127.0.0.1', port: upstream.port, method: request.method, path: request.url, headers: { ...endToEnd(request.headers), connection: 'close' }, agent: false }, (answer) => {
      answered = true;
      upstream.requests++;
      response.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(response);
      answer.on('error', () => response.destroy());
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return response.destroy();
      // Refused: the replica is dead and never saw the request. Reset or broken before any answer
      // on a fresh connection is the replica dying under it: it may have run, so it is not sent again.
      if (error.code === 'ECONNREFUSED') return this.attempt(request, body, response, rest);
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' }).end(`${this.name}: the replica went away (${error.code ?? error.message})`);
    });
    response.on('close', () => {
      if (!response.writableFinished) outgoing.destroy();
    });
    outgoing.end(body);
  }

  /** A WebSocket (or any upgrade): the request head replayed to the next live replica, then bytes both ways until either side closes. */
  private tunnel(request: http.IncomingMessage, client: net.Socket, head: Buffer, candidates = this.order()): void {
    const [upstream, ...rest] = candidates;
    if (!upstream) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\n');
      return;
    }
    const replica = net.connect(upstream.port, '127.0.0.1');
    let connected = false;
    replica.once('connect', () => {
      connected = true;
      upstream.upgrades++;
      this.tunnels.add(replica).add(client);
      const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
      for (let i = 0; i < request.rawHeaders.length; i += 2) lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
      replica.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) replica.write(head);
      replica.pipe(client).pipe(replica);
    });
    replica.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected && NOT_REACHED.has(error.code ?? '')) return this.tunnel(request, client, head, rest);
      client.destroy();
    });
    client.on('error', () => replica.destroy());
    const forget = () => {
      this.tunnels.delete(replica);
      this.tunnels.delete(client);
    };
    replica.on('close', () => {
      forget();
      if (connected) client.destroy();
    });
    client.on('close', () => {
      forget();
      replica.destroy();
    });
  }
}
