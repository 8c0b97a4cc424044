/** The Tradegraph gateway: Apollo's query planner with authentication, limits and signed caller context. */
export * from './auth';
export * from './composition';
export * from './config';
export * from './errors';
export * from './limits';
export * from './realtime';
export * from './server';
export * from './subscriptions';
export * from './upstream';
export * from './supergraph-file';
export * from './variables';
