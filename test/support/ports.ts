import net from 'node:net';

/**
 * A loopback port nobody listens on now, for a server a test or script starts itself: never the
 * machine's own PostgreSQL (5432) or Redis (6379), nor one already in `taken` (it is added).
 */
export async function freePort(taken: Set<number> = new Set()): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port: chosen } = server.address() as net.AddressInfo;
        server.close(() => resolve(chosen));
      });
    });
    if (port !== 5432 && port !== 6379 && !taken.has(port)) {
      taken.add(port);
      return port;
    }
  }
}
