import 'reflect-metadata';
/** kit: what every Tradegraph subgraph (and the gateway, where it fits) is built from. */
export * from './caller';
export * from './connection';
export * from './context';
export * from './database';
export * from './env';
export * from './errors';
export * from './loaders';
export * from './logger';
export * from './money';
export * from './rules';
export * from './schema';
export * from './state-machine';
export * from './subgraph';
export * from './bulk';
export * from './ids';
export * from './testing';
export * from './seeding';
