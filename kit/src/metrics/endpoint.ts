import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { ConfigError, envOptional } from '../env';
import type { ServiceMetrics } from './registry';

/**
 * `METRICS_PORT`: when set, `/metrics` is served only on that port, so a deployment can keep it
 * off the port clients reach (the gateway's is public, and each scrape of a subgraph counts its
 * outbox). Unset: on the server's own port, as in development.
 */
export function metricsPortFromEnv(): number | undefined {
  const value = envOptional('METRICS_PORT');
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`METRICS_PORT must be a port number, got "${value}"`);
  return port;
}

/** Where a server's `/metrics` is served: the port it listens on (0 = a free one, tests), else none. */
export interface MetricsEndpoint {
  port: number | undefined;
  close(): Promise<void>;
}

/**
 * Serves `GET /metrics` either on `app` (no `port`) or on a listener of its own at `port` on
 * `host`, which answers nothing else (404).
 */
export async function exposeMetrics(metrics: ServiceMetrics, app: Express, where: { port?: number; host?: string }): Promise<MetricsEndpoint> {
  if (where.port === undefined) {
    app.get('/metrics', metrics.handler());
    return { port: undefined, close: async () => undefined };
  }
  const serve = metrics.handler();
  const server = http.createServer((req, res) => {
    // Compared, not parsed: `new URL` throws on request targets Node's parser lets through
    // (`GET http://a:99999/metrics`), which would end the process.
    if (req.method !== 'GET' || (req.url ?? '/').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    serve(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where.port, where.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
