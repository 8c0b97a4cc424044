import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import type express from 'express';
import type { SubgraphRuntime } from './context';
import type { BackgroundJob } from './periodic';
import { buildFederatedSchema, type BuiltSchema, type SchemaDefinition } from './schema';

/** Everything that makes one subgraph: its schema parts, its tables and its migrations. */
export interface SubgraphDefinition extends SchemaDefinition {
  /** the subgraph's name in supergraph.yaml; also its PostgreSQL schema (dashes become underscores) */
  name: string;
  /** MikroORM entities */
  entities: EntityClass<unknown>[];
  /** migrations in the order they apply */
  migrations: MigrationObject[];
  /** jobs that run while the subgraph runs (expiry sweeps …); stopped with it */
  background?: (runtime: SubgraphRuntime) => BackgroundJob[];
  /**
   * Extra HTTP routes on the subgraph's own server (webhooks …), mounted before `/graphql`.
   * They are not behind the gateway's caller signature: each route authenticates its callers
   * itself, and parses its own bodies (a webhook's signature is over the raw body).
   */
  routes?: (runtime: SubgraphRuntime) => express.Router | express.Express;
  /**
   * Scopes the subgraph's SERVICE token carries on its calls through the gateway, beyond the
   * role (sync needs `customers:pii`: it moves customers' contact data between systems).
   */
  serviceScopes?: string[];
}

/** The PostgreSQL schema a subgraph keeps its tables in. */
export function schemaNameOf(definition: Pick<SubgraphDefinition, 'name'>): string {
  return definition.name.replace(/-/g, '_');
}

const schemaCache = new WeakMap<SubgraphDefinition, Promise<BuiltSchema>>();

/** Builds (once per definition) the subgraph's schema and SDL; needs no database. */
export function subgraphSchema(definition: SubgraphDefinition): Promise<BuiltSchema> {
  let built = schemaCache.get(definition);
  if (!built) {
    built = buildFederatedSchema(definition);
    schemaCache.set(definition, built);
  }
  return built;
}
