import fs from 'node:fs';
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

/**
 * Like {@link freePort}, but below the kernel's ephemeral range (ip_local_port_range), where
 * neither `listen(0)` elsewhere nor outgoing connections pick ports: for a server that is told
 * its port long before it listens (a harness starting many processes at once), so that nobody
 * else takes the port meanwhile.
 */
export async function freeStablePort(taken: Set<number> = new Set()): Promise<number> {
  const ephemeralFrom = ephemeralRangeStart();
  const from = Math.max(10_000, ephemeralFrom - 12_000);
  for (;;) {
    const port = from + Math.floor(Math.random() * (ephemeralFrom - from));
    if (port === 5432 || port === 6379 || taken.has(port) || !(await canListen(port))) continue;
    taken.add(port);
    return port;
  }
}

function ephemeralRangeStart(): number {
  try {
    const low = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 11_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
