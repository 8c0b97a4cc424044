import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, executeIn, isUuid, qualifiedTable, type SqlPart, toMinorUnits, toMoney } from '@tradegraph/kit';
import { Order, OrderStatus, Shipment } from '../entities';

/**
 * Credit control: what a customer owes us or will owe us (its exposure) against its credit
 * limit (the customers subgraph's `creditLimit`).
 *
 * - Exposure: the balance due (total minus net payments, FORWARD minus REVERSE, never below
 *   zero) of every order that is PENDING, PROCESSING or COMPLETED, or CANCELLED after shipping
 *   in part (closed short: its total is that of what shipped, see `close-short.ts`). An open
 *   order without payments counts its whole total; a deposit on it counts as paid. REFUNDED
 *   orders and CANCELLED ones that shipped nothing count nothing.
 * - A limit of 0 means the customer has no credit terms: its orders are not checked (and take
 *   no lock), `Customer.credit.available` is null.
 * - Only orders in the limit's currency count; there are no exchange rates here. An order in
 *   another currency for a customer with a limit cannot be checked against it and is refused
 *   with CREDIT_LIMIT_EXCEEDED (`extensions.reason` CURRENCY), unless overridden.
 */

/** A customer's credit limit in minor units of its currency; 0: no credit terms, not checked. */
export interface CreditLimit {
  limitMinor: number;
  currency: string;
}

/** The customer's limit as the customers subgraph gives it (`creditLimit { amount currency }`). */
export function creditLimitOf(money: { amount: string; currency: string }): CreditLimit {
  return { limitMinor: toMinorUnits(money.amount, money.currency, 'creditLimit.amount'), currency: money.currency };
}

/** True when the limit is enforced (a limit of 0 means no credit terms). */
export function hasCreditTerms(limit: CreditLimit): boolean {
  return limit.limitMinor > 0;
}

const EXPOSURE_STATUSES = [OrderStatus.PENDING, OrderStatus.PROCESSING, OrderStatus.COMPLETED].map((s) => `'${s}'`).join(', ');

/** The orders that count: those of {@link EXPOSURE_STATUSES}, and CANCELLED ones that closed short (shipped in part). */
function countsForExposure(em: EntityManager): string {
  return `(o."status" in (${EXPOSURE_STATUSES}) or (o."status" = '${OrderStatus.CANCELLED}' and exists (select 1 from ${qualifiedTable(em, Shipment)} s where s."order_id" = o."id")))`;
}

/**
 * The exposure select over the order table, per customer and currency, for the orders matching
 * `where` (over `o`): the sum of the balance due kept on each order (`balance_due_minor`, in
 * step with its payments), over the partial index of the orders that still owe
 * (`order_owing_index`), so a customer's paid history costs nothing however long it grows.
 */
function exposureSelect(em: EntityManager, where: string): string {
  return `select o."customer_id" as "customerId", o."currency", coalesce(sum(o."balance_due_minor"), 0)::text as "exposureMinor" from ${qualifiedTable(em, Order)} o where o."balance_due_minor" > 0 and ${countsForExposure(em)} and ${where} group by o."customer_id", o."currency"`;
}

/** Exposure of many customers, per currency (minor units), in one statement. */
export async function exposuresOf(em: EntityManager, customerIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const ids = [...new Set(customerIds.filter(isUuid))];
  const result = new Map<string, Map<string, number>>();
  if (!ids.length) return result;
  // the ids are checked UUIDs, passed as one array literal (knex would spread a JS array)
  const rows = await executeIn<{ customerId: string; currency: string; exposureMinor: string }>(em, exposureSelect(em, `o."customer_id" = any(?::uuid[])`), [`{${ids.join(',')}}`]);
  for (const row of rows) {
    const perCurrency = result.get(row.customerId) ?? new Map<string, number>();
    perCurrency.set(row.currency, Number(row.exposureMinor));
    result.set(row.customerId, perCurrency);
  }
  return result;
}

/**
 * One customer's exposure in every currency as a part of a `writeTogether` statement: rows of
 * `currency` and `exposureMinor` (none when nothing is owed). The customer id must be a UUID.
 */
export function exposuresPart(em: EntityManager, name: string, customerId: string): SqlPart {
  return { name, sql: exposureSelect(em, `o."customer_id" = ?`), params: [customerId] };
}

/**
 * The customer's exposure in one currency as a part of a `writeTogether` statement
 * (`select "exposureMinor" from <name>`), read behind the customer's credit lock: the function
 * (migration `credit_exposure_locked`) takes the lock, then reads in a snapshot of its own, taken
 * after the lock, so it sees every order an earlier holder wrote. The lock is held until the
 * statement's transaction ends; every order of a customer with credit terms is written behind
 * it, overrides included, so the checks of one customer run one after the other.
 *
 * This relies on READ COMMITTED (PostgreSQL's default, which the subgraphs use), where a
 * VOLATILE function's queries each take a new snapshot; under REPEATABLE READ the snapshot would
 * date from the transaction's start and orders committed while it waited would be missed.
 * Two-key lock (0x63726564, 'cred' in ASCII, and hashtext of the customer id), so it never
 * meets the migrations' one-key lock; two customers whose ids hash alike only wait for each other.
 */
export function lockedExposurePart(em: EntityManager, name: string, customerId: string, currency: string): SqlPart {
  return { name, sql: `select "${em.config.get('schema')}"."credit_exposure_locked"(?, ?) as "exposureMinor"`, params: [customerId, currency] };
}

/** The refusal: the order would take the customer past its limit (or cannot be checked against it). */
export function creditLimitExceeded(limit: CreditLimit, exposureMinor: number, order: { totalMinor: number; currency: string }): DomainError {
  const extensions = { limit: toMoney(limit.limitMinor, limit.currency), exposure: toMoney(exposureMinor, limit.currency), orderTotal: toMoney(order.totalMinor, order.currency) };
  if (order.currency !== limit.currency) {
    return new DomainError(
      ErrorCode.CREDIT_LIMIT_EXCEEDED,
      `The order is in ${order.currency} but the customer's credit limit is in ${limit.currency}; it cannot be checked against the limit (a MANAGER or ADMIN may place it with creditOverride)`,
      { ...extensions, reason: 'CURRENCY' },
    );
  }
  return new DomainError(
    ErrorCode.CREDIT_LIMIT_EXCEEDED,
    `The order (${extensions.orderTotal.amount} ${order.currency}) would take the customer's exposure (${extensions.exposure.amount}) past its credit limit (${extensions.limit.amount} ${limit.currency})`,
    { ...extensions, reason: 'LIMIT' },
  );
}
