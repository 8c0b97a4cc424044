/** The gateway's metrics (deploy/METRICS.md, "Gateway"); the registry and `/metrics` are kit's. */
export { clientKindOf, operationNamesOf } from './labels';
export { GatewayRequestMetrics } from './requests';
export { countQueryPlanLookups, fetchObserver, subgraphGauges, type FetchFailure, type FetchObserver } from './subgraphs';
export { SubscriptionMetrics, type Transport } from './subscriptions';
