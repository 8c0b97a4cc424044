/**
 * The benchmarks' client side of a GraphQL POST: keep-alive sockets and node:http, so that a
 * load generator sharing the cores with the servers it measures costs them as little as it can
 * (fetch reads every answer through web streams).
 */
import http from 'node:http';

export interface KeepAlivePoster {
  /** POSTs a JSON body with the bearer token; resolves with the status and the whole answer as text */
  post(body: string): Promise<{ status: number; text: string }>;
  close(): void;
}

export function keepAlivePoster(url: string, token: string, maxSockets: number): KeepAlivePoster {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const post = (body: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) };
      const request = http.request(url, { agent, method: 'POST', headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.once('error', reject);
      });
      request.once('error', reject);
      request.end(body);
    });
  return { post, close: () => agent.destroy() };
}
