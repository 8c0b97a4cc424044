import { LockMode } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  badInput,
  type ConnectionPage,
  DomainError,
  ErrorCode,
  findByIdOrNotFound,
  findPage,
  type GatewayClient,
  type KeysetSort,
  type MoneyInput,
  moveStatus,
  type PageArgs,
  throughGateway,
  toMinorUnits,
} from '@tradegraph/kit';
import { Order, OrderLine, OrderStatus, PaymentTransaction, Shipment, TransactionKind } from '../entities';
import { OrderSort, type OrderFilter } from '../inputs/order-inputs';
import { closeShort } from './close-short';
import { recordPaymentRecorded } from './events';
import { orderStatus } from './order-status';
import { transitionOrder } from './order-transition';
import { InventoryClient } from './inventory-client';
import { ShipmentService } from './shipments';
import { paidMinor } from './totals';

const SORTS: Record<OrderSort, KeysetSort> = {
  [OrderSort.NEWEST]: { field: 'createdAt', descending: true },
  [OrderSort.OLDEST]: { field: 'createdAt', descending: false },
};

/** The conditions of an order filter, shared by list queries and Customer.orders. */
export function orderConditions(filter: OrderFilter | null | undefined): FilterQuery<Order>[] {
  const conditions: FilterQuery<Order>[] = [];
  if (filter?.status?.length) conditions.push({ status: { $in: filter.status } });
  if (filter?.ids) conditions.push({ id: { $in: filter.ids.map((id) => id.toLowerCase()) } });
  if (filter?.customerId) conditions.push({ customerId: filter.customerId });
  if (filter?.placedById) conditions.push({ placedById: filter.placedById });
  if (filter?.from) conditions.push({ createdAt: { $gte: filter.from } });
  if (filter?.to) conditions.push({ createdAt: { $lt: filter.to } });
  return conditions;
}

/**
 * What happens to an order after it is placed: processing, completion (the stock ships),
 * cancellation (the stock goes back), refunds and the payment trail. Each change to the other
 * subgraphs is made first (idempotent there), then the order moves under a row lock, so a
 * cancel racing a completion cannot leave both half done: inventory's own lifecycle refuses
 * the loser. (Completion ships through {@link ShipmentService}, which holds the row lock across
 * inventory's call so that one order's shipments are serialised.)
 */
export class OrderService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: string | null,
    private readonly gateway: GatewayClient | undefined,
    private readonly requestId: string,
  ) {}

  /** @throws NOT_FOUND */
  async get(id: string): Promise<Order> {
    return findByIdOrNotFound(this.em, Order, id);
  }

  /** PENDING → PROCESSING. */
  startProcessing(id: string): Promise<Order> {
    return this.move(id, OrderStatus.PROCESSING, null);
  }

  /**
   * PROCESSING → COMPLETED; what has not shipped yet ships as the order's last shipment
   * (inventory commits the rest of the reservation). See {@link ShipmentService.shipRest}.
   */
  complete(id: string): Promise<Order> {
    return new ShipmentService(this.em, this.actor, this.gateway, this.requestId).shipRest(id);
  }

  /**
   * PENDING or PROCESSING → CANCELLED; the reserved stock not shipped yet is released (shipments
   * stay). A partly shipped order closes short: its totals become those of what shipped, which
   * the customer still owes (see `closeShort`; the history's reason says so).
   */
  async cancel(id: string, reason: string | null): Promise<Order> {
    const order = await this.get(id);
    orderStatus.assert(order.status, OrderStatus.CANCELLED);
    await this.call('Stock could not be released', (inventory) => inventory.release(id));
    return this.em.transactional(async (em) => {
      const locked = await this.lock(em, id);
      orderStatus.assert(locked.status, OrderStatus.CANCELLED);
      const short = await closeShort(em, locked);
      this.transition(em, locked, OrderStatus.CANCELLED, short ? (reason ? `${reason}; ${short}` : short) : reason);
      return locked;
    });
  }

  /**
   * COMPLETED → REFUNDED: a REVERSE transaction of `amount` (everything paid when not given)
   * and, when asked, the goods back on hand.
   * @throws BAD_USER_INPUT when more would be refunded than was paid
   */
  async refund(id: string, input: { amount?: MoneyInput | null; reason: string; restock: boolean }): Promise<Order> {
    const order = await this.get(id);
    orderStatus.assert(order.status, OrderStatus.REFUNDED);
    const paid = paidMinor(await this.em.find(PaymentTransaction, { orderId: id }));
    const amountMinor = input.amount ? this.amountOf(order, input.amount, 'input.amount') : paid;
    if (amountMinor > paid) throw badInput('input.amount', `is more than was paid (${paid} minor units)`);
    if (input.restock) {
      const lines = await this.em.find(OrderLine, { orderId: id }, { orderBy: { lineNo: 'asc' } });
      await this.call('Returned goods could not be restocked', (inventory) => inventory.restock(id, lines.map((l) => ({ productId: l.productId, quantity: l.quantity }))));
    }
    return this.em.transactional(async (em) => {
      const locked = await this.lock(em, id);
      orderStatus.assert(locked.status, OrderStatus.REFUNDED);
      if (amountMinor > 0) this.addTransaction(em, locked, TransactionKind.REVERSE, amountMinor, null, input.reason);
      this.transition(em, locked, OrderStatus.REFUNDED, input.reason);
      return locked;
    });
  }

  /**
   * Records money received (FORWARD). A CANCELLED order takes payments only when it closed short
   * (shipped in part before it was cancelled): up to the balance due for what shipped.
   * @throws BAD_USER_INPUT when it exceeds what is due; INVALID_TRANSITION for a REFUNDED order
   *   or a CANCELLED one that shipped nothing
   */
  async recordPayment(id: string, input: { amount: MoneyInput; reference?: string | null }): Promise<Order> {
    return this.em.transactional(async (em) => {
      const order = await this.lock(em, id);
      const closedShort = order.status === OrderStatus.CANCELLED && (await em.count(Shipment, { orderId: id })) > 0;
      if (order.status === OrderStatus.REFUNDED || (order.status === OrderStatus.CANCELLED && !closedShort)) {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `A ${order.status} order${order.status === OrderStatus.CANCELLED ? ' that shipped nothing' : ''} takes no payments`, { status: order.status });
      }
      const amountMinor = this.amountOf(order, input.amount, 'input.amount');
      const due = order.totalMinor - paidMinor(await em.find(PaymentTransaction, { orderId: id }));
      if (amountMinor > due) throw badInput('input.amount', `is more than the balance due (${due} minor units)`);
      this.addTransaction(em, order, TransactionKind.FORWARD, amountMinor, input.reference ?? null, null);
      return order;
    });
  }

  /** Gives money back without changing the status (a reversal or partial refund). */
  async reversePayment(id: string, input: { amount: MoneyInput; reference?: string | null; reason?: string | null }): Promise<Order> {
    return this.em.transactional(async (em) => {
      const order = await this.lock(em, id);
      const amountMinor = this.amountOf(order, input.amount, 'input.amount');
      const paid = paidMinor(await em.find(PaymentTransaction, { orderId: id }));
      if (amountMinor > paid) throw badInput('input.amount', `is more than was paid (${paid} minor units)`);
      this.addTransaction(em, order, TransactionKind.REVERSE, amountMinor, input.reference ?? null, input.reason ?? null);
      return order;
    });
  }

  /** One page of orders matching the filter, of the customers in `scope` when one is given. */
  async search(filter: OrderFilter | null | undefined, sort: OrderSort, page: PageArgs, scope: Set<string> | null = null): Promise<ConnectionPage<Order>> {
    const conditions = orderConditions(filter);
    if (scope) conditions.push({ customerId: { $in: [...scope] } });
    return findPage(this.em, Order, { $and: conditions }, SORTS[sort], page);
  }

  private amountOf(order: Order, amount: MoneyInput, field: string): number {
    if (amount.currency !== order.currency) throw badInput(`${field}.currency`, `must be the order's currency ${order.currency}`);
    const minor = toMinorUnits(amount.amount, amount.currency, `${field}.amount`);
    if (minor <= 0) throw badInput(`${field}.amount`, 'must be positive');
    return minor;
  }

  private move(id: string, to: OrderStatus, reason: string | null): Promise<Order> {
    return moveStatus(this.em, Order, id, orderStatus, to, (order, em) => this.transition(em, order, to, reason));
  }

  private async lock(em: EntityManager, id: string): Promise<Order> {
    return findByIdOrNotFound(em, Order, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  private transition(em: EntityManager, order: Order, to: OrderStatus, reason: string | null): void {
    transitionOrder(em, order, to, reason, this.actor);
  }

  private addTransaction(em: EntityManager, order: Order, kind: TransactionKind, amountMinor: number, reference: string | null, reason: string | null): void {
    em.create(PaymentTransaction, { orderId: order.id, kind, amountMinor, currency: order.currency, reference, reason, actor: this.actor });
    // in step with the trail, in its transaction (credit exposure reads it)
    order.balanceDueMinor += kind === TransactionKind.FORWARD ? -amountMinor : amountMinor;
    order.version++;
    recordPaymentRecorded(em, order, kind, amountMinor, reference, reason);
  }

  /** Runs a call to inventory, turning its failure into this subgraph's error. */
  private call(what: string, run: (inventory: InventoryClient) => Promise<void>): Promise<void> {
    return throughGateway(this.gateway, `${what}; the order is unchanged`, (gateway) => run(new InventoryClient(gateway, this.requestId)));
  }
}
