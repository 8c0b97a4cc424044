import type { SubscribeResolverData } from 'type-graphql';
import { refreshForEvent, type SubgraphContext } from './context';
import { notFound } from './errors';
import { eventStream } from './event-stream';
import type { EventEnvelope } from './events/outbox';
import type { LoaderFactory } from './loaders';
import { assertAllowed, type RoleRule } from './rules';

/** Which events of a stream reach one subscriber. */
export type EventFilter = (event: EventEnvelope) => boolean;

/** A subscription's arguments as `subscribe` receives them (not yet converted by type-graphql). */
export type SubscriptionArgs = Record<string, unknown>;

/**
 * The `subscribe` of a Subscription field served from the event bus. The field's rule is
 * checked first, by `assertAllowed` (graphql-shield guards only the per-event resolver); then
 * `filterFor` reads the arguments, may refuse them or check more (asynchronously), and returns
 * which events about `entity` pass. A synchronous `filterFor` keeps `subscribe` synchronous.
 */
export function subscribeToEvents(
  rule: RoleRule,
  entity: string,
  filterFor: (args: SubscriptionArgs, ctx: SubgraphContext) => EventFilter | Promise<EventFilter>,
): (resolverData: SubscribeResolverData<unknown, SubscriptionArgs, unknown>) => AsyncIterableIterator<EventEnvelope> | Promise<AsyncIterableIterator<EventEnvelope>> {
  return ({ args, context }) => {
    const ctx = context as SubgraphContext;
    assertAllowed(ctx, rule);
    const filter = filterFor(args, ctx);
    return filter instanceof Promise ? filter.then((passes) => eventStream(ctx.runtime.bus, entity, passes)) : eventStream(ctx.runtime.bus, entity, filter);
  };
}

/**
 * The entity an event is about, read as it is now, for the per-event resolver of a subscription:
 * the long-lived context gets a fresh EntityManager and loaders first (see refreshForEvent), so
 * each event sees current data, and the read goes through `byId`, so a rule the loader applies
 * holds for every event.
 * @throws DomainError NOT_FOUND naming `typeName` when it is gone or no longer visible
 */
export async function eventSubject<T>(ctx: SubgraphContext, event: EventEnvelope, byId: LoaderFactory<SubgraphContext, string, T | null>, typeName: string): Promise<T> {
  refreshForEvent(ctx);
  const subject = await ctx.loaders.get(byId).load(event.entityId);
  if (!subject) throw notFound(typeName, event.entityId);
  return subject;
}
