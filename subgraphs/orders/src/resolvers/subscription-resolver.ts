import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { agentCustomerScope, assertCustomerInScope, EventEntity, eventSubject, ResumeAfterArg, subscribeToEvents, type EventEnvelope, type EventFilter, type SubgraphContext, type SubscriptionArgs } from '@tradegraph/kit';
import { Order, Shipment } from '../entities';
import { orderById, shipmentById } from '../loaders';
import { permissions } from '../permissions';
import { OrderEvent, ShipmentEvent, type ShipmentPayload } from '../services/events';

const STATUS_EVENTS = new Set<string>([OrderEvent.PLACED, OrderEvent.STATUS_CHANGED]);
const SHIPMENT_EVENTS = new Set<string>([ShipmentEvent.CREATED, ShipmentEvent.DELIVERED]);
/** the stream shipment events are on (recordShipmentEvent) */
const SHIPMENT_ENTITY = 'Shipment';

/**
 * Which of a stream's events one subscriber gets, by the order and customer asked for and, for a
 * field agent, its territory as it is when it subscribes: following anything outside it is
 * refused, and whatever is outside it never passes.
 */
async function orderEventFilter(args: SubscriptionArgs, ctx: SubgraphContext, types: ReadonlySet<string>): Promise<EventFilter> {
  const orderId = (args.orderId as string | undefined) ?? null;
  const customerId = (args.customerId as string | undefined) ?? null;
  const scope = await agentCustomerScope(ctx);
  if (scope) {
    if (customerId) await assertCustomerInScope(ctx, customerId);
    const order = orderId ? await ctx.loaders.get(orderById).load(orderId) : null;
    if (order) await assertCustomerInScope(ctx, order.customerId, 'This order\'s customer');
  }
  return (event) => {
    if (!types.has(event.type)) return false;
    const payload = event.payload as { orderId: string; customerId: string };
    if (scope && !scope.has(payload.customerId.toLowerCase())) return false;
    return (!orderId || payload.orderId === orderId) && (!customerId || payload.customerId === customerId);
  };
}

/** Live order status and shipments, served over graphql-ws from the event bus. */
@Resolver()
export class OrderSubscriptionResolver {
  @Subscription(() => Order, {
    description:
      'An order as it is placed and after every status change: one order (orderId), one customer\'s (customerId) or, with neither, every order the caller may see. A field agent may follow only its territory\'s customers and their orders (FORBIDDEN otherwise) and receives no event of any other.',
    subscribe: subscribeToEvents(permissions.Subscription.orderStatusChanged, EventEntity.ORDER, (args, ctx) => orderEventFilter(args, ctx, STATUS_EVENTS)),
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

  @Subscription(() => Shipment, {
    description:
      'A shipment as it leaves (createShipment, or completeOrder shipping the rest) and again when it is delivered: one order\'s (orderId), one customer\'s (customerId) or, with neither, every shipment the caller may see. A field agent may follow only its territory\'s customers (FORBIDDEN otherwise) and receives no event of any other.',
    subscribe: subscribeToEvents(permissions.Subscription.shipmentUpdated, SHIPMENT_ENTITY, (args, ctx) => orderEventFilter(args, ctx, SHIPMENT_EVENTS)),
  })
  async shipmentUpdated(
    @Root() event: EventEnvelope,
    @Ctx() ctx: SubgraphContext,
    @Arg('orderId', () => ID, { nullable: true }) _orderId?: string,
    @Arg('customerId', () => ID, { nullable: true }) _customerId?: string,
    @ResumeAfterArg() _after?: string,
  ): Promise<Shipment> {
    const shipment = await eventSubject(ctx, event, shipmentById, 'Shipment');
    await assertCustomerInScope(ctx, (event.payload as ShipmentPayload).customerId, 'This shipment\'s customer');
    return shipment;
  }
}
