import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from './caller';
import type { Database } from './database';
import type { EventBus } from './events/bus';
import type { OutboxRelay } from './events/relay';
import type { GatewayClient } from './gateway-client';
import { LoaderRegistry } from './loaders';
import type { Logger } from './logger';
import type { ServiceMetrics } from './metrics/registry';

/** What every resolver of every subgraph receives as its context. */
export interface SubgraphContext {
  /** who is calling, verified from the gateway's signature */
  caller: Caller;
  /** the id that follows this request through the gateway and every subgraph */
  requestId: string;
  /** this request's own EntityManager fork: its identity map dies with the request */
  em: EntityManager;
  /** this request's DataLoaders */
  loaders: LoaderRegistry<SubgraphContext>;
  log: Logger;
  /** the subgraph's long-lived parts (bus, relay, gateway client, settings) */
  runtime: SubgraphRuntime;
}

/** What a running subgraph holds for its whole life, shared by every request. */
export interface SubgraphRuntime {
  name: string;
  database: Database;
  bus: EventBus;
  /** publishes the outbox; present when the subgraph has the OutboxEvent entity */
  relay?: OutboxRelay;
  /** calls to other subgraphs through the gateway; present when GATEWAY_URL is configured */
  gateway?: GatewayClient;
  /** the subgraph's own settings (TTLs, rates …), typed by the subgraph */
  settings: Record<string, unknown>;
  /** this server's metrics registry (`/metrics`); absent when METRICS_ENABLED=false */
  metrics?: ServiceMetrics;
}

/**
 * Gives a long-lived context (a subscription's) a fresh EntityManager and fresh DataLoaders,
 * so each event is resolved against current data and nothing accumulates between events.
 */
export function refreshForEvent(context: SubgraphContext): SubgraphContext {
  context.em = context.runtime.database.orm.em.fork();
  context.loaders = new LoaderRegistry(() => context);
  return context;
}
