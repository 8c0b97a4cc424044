import { bounded, logger, type ServiceMetrics, type SubgraphRuntime } from '@tradegraph/kit';
import { ConnectorStatus, ExternalSystem, SyncTrigger, type Connector, type SyncRun } from '../entities';
import { ensureQueue, WORKER_SCHEMA } from './queue';

const SYSTEMS = new Set<string>(Object.values(ExternalSystem));
const TRIGGERS = new Set<string>(Object.values(SyncTrigger).map((t) => t.toLowerCase()));
const STATUSES = new Set(['succeeded', 'partially_succeeded', 'failed', 'cancelled']);
const CONNECTOR_STATUSES = Object.values(ConnectorStatus);
const QUEUE_STATES = ['waiting', 'scheduled', 'running'] as const;

/** How a webhook delivery was answered (the `outcome` label). */
export type WebhookOutcome = 'accepted' | 'duplicate' | 'bad_signature' | 'replay' | 'unknown_connector' | 'error';

type RunLabels = { system: string; direction: string };

function runLabels(connector: Pick<Connector, 'system'>, run: Pick<SyncRun, 'outbound'>): RunLabels {
  return { system: bounded(SYSTEMS, connector.system), direction: run.outbound ? 'outbound' : 'inbound' };
}

/**
 * The sync subgraph's metrics (deploy/METRICS.md, "sync"): runs and records as the runner
 * finishes them, webhook receipts as they are answered, and, at each scrape, the job queue and
 * the connectors read from PostgreSQL (the same on every replica: dashboards take `max`).
 */
export class SyncMetrics {
  private readonly runs;
  private readonly running;
  private readonly duration;
  private readonly attemptFailures;
  private readonly deadLettered;
  private readonly records;
  private readonly webhooks;

  constructor(metrics: ServiceMetrics, runtime: SubgraphRuntime) {
    this.runs = metrics.counter({ name: 'tradegraph_sync_runs_total', help: 'Sync runs that finished, by final status', labelNames: ['system', 'direction', 'trigger', 'status'] });
    this.running = metrics.gauge({ name: 'tradegraph_sync_runs_running', help: 'Runs RUNNING now on this replica', labelNames: ['system', 'direction'] });
    this.duration = metrics.histogram({ name: 'tradegraph_sync_run_duration_seconds', help: 'A finished run, start to end', labelNames: ['system', 'direction'], buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600] });
    this.attemptFailures = metrics.counter({ name: 'tradegraph_sync_run_attempt_failures_total', help: 'Attempts of a run that failed and were retried or dead-lettered', labelNames: ['system', 'direction'] });
    this.deadLettered = metrics.counter({ name: 'tradegraph_sync_dead_lettered_runs_total', help: 'Runs FAILED for good (the dead letter; retrySyncRun queues one again)', labelNames: ['system', 'direction'] });
    this.records = metrics.counter({ name: 'tradegraph_sync_records_total', help: 'Records applied (inbound) or pushed (outbound), by outcome', labelNames: ['system', 'direction', 'outcome'] });
    this.webhooks = metrics.counter({ name: 'tradegraph_sync_webhooks_total', help: 'Webhook deliveries received, by outcome', labelNames: ['system', 'outcome'] });
    const em = () => runtime.database.orm.em.fork().getConnection();
    metrics.gauge({
      name: 'tradegraph_sync_queue_jobs',
      help: 'graphile-worker jobs of the sync queues (whole queue: take max across replicas)',
      labelNames: ['queue_state'],
      async collect() {
        try {
          await ensureQueue(runtime);
          const [row] = await em().execute<Record<(typeof QUEUE_STATES)[number], number>[]>(
            `select count(*) filter (where locked_at is null and run_at <= now())::int as waiting,
                    count(*) filter (where locked_at is null and run_at > now())::int as scheduled,
                    count(*) filter (where locked_at is not null)::int as running
               from ${WORKER_SCHEMA}.jobs where attempts < max_attempts or locked_at is not null`,
          );
          for (const state of QUEUE_STATES) this.set({ queue_state: state }, row?.[state] ?? 0);
        } catch (error) {
          logger.debug({ err: error }, 'sync queue depth could not be read');
        }
      },
    });
    metrics.gauge({
      name: 'tradegraph_sync_connectors',
      help: 'Connectors by status (take max across replicas)',
      labelNames: ['system', 'connector_status'],
      async collect() {
        try {
          const rows = await em().execute<{ system: string; status: string; n: number }[]>('select system, status, count(*)::int as n from sync.connector group by system, status');
          for (const system of SYSTEMS) for (const status of CONNECTOR_STATUSES) this.set({ system, connector_status: status }, rows.find((r) => r.system === system && r.status === status)?.n ?? 0);
        } catch (error) {
          logger.debug({ err: error }, 'connector counts could not be read');
        }
      },
    });
  }

  /** A run became RUNNING on this replica; call the returned function when its attempt is over. */
  started(connector: Connector, run: SyncRun): () => void {
    const labels = runLabels(connector, run);
    this.running.inc(labels);
    return () => this.running.dec(labels);
  }

  /** An attempt failed (retried after a backoff, or the run is dead-lettered next). */
  attemptFailed(connector: Connector, run: SyncRun): void {
    this.attemptFailures.inc(runLabels(connector, run));
  }

  /** The run reached its final status (`run.status`) with these record counts. */
  finished(connector: Connector, run: SyncRun): void {
    const labels = runLabels(connector, run);
    const status = bounded(STATUSES, run.status.toLowerCase());
    this.runs.inc({ ...labels, trigger: bounded(TRIGGERS, run.trigger?.toLowerCase()), status });
    if (run.startedAt && run.finishedAt) this.duration.observe(labels, (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000);
    if (status === 'failed') this.deadLettered.inc(labels);
    const counts: [string, number][] = [['created', run.created], ['updated', run.updated], ['unchanged', run.unchanged], ['failed', run.failed], ['conflict', run.conflicts]];
    for (const [outcome, n] of counts) if (n > 0) this.records.inc({ ...labels, outcome }, n);
  }

  webhook(system: string | undefined, outcome: WebhookOutcome): void {
    this.webhooks.inc({ system: bounded(SYSTEMS, system), outcome });
  }
}

const byRuntime = new WeakMap<SubgraphRuntime, SyncMetrics>();

/** The sync metrics of this server (made on first use), or none when METRICS_ENABLED=false. */
export function syncMetrics(runtime: SubgraphRuntime): SyncMetrics | undefined {
  if (!runtime.metrics) return undefined;
  let metrics = byRuntime.get(runtime);
  if (!metrics) byRuntime.set(runtime, (metrics = new SyncMetrics(runtime.metrics, runtime)));
  return metrics;
}
