export * from './registry';
export * from './database';
export * from './subgraph-graphql';
export * from './outbox';
export { domainCounters } from './domain';
export * from './subgraph';
export * from './endpoint';
