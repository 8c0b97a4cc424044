import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { agentCustomerScope, assertCustomerInScope, EventEntity, eventSubject, ResumeAfterArg, subscribeToEvents, type EventEnvelope, type SubgraphContext } from '@tradegraph/kit';
import { Order } from '../entities';
import { orderById } from '../loaders';
import { permissions } from '../permissions';
import { OrderEvent, type OrderPlacedPayload, type OrderStatusChangedPayload } from '../services/events';

const STATUS_EVENTS = new Set<string>([OrderEvent.PLACED, OrderEvent.STATUS_CHANGED]);

/** Live order status, served over graphql-ws from the event bus. */
@Resolver()
export class OrderSubscriptionResolver {
  @Subscription(() => Order, {
    description:
      'An order as it is placed and after every status change: one order (orderId), one customer\'s (customerId) or, with neither, every order the caller may see. A field agent may follow only its territory\'s customers and their orders (FORBIDDEN otherwise) and receives no event of any other.',
    subscribe: subscribeToEvents(permissions.Subscription.orderStatusChanged, EventEntity.ORDER, async (args, ctx) => {
      const orderId = (args.orderId as string | undefined) ?? null;
      const customerId = (args.customerId as string | undefined) ?? null;
      // A field agent's territory, as it is when it subscribes: following anything outside it is
      // refused, and whatever is outside it never passes the filter below.
      const scope = await agentCustomerScope(ctx);
      if (scope) {
        if (customerId) await assertCustomerInScope(ctx, customerId);
        const order = orderId ? await ctx.loaders.get(orderById).load(orderId) : null;
        if (order) await assertCustomerInScope(ctx, order.customerId, 'This order\'s customer');
      }
      return (event) => {
        if (!STATUS_EVENTS.has(event.type)) return false;
        const payload = event.payload as OrderPlacedPayload | OrderStatusChangedPayload;
        if (scope && !scope.has(payload.customerId.toLowerCase())) return false;
        return (!orderId || payload.orderId === orderId) && (!customerId || payload.customerId === customerId);
      };
    }),
  })
  async orderStatusChanged(
    @Root() event: EventEnvelope,
    @Ctx() ctx: SubgraphContext,
    @Arg('orderId', () => ID, { nullable: true }) _orderId?: string,
    @Arg('customerId', () => ID, { nullable: true }) _customerId?: string,
    @ResumeAfterArg() _after?: string,
  ): Promise<Order> {
    const order = await eventSubject(ctx, event, orderById, 'Order');
    // The territory may have changed since the subscription began (a customer reassigned).
    await assertCustomerInScope(ctx, order.customerId, 'This order\'s customer');
    return order;
  }
}
