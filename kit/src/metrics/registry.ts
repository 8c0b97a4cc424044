import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type CounterConfiguration, type GaugeConfiguration, type HistogramConfiguration } from 'prom-client';
import { envBool } from '../env';
import { logger } from '../logger';

/** Buckets (seconds) of every duration histogram unless its row in deploy/METRICS.md says otherwise. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Buckets (seconds) of SQL statements: most take well under a millisecond. */
export const SQL_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

/** Off only to measure what metrics cost (`METRICS_ENABLED=false`): no `/metrics`, no hooks. */
export function metricsEnabled(): boolean {
  return envBool('METRICS_ENABLED', true);
}

/**
 * Node's process metrics (CPU, memory, event loop, GC) describe the process, not a server: they
 * are collected once per process, into a registry of their own, and exposed by one server only,
 * under that server's `service` label: the gateway when it runs in the process, else the first
 * server started that still runs. With one server per process (containers) every server shows
 * them; with several in one process (`npm start`, the tests) they are not repeated under each
 * service, which would multiply `sum(rate(process_cpu_seconds_total))`.
 */
let processRegistry: Registry | undefined;
let processOwner: ServiceMetrics | undefined;
/** The servers of the process not closed yet, oldest first: who takes the process metrics over. */
const live = new Set<ServiceMetrics>();

function claimProcessMetrics(owner: ServiceMetrics, takeOver: boolean): void {
  if (processOwner && !takeOver) return;
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  processRegistry.setDefaultLabels({ service: owner.service });
  processOwner = owner;
}

/**
 * One server's metrics: its own prom-client registry with the default label `service`, so
 * servers sharing a process each expose only their own (deploy/METRICS.md is the contract).
 */
export class ServiceMetrics {
  readonly registry = new Registry();

  /** `processMetrics: 'take'` exposes the process metrics here even when another server of the process does so now. */
  constructor(readonly service: string, private readonly options: { processMetrics?: 'take' } = {}) {
    this.registry.setDefaultLabels({ service });
    live.add(this);
    claimProcessMetrics(this, options.processMetrics === 'take');
  }

  /** The counter `name`, made on first use: callers in several places share one. */
  counter<L extends string>(config: CounterConfiguration<L>): Counter<L> {
    return (this.registry.getSingleMetric(config.name) as Counter<L> | undefined) ?? new Counter({ ...config, registers: [this.registry] });
  }

  gauge<L extends string>(config: GaugeConfiguration<L>): Gauge<L> {
    return (this.registry.getSingleMetric(config.name) as Gauge<L> | undefined) ?? new Gauge({ ...config, registers: [this.registry] });
  }

  histogram<L extends string>(config: HistogramConfiguration<L>): Histogram<L> {
    return (this.registry.getSingleMetric(config.name) as Histogram<L> | undefined) ?? new Histogram({ buckets: DURATION_BUCKETS, ...config, registers: [this.registry] });
  }

  /** The Prometheus text exposition of this server (and of the process, when it owns those). */
  async exposition(): Promise<string> {
    const own = await this.registry.metrics();
    return processOwner === this && processRegistry ? `${own}\n${await processRegistry.metrics()}` : own;
  }

  /** `GET /metrics`: a plain node:http handler, so Express and the metrics port ({@link exposeMetrics}) share it. */
  handler(): (req: IncomingMessage, res: ServerResponse) => void {
    return (_req, res) => {
      this.exposition().then(
        (text) => res.writeHead(200, { 'content-type': this.registry.contentType, 'content-length': Buffer.byteLength(text) }).end(text),
        (error: unknown) => {
          logger.warn({ err: error, service: this.service }, 'metrics could not be collected');
          res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics could not be collected\n');
        },
      );
    };
  }

  /** Forgets this server's metrics; the process metrics pass to a server still running (a gateway first, else the oldest). */
  close(): void {
    this.registry.clear();
    live.delete(this);
    if (processOwner !== this) return;
    processOwner = undefined;
    const servers = [...live];
    const next = servers.findLast((server) => server.options.processMetrics === 'take') ?? servers[0];
    if (next) claimProcessMetrics(next, true);
  }
}

/** A server's metrics, or none when METRICS_ENABLED=false. */
export function serviceMetrics(service: string, options?: ConstructorParameters<typeof ServiceMetrics>[1]): ServiceMetrics | undefined {
  return metricsEnabled() ? new ServiceMetrics(service, options) : undefined;
}

/** The value when the label allows it, else `other` (deploy/METRICS.md: no unbounded label values). */
export function bounded(allowed: ReadonlySet<string>, value: string | undefined | null): string {
  return value != null && allowed.has(value) ? value : 'other';
}

/** Seconds since `start` (a `performance.now()`). */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}
