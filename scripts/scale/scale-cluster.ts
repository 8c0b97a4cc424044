import { Cluster, subgraphUrlVariable } from '../faults/cluster';
import type { ServerProcess } from '../faults/server-process';
import { SUBGRAPHS } from '../subgraphs';
import { freeStablePort } from '../../test/support/ports';
import { RoundRobinProxy } from './round-robin-proxy';

/** A service run as several replicas behind one round-robin proxy. */
export interface ReplicatedService {
  name: string;
  replicas: ServerProcess[];
  proxy: RoundRobinProxy;
  /** the replicas' own ports, in replica order */
  ports: number[];
  /** the proxy's URL: what everyone else is given for this service */
  url: string;
}

/**
 * The supergraph scaled out on loopback: the fault harness's PostgreSQL and Redis (its
 * {@link Cluster}, under .data/scale), `replicas` processes of every subgraph and of the gateway,
 * each on its own port, and one {@link RoundRobinProxy} per service in front of its replicas.
 * Gateways reach subgraphs, subgraphs call back to the gateway, and clients reach the gateway,
 * all through the proxies, as they would through Kubernetes Services.
 */
export class ScaleCluster {
  readonly base = new Cluster('scale');
  readonly subgraphs = new Map<string, ReplicatedService>();
  gateway!: ReplicatedService;

  constructor(readonly replicas = 2) {}

  async startDatabases(): Promise<void> {
    await this.base.startDatabases();
  }

  /** Every subgraph replica (all at once), then the gateways. */
  async startServers(): Promise<void> {
    const gatewayProxyPort = await this.port();
    const gatewayUrl = `http://127.0.0.1:${gatewayProxyPort}/graphql`;
    const env = this.base.serverEnv(gatewayUrl);
    const routing: Record<string, string> = {};
    for (const { definition, folder } of SUBGRAPHS) {
      const name = definition.name;
      const ports = await this.ports();
      const replicas = ports.map((port, i) => this.base.subgraphServer(`${name}-${i + 1}`, name, folder, port, env));
      const service = await this.serve(name, replicas, ports);
      routing[subgraphUrlVariable(name)] = service.url;
      this.subgraphs.set(name, service);
    }
    await Promise.all(this.all().map((server) => server.start(180_000)));
    const ports = await this.ports();
    const gateways = ports.map((port, i) => this.base.gatewayServer(`gateway-${i + 1}`, port, { ...env, ...routing }));
    this.gateway = await this.serve('gateway', gateways, ports, gatewayProxyPort);
    await Promise.all(gateways.map((server) => server.start(180_000)));
  }

  /** The direct URL (no proxy) of gateway replica `index`: for clients that must be on that one. */
  gatewayReplicaUrl(index: number): string {
    return `http://127.0.0.1:${this.gateway.ports[index]}/graphql`;
  }

  /** Every Node server process (subgraph replicas and gateways). */
  all(): ServerProcess[] {
    return [...this.subgraphs.values(), ...(this.gateway ? [this.gateway] : [])].flatMap((s) => s.replicas);
  }

  /** Stops the replicas and proxies, then the databases, each by pid. */
  async stop(): Promise<void> {
    const settle = (work: Promise<unknown>) => work.catch((error: Error) => console.error(`while stopping: ${error.message}`));
    await Promise.all(this.all().map((server) => settle(server.stop('SIGTERM', 5000))));
    const services = [...this.subgraphs.values(), ...(this.gateway ? [this.gateway] : [])];
    await Promise.all(services.map((s) => settle(s.proxy.close())));
    await this.base.stop();
  }

  private async serve(name: string, replicas: ServerProcess[], ports: number[], proxyPort?: number): Promise<ReplicatedService> {
    const proxy = new RoundRobinProxy(name, ports);
    const port = proxyPort ?? (await this.port());
    await proxy.listen(port);
    return { name, replicas, ports, proxy, url: `http://127.0.0.1:${port}/graphql` };
  }

  private port(): Promise<number> {
    return freeStablePort(this.base.ports);
  }

  private async ports(): Promise<number[]> {
    const ports: number[] = [];
    for (let i = 0; i < this.replicas; i++) ports.push(await this.port());
    return ports;
  }
}
