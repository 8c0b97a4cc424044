import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { badInput, eventSubject, forbidden, ResumeAfterArg, subscribeToEvents, type EventEnvelope, type SubgraphContext } from '@tradegraph/kit';
import { FieldAgent, Visit } from '../entities';
import { visibleVisitById } from '../loaders';
import { permissions } from '../permissions';
import { canSeeAgent, canSeeVisit, resolveAccess, supervises } from '../services/access';
import { VISIT_ENTITY, type VisitEventPayload } from '../services/events';

/** Live visits, served over graphql-ws from the event bus. */
@Resolver()
export class VisitSubscriptionResolver {
  @Subscription(() => Visit, {
    description:
      'A visit as it is planned and after every status change, for one agent or one territory. Agents may follow themselves, managers their territories.',
    subscribe: subscribeToEvents(permissions.Subscription.visitUpdated, VISIT_ENTITY, async (args, ctx) => {
      const agentId = (args.agentId as string | undefined) ?? null;
      const territoryId = (args.territoryId as string | undefined) ?? null;
      if (!agentId && !territoryId) throw badInput('agentId', 'give agentId or territoryId');
      // Who may see what is decided once, when the subscription starts, and then applied to
      // every event: events the caller may not see are never resolved.
      const access = await resolveAccess(ctx.em, ctx.caller);
      if (agentId) {
        const agent = await ctx.em.findOne(FieldAgent, { id: agentId });
        if (!agent || !canSeeAgent(access, agent)) throw forbidden('You may not follow this agent');
      }
      if (territoryId && !supervises(access, territoryId)) throw forbidden('You may not follow this territory');
      return (event) => {
        const payload = event.payload as VisitEventPayload;
        return (!agentId || payload.agentId === agentId) && (!territoryId || payload.territoryId === territoryId) && canSeeVisit(access, payload);
      };
    }),
  })
  visitUpdated(
    @Root() event: EventEnvelope,
    @Ctx() ctx: SubgraphContext,
    @Arg('agentId', () => ID, { nullable: true }) _agentId?: string,
    @Arg('territoryId', () => ID, { nullable: true }) _territoryId?: string,
    @ResumeAfterArg() _after?: string,
  ): Promise<Visit> {
    return eventSubject(ctx, event, visibleVisitById, 'Visit');
  }
}
