import type { ApolloGateway } from '@apollo/gateway';
import { bounded, OPERATION_TYPES, type ServiceMetrics } from '@tradegraph/kit';
import type { SubgraphResilience } from '../subgraph-resilience';
import type { UpstreamPool } from '../upstream';

/** Why a subgraph fetch failed (the `reason` label). */
export type FetchFailure = 'unreachable' | 'timeout' | 'http_4xx' | 'http_5xx' | 'circuit_open' | 'graphql_error';

/** What the fetch layer (SubgraphResilience, the data sources) reports; both executors fetch through it. */
export interface FetchObserver {
  /** one fetch of a plan, all its attempts, done (answered or failed) */
  fetched(subgraph: string, operationType: string, seconds: number): void;
  /** one failed attempt */
  failed(subgraph: string, reason: FetchFailure): void;
}

/** `tradegraph_gateway_subgraph_fetch_duration_seconds` and `…_fetch_errors_total`. */
export function fetchObserver(metrics: ServiceMetrics): FetchObserver {
  const duration = metrics.histogram({ name: 'tradegraph_gateway_subgraph_fetch_duration_seconds', help: 'One fetch of a query plan from a subgraph, all attempts included', labelNames: ['subgraph', 'operation_type'] });
  const errors = metrics.counter({ name: 'tradegraph_gateway_subgraph_fetch_errors_total', help: 'Subgraph fetch attempts that failed, by reason', labelNames: ['subgraph', 'reason'] });
  return {
    fetched: (subgraph, operationType, seconds) => duration.observe({ subgraph, operation_type: bounded(OPERATION_TYPES, operationType) }, seconds),
    failed: (subgraph, reason) => errors.inc({ subgraph, reason }),
  };
}

/**
 * The subgraphs' state at each scrape: `…_subgraph_up` and `…_subgraph_circuit_open` from what
 * the gateway's `/ready` reports (probes cached for a second), and the shared upstream
 * subscriptions per subgraph. Subgraph names come from the supergraph, a fixed set.
 */
export function subgraphGauges(metrics: ServiceMetrics, resilience: SubgraphResilience, upstream: UpstreamPool): void {
  metrics.gauge({
    name: 'tradegraph_gateway_subgraph_up',
    help: "1 when the subgraph's /ready answered 200 at the last probe, else 0",
    labelNames: ['subgraph'],
    async collect() {
      const { subgraphs } = await resilience.ready();
      for (const [subgraph, health] of Object.entries(subgraphs)) this.set({ subgraph }, health === 'up' ? 1 : 0);
    },
  });
  metrics.gauge({
    name: 'tradegraph_gateway_subgraph_circuit_open',
    help: "1 while the subgraph's circuit breaker is open (fails fast)",
    labelNames: ['subgraph'],
    async collect() {
      const { subgraphs } = await resilience.ready();
      for (const [subgraph, health] of Object.entries(subgraphs)) this.set({ subgraph }, health === 'open' ? 1 : 0);
    },
  });
  metrics.gauge({
    name: 'tradegraph_gateway_upstream_subscriptions_open',
    help: 'Shared upstream subscriptions open to subgraphs',
    labelNames: ['subgraph'],
    collect() {
      const byUrl = upstream.openByUrl();
      for (const [subgraph, url] of resilience.subgraphUrls()) this.set({ subgraph }, byUrl.get(url) ?? 0);
    },
  });
}

/**
 * `tradegraph_gateway_query_plan_cache_total`: @apollo/gateway keeps its plan cache in a
 * private `queryPlanStore` (made once in its constructor, only cleared afterwards) that both
 * executors read with `get`; its lookups are counted by wrapping that one method.
 */
export function countQueryPlanLookups(metrics: ServiceMetrics, gateway: ApolloGateway): void {
  const lookups = metrics.counter({ name: 'tradegraph_gateway_query_plan_cache_total', help: 'Query-plan cache lookups', labelNames: ['result'] });
  const store = (gateway as unknown as { queryPlanStore?: { get(key: string): Promise<unknown> } }).queryPlanStore;
  if (!store) return;
  const get = store.get.bind(store);
  const hit = lookups.labels('hit');
  const miss = lookups.labels('miss');
  store.get = async (key) => {
    const plan = await get(key);
    (plan === undefined ? miss : hit).inc();
    return plan;
  };
}
