import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { agentCustomerScope, assertCustomerInScope, hasRole, isTerritoryScoped, Money, Role, PageArgs, toMoney, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import { Customer, Order, OrderLine, OrderStatusChange, PaymentTransaction, Product, Shipment } from '../entities';
import { OrderFilter, OrderSort, PaymentInput, PlaceOrderInput, RefundOrderInput } from '../inputs/order-inputs';
import { linesByOrder, orderById, shipmentsByOrder, statusHistoryByOrder, transactionsByOrder, visibleOrder } from '../loaders';
import { agentIdForSubject } from '../services/agents';
import { OrderService } from '../services/orders';
import { OrderPlacementService } from '../services/placement';
import { paidMinor } from '../services/totals';
import { orderSettingsOf } from '../settings';
import { OrderConnection } from './types';

const service = (ctx: SubgraphContext) => new OrderService(ctx.em, ctx.caller.subject, ctx.runtime.gateway, ctx.requestId);

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => Order, { nullable: true, description: 'One order; null when unknown or not visible to the caller (a field agent sees its territory\'s customers\' orders only).' })
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Order | null> {
    return visibleOrder(ctx, await ctx.loaders.get(orderById).load(id));
  }

  @Query(() => Order, { nullable: true, description: 'One order by its number, e.g. "SO-000123"; null when unknown or not visible to the caller.' })
  async orderByNumber(@Arg('number') number: string, @Ctx() ctx: SubgraphContext): Promise<Order | null> {
    return visibleOrder(ctx, await ctx.em.findOne(Order, { number }));
  }

  @Query(() => OrderConnection, { description: 'Orders matching the filter that the caller may see, newest first unless sorted otherwise.' })
  async orders(
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | undefined,
    @Arg('sort', () => OrderSort, { defaultValue: OrderSort.NEWEST }) sort: OrderSort = OrderSort.NEWEST,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ConnectionPage<Order>> {
    // A field agent's page is narrowed in the query itself (`customer_id in (…)` of its territory).
    return service(ctx).search(filter, sort, page, await agentCustomerScope(ctx));
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'Null, with FORBIDDEN, when the caller may not see the customer.' })
  customer(@Root() order: Order): Customer {
    return { id: order.customerId };
  }

  @FieldResolver(() => [OrderLine])
  lines(@Root() order: Order, @Ctx() ctx: SubgraphContext): Promise<OrderLine[]> {
    return ctx.loaders.get(linesByOrder).load(order.id);
  }

  @FieldResolver(() => [OrderStatusChange], { description: 'Every status move, oldest first.' })
  statusHistory(@Root() order: Order, @Ctx() ctx: SubgraphContext): Promise<OrderStatusChange[]> {
    return ctx.loaders.get(statusHistoryByOrder).load(order.id);
  }

  @FieldResolver(() => [Shipment], { description: 'The shipments that fulfil the order, oldest first; completeOrder records what it ships as the last.' })
  shipments(@Root() order: Order, @Ctx() ctx: SubgraphContext): Promise<Shipment[]> {
    return ctx.loaders.get(shipmentsByOrder).load(order.id);
  }

  @FieldResolver(() => [PaymentTransaction], { description: 'The payment trail, oldest first (append-only).' })
  transactions(@Root() order: Order, @Ctx() ctx: SubgraphContext): Promise<PaymentTransaction[]> {
    return ctx.loaders.get(transactionsByOrder).load(order.id);
  }

  @FieldResolver(() => Money, { description: 'Every FORWARD transaction minus every REVERSE one.' })
  async paid(@Root() order: Order, @Ctx() ctx: SubgraphContext): Promise<Money> {
    return toMoney(paidMinor(await ctx.loaders.get(transactionsByOrder).load(order.id)), order.currency);
  }

  @FieldResolver(() => Money, { description: 'Total minus paid.' })
  async balanceDue(@Root() order: Order, @Ctx() ctx: SubgraphContext): Promise<Money> {
    return toMoney(order.totalMinor - paidMinor(await ctx.loaders.get(transactionsByOrder).load(order.id)), order.currency);
  }

  @Mutation(() => Order, {
    description:
      'Places an order: prices from the catalog for the customer, stock reserved in inventory, all or nothing. The same idempotencyKey always returns the same order. CREDIT_LIMIT_EXCEEDED when it would take the customer past its credit limit (unless a MANAGER or ADMIN sends creditOverride).',
  })
  async placeOrder(
    @Arg('input', () => PlaceOrderInput) input: PlaceOrderInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Order> {
    // Staff may record any agent as the placer; a field agent orders for its territory's
    // customers only and is always recorded as itself (its record found by the token's
    // subject), whatever placedById it sends.
    let agentId: string | null = null;
    if (isTerritoryScoped(ctx.caller)) {
      // refused before anything is claimed or reserved
      await assertCustomerInScope(ctx, input.customerId, 'The customer (input.customerId)');
      agentId = ctx.caller.subject ? await agentIdForSubject(ctx.runtime.gateway, ctx.caller.subject, ctx.requestId) : null;
      input.placedById = agentId;
    }
    return new OrderPlacementService(ctx.em, ctx.runtime.gateway, orderSettingsOf(ctx.runtime.settings), ctx.requestId).place(input, idempotencyKey, { subject: ctx.caller.subject, agentId, mayOverrideCredit: hasRole(ctx.caller, Role.MANAGER, Role.ADMIN) });
  }

  @Mutation(() => Order, { description: 'PENDING → PROCESSING.' })
  startProcessingOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Order> {
    return service(ctx).startProcessing(id);
  }

  @Mutation(() => Order, { description: 'PROCESSING → COMPLETED; what has not shipped yet ships as the last shipment (one per warehouse it leaves from).' })
  completeOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Order> {
    return service(ctx).complete(id);
  }

  @Mutation(() => Order, { description: 'PENDING or PROCESSING → CANCELLED; the reserved stock not shipped yet is released (shipments stay as they are).' })
  cancelOrder(@Arg('id', () => ID) id: string, @Arg('reason', () => String, { nullable: true }) reason: string | null, @Ctx() ctx: SubgraphContext): Promise<Order> {
    return service(ctx).cancel(id, reason ?? null);
  }

  @Mutation(() => Order, { description: 'COMPLETED → REFUNDED: a REVERSE transaction and, when asked, the goods back on hand.' })
  refundOrder(@Arg('id', () => ID) id: string, @Arg('input', () => RefundOrderInput) input: RefundOrderInput, @Ctx() ctx: SubgraphContext): Promise<Order> {
    return service(ctx).refund(id, input);
  }

  @Mutation(() => Order, { description: 'Records money received (a FORWARD transaction).' })
  recordPayment(@Arg('orderId', () => ID) orderId: string, @Arg('input', () => PaymentInput) input: PaymentInput, @Ctx() ctx: SubgraphContext): Promise<Order> {
    return service(ctx).recordPayment(orderId, input);
  }

  @Mutation(() => Order, { description: 'Gives money back without changing the status (a REVERSE transaction).' })
  reversePayment(@Arg('orderId', () => ID) orderId: string, @Arg('input', () => PaymentInput) input: PaymentInput, @Ctx() ctx: SubgraphContext): Promise<Order> {
    return service(ctx).reversePayment(orderId, input);
  }
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => Product, { nullable: true, description: 'Null, with FORBIDDEN, when the caller may not see the product (no longer published, for a catalog reader who sees published products only); the line keeps its sku and name.' })
  product(@Root() line: OrderLine): Product {
    return { id: line.productId };
  }
}
