import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  badInput,
  conflict,
  detachedEntity,
  DomainError,
  ErrorCode,
  forbidden,
  GatewayCallError,
  type GatewayClient,
  insertEventsPart,
  insertRowsPart,
  isUuid,
  type SqlPart,
  throughGateway,
  toMinorUnits,
  updateRowsPart,
  writeTogether,
} from '@tradegraph/kit';
import { Order, OrderLine, OrderPlacement, OrderStatus, OrderStatusChange, PlacementState } from '../entities';
import type { PlaceOrderInput } from '../inputs/order-inputs';
import type { OrderSettings } from '../settings';
import { orderPlacedEvent } from './events';
import { CatalogClient } from './catalog-client';
import { creditLimitExceeded, creditLimitOf, exposuresPart, hasCreditTerms, lockedExposurePart, type CreditLimit } from './credit';
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
  /** a MANAGER or ADMIN: may send `creditOverride` */
  mayOverrideCredit: boolean;
}

/** A customer's exposure per currency, minor units, as the claim read it. */
type Exposures = Record<string, number>;

/** Refuses, before anything is reserved, an order that does not fit the customer's limit as the claim saw it. */
function precheckCredit(exposures: Exposures, credit: CreditCheck): void {
  const exposureMinor = Number(exposures[credit.limit.currency] ?? 0);
  if (credit.order.currency !== credit.limit.currency || exposureMinor + credit.order.totalMinor > credit.limit.limitMinor) {
    throw creditLimitExceeded(credit.limit, exposureMinor, credit.order);
  }
}

/** The credit check an order must pass: its total against the customer's limit. */
interface CreditCheck {
  limit: CreditLimit;
  order: { totalMinor: number; currency: string };
}

/**
 * Places orders: claims the idempotency key, prices the lines through the catalog, reserves
 * the stock in inventory, then writes the order, its lines, its first status and an
 * `order.placed` event and the finished claim in one statement (kit's `writeTogether`). If any step fails, nothing is left behind: the
 * claim is dropped and the reservation released (and should the process die in between, the
 * reservation expires by itself).
 *
 * Credit control (see `credit.ts`), for customers with a credit limit and no override: a cheap
 * check of the exposure (read by the claim's statement) before stock is reserved, then the
 * race-free one in the write statement itself, which takes the customer's credit lock, reads
 * the exposure in a snapshot taken after it (so it sees every order an earlier holder wrote)
 * and writes nothing when the order does not fit.
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
    if (input.creditOverride) {
      if (!placer.mayOverrideCredit) throw forbidden('Only a MANAGER or ADMIN may override the credit limit (input.creditOverride)');
      if (!input.creditOverride.reason.trim()) throw badInput('input.creditOverride.reason', 'must not be blank');
    }
    return throughGateway(this.gateway, 'No order was placed', async (gateway) => {
      const requestHash = createHash('sha256').update(JSON.stringify([input.customerId, input.lines.map((l) => [l.productId, l.quantity]), input.notes ?? null, input.placedById ?? null, ...(input.creditOverride ? [input.creditOverride.reason] : [])])).digest('hex');
      const claim = await this.claim(idempotencyKey, requestHash, input.customerId);
      if (claim.existing) return claim.existing;
      const orderId = claim.orderId;

      const inventory = new InventoryClient(gateway, this.requestId);
      let reserved = false;
      try {
        const { lines, creditLimit } = await this.price(new CatalogClient(gateway, this.requestId), input);
        const credit = input.creditOverride || !hasCreditTerms(creditLimit) ? null : { limit: creditLimit, order: { totalMinor: computeTotals(lines, this.settings.taxRateBasisPoints).totalMinor, currency: lines[0].currency } };
        if (credit) precheckCredit(claim.exposures, credit);
        try {
          await inventory.reserve(orderId, input.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })), this.settings.reservationTtlSeconds);
          reserved = true;
        } catch (error) {
          // The reservation may have been made even though the answer was lost.
          if (error instanceof GatewayCallError && error.code === 'UNAVAILABLE') reserved = true;
          throw error;
        }
        if (this.settings.crashAfterReservation) throw new SimulatedCrash('simulated crash after the reservation');
        // an override is not checked, but still takes the lock: a normal order checking meanwhile must see it
        return await this.write(orderId, idempotencyKey, input, lines, placer, credit, hasCreditTerms(creditLimit));
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
   * (the same key always gives the same order); one in progress is waited for. The statement
   * that claims also reads the customer's exposure per currency, for the credit pre-check.
   */
  private async claim(idempotencyKey: string, requestHash: string, customerId: string): Promise<{ orderId: string; exposures: Exposures; existing?: undefined } | { existing: Order; orderId?: undefined }> {
    const deadline = Date.now() + this.settings.idempotencyWaitMs;
    for (;;) {
      const orderId = randomUUID();
      const claim = insertRowsPart(this.em, 'claim', OrderPlacement, [{ idempotencyKey, orderId, requestHash, state: PlacementState.IN_PROGRESS, createdAt: new Date() }], { skipConflicts: true, returning: ['orderId'] });
      // an id that is not a UUID is no customer (pricing refuses it); there is nothing to read for it
      const exposures = isUuid(customerId) ? [exposuresPart(this.em, 'exposures', customerId)] : [];
      const [claimed] = await writeTogether<{ claimed: boolean; exposures: Exposures }>(
        this.em,
        [claim, ...exposures],
        `select exists (select 1 from claim) as "claimed", ${exposures.length ? `(select coalesce(json_object_agg(e."currency", e."exposureMinor"::bigint), '{}') from exposures e)` : `'{}'::json`} as "exposures"`,
      );
      if (claimed.claimed) return { orderId, exposures: claimed.exposures };

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
    return { lines, creditLimit: creditLimitOf(quote.customer.creditLimit) };
  }

  /**
   * Writes the order, its lines, its first status, its `order.placed` event and the finished
   * claim as ONE statement (atomic by itself, one round trip): the number is taken from the
   * sequence inside it, as the order is written, and copied into the event's payload there.
   * With a credit check, the statement reads the exposure behind the customer's credit lock
   * (`lockedExposurePart`) and writes nothing unless the order fits; the lock is held until the
   * statement ends. An override of a customer with credit terms (`lockCredit`) is not checked but
   * written behind the same lock.
   */
  private async write(
    orderId: string,
    idempotencyKey: string,
    input: PlaceOrderInput,
    lines: Awaited<ReturnType<OrderPlacementService['price']>>['lines'],
    placer: Placer,
    credit: CreditCheck | null,
    lockCredit: boolean,
  ): Promise<Order> {
    const em = this.em;
    const now = new Date();
    const totals = computeTotals(lines, this.settings.taxRateBasisPoints);
    const row = {
      id: orderId,
      customerId: input.customerId,
      placedById: placer.agentId ?? input.placedById ?? null,
      visitId: input.visitId ?? null,
      status: OrderStatus.PENDING,
      currency: lines[0].currency,
      ...totals,
      balanceDueMinor: totals.totalMinor,
      notes: input.notes ?? null,
      creditOverrideBy: input.creditOverride ? placer.subject : null,
      creditOverrideReason: input.creditOverride?.reason ?? null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const order = detachedEntity(Order, { ...row, number: '' });
    const number = `(select 'SO-' || lpad(n::text, greatest(6, length(n::text)), '0') from order_number)`;
    // with a credit check: the order only if it fits (integers of ours, no parameters), the rest only with the order
    const fits = credit && `(select "exposureMinor" from credit) + ${Math.trunc(row.totalMinor)} <= ${Math.trunc(credit.limit.limitMinor)}`;
    // behind the customer's credit lock whenever it has credit terms: the order's insert refers to
    // the exposure (checked, or only read for an override), so the lock is taken before it
    const placedWhen = fits || (lockCredit ? 'exists (select 1 from credit)' : undefined);
    const withOrder = placedWhen ? { when: 'exists (select 1 from placed_order)' } : {};
    const parts: SqlPart[] = [
      ...(lockCredit ? [lockedExposurePart(em, 'credit', input.customerId, credit?.limit.currency ?? lines[0].currency)] : []),
      { name: 'order_number', sql: `select nextval('"${em.config.get('schema')}"."order_number_seq"') as n`, params: [] },
      insertRowsPart(em, 'placed_order', Order, [row], { computed: { number }, returning: ['number'], ...(placedWhen ? { when: placedWhen } : {}) }),
      insertRowsPart(em, 'lines', OrderLine, lines.map((line, index) => ({ id: randomUUID(), orderId, lineNo: index + 1, productId: line.productId, sku: line.sku, name: line.name, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, currency: line.currency })), withOrder),
      insertRowsPart(em, 'history', OrderStatusChange, [{ orderId, from: null, to: OrderStatus.PENDING, actor: placer.subject, reason: null, changedAt: now }], withOrder),
      insertEventsPart(em, 'placed_event', [orderPlacedEvent(order, lines)], { computed: { payload: `jsonb_set(r."payload", '{number}', to_jsonb(${number}))` }, ...withOrder }),
      updateRowsPart(em, 'claim', OrderPlacement, 'idempotencyKey', [{ idempotencyKey, state: PlacementState.DONE }], withOrder),
    ];
    const [written] = await writeTogether<{ number: string | null; exposureMinor: string | null }>(
      em,
      parts,
      `select (select "number" from placed_order) as "number", ${credit ? `(select "exposureMinor" from credit)::text` : 'null'} as "exposureMinor"`,
    );
    if (written.number === null) throw credit ? creditLimitExceeded(credit.limit, Number(written.exposureMinor), credit.order) : new Error('the order was not written');
    order.number = written.number;
    return order;
  }
}
