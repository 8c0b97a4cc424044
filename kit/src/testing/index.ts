/**
 * Test support, not part of the runtime exports: import it as `@tradegraph/kit/testing` (a
 * running subgraph never loads it). Databases of their own per test file, and the table-driven
 * check of a lifecycle.
 */
export * from './databases';
export * from './transitions';
