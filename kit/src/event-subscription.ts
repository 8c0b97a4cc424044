import { createSourceEventStream, execute, GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { Arg, type SubscribeResolverData } from 'type-graphql';
import { refreshForEvent, type SubgraphContext } from './context';
import { notFound } from './errors';
import { cursorOf, eventStream } from './event-stream';
import type { EventEnvelope } from './events/outbox';
import type { LoaderFactory } from './loaders';
import { assertAllowed, type RoleRule } from './rules';
import { inEventSpan } from './tracing/events';
import { SERVER_ATTRIBUTE } from './tracing/server-attribute';

/** Which events of a stream reach one subscriber. */
export type EventFilter = (event: EventEnvelope) => boolean;

/** A subscription's arguments as `subscribe` receives them (not yet converted by type-graphql). */
export type SubscriptionArgs = Record<string, unknown>;

/** The argument every Subscription field takes, named and described once. */
export const RESUME_ARGUMENT = 'after';

/**
 * `after: String`, the resume argument of every Subscription field: put it last in the
 * field's resolver (`@ResumeAfterArg() _after?: string`); {@link subscribeToEvents} reads it.
 */
export function ResumeAfterArg(): ReturnType<typeof Arg> {
  return Arg(RESUME_ARGUMENT, () => String, {
    nullable: true,
    description:
      'Resume after this cursor (an earlier event\'s `extensions.cursor`): the events since then that are still retained, then live ones. CURSOR_EXPIRED when it is no longer retained.',
  });
}

/**
 * The `subscribe` of a Subscription field served from the event bus. The field's rule is
 * checked first, by `assertAllowed` (graphql-shield guards only the per-event resolver); then
 * `filterFor` reads the arguments, may refuse them or check more (asynchronously), and returns
 * which events about `entity` pass. The stream starts behind the `after` argument when given
 * ({@link ResumeAfterArg}); each event's cursor reaches its result through {@link subscribeWithCursors}.
 */
export function subscribeToEvents(
  rule: RoleRule,
  entity: string,
  filterFor: (args: SubscriptionArgs, ctx: SubgraphContext) => EventFilter | Promise<EventFilter>,
): (resolverData: SubscribeResolverData<unknown, SubscriptionArgs, unknown>) => Promise<AsyncIterableIterator<EventEnvelope>> {
  return async ({ args, context }) => {
    const ctx = context as SubgraphContext;
    assertAllowed(ctx, rule);
    const filter = await filterFor(args, ctx);
    const after = args[RESUME_ARGUMENT];
    return eventStream(ctx.runtime.bus, entity, filter, { after: typeof after === 'string' ? after : undefined });
  };
}

/**
 * graphql-js's `subscribe`, with each result carrying `extensions.cursor`: the cursor of the
 * event it was made from. graphql-js hides which source event a result came from, so this maps
 * the source stream itself, one event at a time, in order, as graphql-js does.
 */
export async function subscribeWithCursors(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const events = source[Symbol.asyncIterator]();
  let ended = false;
  const results: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      if (ended) return { done: true, value: undefined };
      let step: IteratorResult<unknown>;
      try {
        step = await events.next();
      } catch (error) {
        // A stream that ends with an error for the client (SUBSCRIBER_TOO_SLOW) ends with it as its last result.
        if (!(error instanceof GraphQLError)) throw error;
        ended = true;
        return { done: false, value: { errors: [error] } };
      }
      if (step.done) return { done: true, value: undefined };
      let result: ExecutionResult;
      try {
        const event = step.value as EventEnvelope;
        result = await inEventSpan('event.deliver', event, { [SERVER_ATTRIBUTE]: (args.contextValue as SubgraphContext).runtime.name }, async () => execute({ ...args, rootValue: event }));
      } catch (error) {
        await events.return?.();
        throw error;
      }
      const cursor = cursorOf(step.value as EventEnvelope);
      return { done: false, value: cursor === undefined ? result : { ...result, extensions: { ...result.extensions, cursor } } };
    },
    async return() {
      await events.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => results,
  };
  return results;
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
