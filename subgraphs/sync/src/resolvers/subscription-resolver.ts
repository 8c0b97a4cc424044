import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { refreshForEvent, ResumeAfterArg, subscribeToEvents, type EventEnvelope, type SubgraphContext } from '@tradegraph/kit';
import { Connector, SyncRun, type SyncRunStatus, type SyncTrigger } from '../entities';
import { connectorById, syncRunById } from '../loaders';
import { permissions } from '../permissions';
import { CONNECTOR_ENTITY, SyncEvent, SYNC_RUN_ENTITY, type ConnectorStatusPayload, type SyncRunPayload } from '../services/events';

/**
 * The run an event describes: its status and counters as they were at that moment, over the
 * run as it is now (for the fields the event does not carry: times, entities, attempts allowed).
 */
function runOf(event: EventEnvelope, current: SyncRun | null): SyncRun {
  const p = event.payload as SyncRunPayload;
  return Object.assign(Object.create(SyncRun.prototype) as SyncRun, current ?? {}, {
    id: p.runId,
    connectorId: p.connectorId,
    status: p.status as SyncRunStatus,
    trigger: p.trigger as SyncTrigger,
    total: p.total,
    processed: p.processed,
    created: p.created,
    updated: p.updated,
    unchanged: p.unchanged,
    failed: p.failed,
    conflicts: p.conflicts,
    attempts: p.attempts,
    lastError: p.lastError,
    version: event.version,
  });
}

/** Live sync status, served over graphql-ws from the event bus. */
@Resolver()
export class SyncSubscriptionResolver {
  @Subscription(() => SyncRun, {
    description: 'A connector\'s runs as they change: every change of status, and progress at most every 500 ms per run. Fields other than the status and counters are read when the event is sent.',
    subscribe: subscribeToEvents(permissions.Subscription.syncRunUpdated, SYNC_RUN_ENTITY, (args) => {
      const connectorId = String(args.connectorId);
      return (event) => event.type === SyncEvent.RUN_UPDATED && (event.payload as SyncRunPayload).connectorId === connectorId;
    }),
  })
  async syncRunUpdated(@Root() event: EventEnvelope, @Ctx() ctx: SubgraphContext, @Arg('connectorId', () => ID) _connectorId: string, @ResumeAfterArg() _after?: string): Promise<SyncRun> {
    refreshForEvent(ctx);
    return runOf(event, await ctx.loaders.get(syncRunById).load(event.entityId));
  }

  @Subscription(() => Connector, {
    description: 'A connector\'s status as it changes (ACTIVE, PAUSED, FAILING), for one connector or all.',
    subscribe: subscribeToEvents(permissions.Subscription.connectorStatusChanged, CONNECTOR_ENTITY, (args) => {
      const connectorId = (args.connectorId as string | undefined) ?? null;
      return (event) => event.type === SyncEvent.CONNECTOR_STATUS_CHANGED && (!connectorId || event.entityId === connectorId);
    }),
  })
  async connectorStatusChanged(
    @Root() event: EventEnvelope,
    @Ctx() ctx: SubgraphContext,
    @Arg('connectorId', () => ID, { nullable: true }) _connectorId?: string,
    @ResumeAfterArg() _after?: string,
  ): Promise<Connector> {
    refreshForEvent(ctx);
    const connector = await ctx.loaders.get(connectorById).load(event.entityId);
    // The status the event reports, even if the connector moved on since.
    return Object.assign(Object.create(Connector.prototype) as Connector, connector, { status: (event.payload as ConnectorStatusPayload).to });
  }
}
