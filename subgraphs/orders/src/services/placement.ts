import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, DomainError, ErrorCode, GatewayCallError, type GatewayClient, recordStatusChange, throughGateway, toMinorUnits } from '@tradegraph/kit';
import { Order, OrderLine, OrderPlacement, OrderStatus, OrderStatusChange, PlacementState } from '../entities';
import type { PlaceOrderInput } from '../inputs/order-inputs';
import type { OrderSettings } from '../settings';
import { recordOrderPlaced } from './events';
import { CatalogClient } from './catalog-client';
import { InventoryClient } from './inventory-client';
import { computeTotals } from './totals';

/** Thrown by the crash fault injection; nothing after it runs, as if the process had died. */
export class SimulatedCrash extends Error {
  override name = 'SimulatedCrash';
}

/** Who places the order. */
export interface Placer {
  subject: string | null;
  /** the agent id when the caller is a field agent */
  agentId: string | null;
}

/**
 * Places orders: claims the idempotency key, prices the lines through the catalog, reserves
 * the stock in inventory, then writes the order, its lines, its first status and an
 * `order.placed` event in one transaction. If any step fails, nothing is left behind: the
 * claim is dropped and the reservation released (and should the process die in between, the
 * reservation expires by itself).
 */
export class OrderPlacementService {
  constructor(
    private readonly em: EntityManager,
    private readonly gateway: GatewayClient | undefined,
    private readonly settings: OrderSettings,
    private readonly requestId: string,
  ) {}

  async place(input: PlaceOrderInput, idempotencyKey: string, placer: Placer): Promise<Order> {
    if (!idempotencyKey.trim() || idempotencyKey.length > 200) throw badInput('idempotencyKey', 'must be 1 to 200 characters');
    const seen = new Map<string, number>();
    input.lines.forEach((line, index) => {
      const first = seen.get(line.productId);
      if (first !== undefined) throw badInput(`input.lines.${index}.productId`, `repeats the product of input.lines.${first}; give one line per product`);
      seen.set(line.productId, index);
    });
    return throughGateway(this.gateway, 'No order was placed', async (gateway) => {
      const requestHash = createHash('sha256').update(JSON.stringify([input.customerId, input.lines.map((l) => [l.productId, l.quantity]), input.notes ?? null, input.placedById ?? null])).digest('hex');
      const claim = await this.claim(idempotencyKey, requestHash);
      if (claim.existing) return claim.existing;
      const orderId = claim.orderId;

      const inventory = new InventoryClient(gateway, this.requestId);
      let reserved = false;
      try {
        const lines = await this.price(new CatalogClient(gateway, this.requestId), input);
        try {
          await inventory.reserve(orderId, input.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })), this.settings.reservationTtlSeconds);
          reserved = true;
        } catch (error) {
          // The reservation may have been made even though the answer was lost.
          if (error instanceof GatewayCallError && error.code === 'UNAVAILABLE') reserved = true;
          throw error;
        }
        if (this.settings.crashAfterReservation) throw new SimulatedCrash('simulated crash after the reservation');
        return await this.write(orderId, idempotencyKey, input, lines, placer);
      } catch (error) {
        if (error instanceof SimulatedCrash) throw new DomainError(ErrorCode.INTERNAL, 'Order placement stopped (simulated crash)');
        if (reserved) await inventory.releaseQuietly(orderId);
        await this.em.fork().nativeDelete(OrderPlacement, { idempotencyKey, state: PlacementState.IN_PROGRESS });
        throw error;
      }
    });
  }

  /**
   * Claims the key, or finds who already has it: a finished claim answers with its order
   * (the same key always gives the same order); one in progress is waited for.
   */
  private async claim(idempotencyKey: string, requestHash: string): Promise<{ orderId: string; existing?: undefined } | { existing: Order; orderId?: undefined }> {
    const deadline = Date.now() + this.settings.idempotencyWaitMs;
    for (;;) {
      const orderId = randomUUID();
      const inserted: unknown[] = await this.em
        .getKnex()('order_placement')
        .withSchema(this.em.config.get('schema') ?? 'public')
        .insert({ idempotency_key: idempotencyKey, order_id: orderId, request_hash: requestHash, state: PlacementState.IN_PROGRESS, created_at: new Date() })
        .onConflict('idempotency_key')
        .ignore()
        .returning('order_id');
      if (inserted.length) return { orderId };

      const placement = await this.em.fork().findOne(OrderPlacement, { idempotencyKey });
      if (placement) {
        if (placement.requestHash !== requestHash) throw conflict(`The idempotency key "${idempotencyKey}" was used for a different order`, { field: 'idempotencyKey' });
        if (placement.state === PlacementState.DONE) {
          const order = await this.em.fork().findOne(Order, { id: placement.orderId });
          if (order) return { existing: order };
        }
      }
      if (Date.now() > deadline) throw conflict(`An order with the idempotency key "${idempotencyKey}" is still being placed; try again`, { field: 'idempotencyKey', retryable: true });
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Prices every line from the catalog for this customer; refuses what cannot be sold. */
  private async price(catalog: CatalogClient, input: PlaceOrderInput) {
    const quote = await catalog.quote(input.customerId, input.lines.map((l) => l.productId));
    if (!quote.customer) throw badInput('input.customerId', `is not a known customer: ${input.customerId}`);
    if (quote.customer.status !== 'ACTIVE') throw badInput('input.customerId', `belongs to a ${quote.customer.status} customer, who cannot order`);
    const byId = new Map(quote.products.map((p) => [p.id, p]));
    const lines = input.lines.map((line, index) => {
      const product = byId.get(line.productId);
      if (!product) throw badInput(`input.lines.${index}.productId`, `is not a known product: ${line.productId}`);
      if (product.status !== 'PUBLISHED') throw badInput(`input.lines.${index}.productId`, `is ${product.status}, not for sale`);
      const { amount, currency } = product.priceFor;
      return { ...line, sku: product.sku, name: product.name, currency, unitPriceMinor: toMinorUnits(amount, currency) };
    });
    const currencies = new Set(lines.map((l) => l.currency));
    if (currencies.size > 1) throw badInput('input.lines', `are priced in several currencies (${[...currencies].join(', ')}); an order has one`);
    return lines;
  }

  private async write(orderId: string, idempotencyKey: string, input: PlaceOrderInput, lines: Awaited<ReturnType<OrderPlacementService['price']>>, placer: Placer): Promise<Order> {
    return this.em.fork().transactional(async (em) => {
      const [{ nextval }] = await em.getConnection().execute(`select nextval('"${em.config.get('schema')}"."order_number_seq"') as nextval`, [], 'all', em.getTransactionContext());
      const totals = computeTotals(lines, this.settings.taxRateBasisPoints);
      const order = em.create(Order, {
        id: orderId,
        number: `SO-${String(nextval).padStart(6, '0')}`,
        customerId: input.customerId,
        placedById: placer.agentId ?? input.placedById ?? null,
        visitId: input.visitId ?? null,
        currency: lines[0].currency,
        ...totals,
        notes: input.notes ?? null,
      });
      lines.forEach((line, index) =>
        em.create(OrderLine, { orderId, lineNo: index + 1, productId: line.productId, sku: line.sku, name: line.name, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, currency: line.currency }),
      );
      recordStatusChange(em, OrderStatusChange, orderId, { from: null, to: OrderStatus.PENDING, actor: placer.subject });
      recordOrderPlaced(em, order, lines);
      await em.nativeUpdate(OrderPlacement, { idempotencyKey }, { state: PlacementState.DONE });
      return order;
    });
  }
}
