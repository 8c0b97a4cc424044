/**
 * GatewayClient against local HTTP servers on loopback standing in for the gateway: what it
 * sends, connection reuse, and each way a call fails.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GatewayCallError, GatewayClient } from '../src/gateway-client';

const servers: http.Server[] = [];

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

const client = (url: string, timeoutMs?: number) => new GatewayClient({ url, token: async () => 'service-token', timeoutMs });

async function failure(call: Promise<unknown>): Promise<GatewayCallError> {
  const error = await call.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(GatewayCallError);
  return error as GatewayCallError;
}

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('sends the operation as the service, with the request id, and reuses one connection', async () => {
  const seen: { headers: http.IncomingHttpHeaders; body: string; socket: Socket }[] = [];
  const url = await serve((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ headers: req.headers, body, socket: req.socket });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { echo: JSON.parse(body).variables.n } }));
    });
  });
  const gateway = client(url);
  expect(await gateway.request('query ($n: Int) { echo(n: $n) }', { n: 1 }, 'req-1')).toEqual({ echo: 1 });
  expect(await gateway.request('query ($n: Int) { echo(n: $n) }', { n: 2 }, 'req-2')).toEqual({ echo: 2 });
  expect(seen.map((s) => [s.headers.authorization, s.headers['x-request-id'], s.headers['content-type']])).toEqual([
    ['Bearer service-token', 'req-1', 'application/json'],
    ['Bearer service-token', 'req-2', 'application/json'],
  ]);
  expect(JSON.parse(seen[0].body)).toEqual({ query: 'query ($n: Int) { echo(n: $n) }', variables: { n: 1 } });
  expect(seen[1].socket).toBe(seen[0].socket);
});

test("the other side's error arrives with its code", async () => {
  const url = await serve((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ errors: [{ message: 'Only 2 left', extensions: { code: 'INSUFFICIENT_STOCK' } }], data: null }));
  });
  const error = await failure(client(url).request('{ x }'));
  expect([error.code, error.message]).toEqual(['INSUFFICIENT_STOCK', 'Only 2 left']);
});

test('a gateway that cannot be reached, that does not answer in time, or answers no GraphQL is UNAVAILABLE', async () => {
  const closed = await serve(() => undefined);
  const closedServer = servers.pop()!;
  await new Promise((resolve) => closedServer.close(resolve));
  const unreachable = await failure(client(closed).request('{ x }'));
  expect([unreachable.code, unreachable.message]).toEqual(['UNAVAILABLE', `the gateway at ${closed} is unreachable`]);

  const silent = await serve(() => undefined);
  const started = Date.now();
  const timedOut = await failure(client(silent, 200).request('{ x }'));
  expect([timedOut.code, timedOut.message]).toEqual(['UNAVAILABLE', `the gateway at ${silent} did not answer within 200 ms`]);
  expect(Date.now() - started).toBeLessThan(5000);

  const html = await serve((_req, res) => {
    res.statusCode = 502;
    res.end('<html>Bad gateway</html>');
  });
  const notGraphQL = await failure(client(html).request('{ x }'));
  expect([notGraphQL.code, notGraphQL.message]).toEqual(['UNAVAILABLE', 'the gateway answered HTTP 502 without a GraphQL body']);
});
