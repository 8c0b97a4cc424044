import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  advisoryLock,
  badInput,
  findByIdOrNotFound,
  flushOrConflict,
  qualifiedTable,
  readRows,
  selectRows,
  toMinorUnits,
  toMoney,
  type AuditSource,
  type Money,
  type MoneyInput,
} from '@tradegraph/kit';
import { Category, CustomerPriceList, PriceList, PriceListItem, Product } from '../entities';
import { audit, categoryAudit, categorySnapshot, priceListAssignmentAudit, priceListCreatedAudit, priceListPricesAudit } from './audit';

/** Rules for the category tree: unique slugs, parents that exist, no cycles. */
export class CategoryService {
  /** @param source who asks, recorded in the audit log (null: the system itself) */
  constructor(private readonly em: EntityManager, private readonly source: AuditSource | null) {}

  /** @throws CONFLICT when the slug is taken, BAD_USER_INPUT for an unknown parent */
  async create(input: { name: string; slug: string; parentId?: string | null }): Promise<Category> {
    if (input.parentId && !(await this.em.findOne(Category, { id: input.parentId }))) {
      throw badInput('input.parentId', `is not a known category: ${input.parentId}`);
    }
    const category = this.em.create(Category, { name: input.name, slug: input.slug, parentId: input.parentId ?? null });
    audit(this.em, this.source, categoryAudit(null, category));
    await flushOrConflict(this.em, `A category with slug "${input.slug}" already exists`, 'slug');
    return category;
  }

  /** Renames or moves a category. @throws NOT_FOUND, CONFLICT, BAD_USER_INPUT when the move would make a cycle */
  async update(id: string, input: { name?: string | null; slug?: string | null; parentId?: string | null }): Promise<Category> {
    // The row locked: concurrent updates each audit what the other left.
    return this.em.transactional(async (tx) => {
      const category = await findByIdOrNotFound(tx, Category, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (input.parentId !== undefined && input.parentId !== null) {
        if (!(await tx.findOne(Category, { id: input.parentId }))) throw badInput('input.parentId', `is not a known category: ${input.parentId}`);
        const table = qualifiedTable(tx, Category);
        const ancestors: { id: string }[] = await tx.getConnection().execute(
          `with recursive up as (select id, parent_id from ${table} where id = ? union all select c.id, c.parent_id from ${table} c join up on c.id = up.parent_id) select id from up`,
          [input.parentId],
          'all',
          tx.getTransactionContext(),
        );
        if (ancestors.some((a) => a.id === id)) throw badInput('input.parentId', 'would make the category its own ancestor');
      }
      const before = categorySnapshot(category);
      if (input.name != null) category.name = input.name;
      if (input.slug != null) category.slug = input.slug;
      if (input.parentId !== undefined) category.parentId = input.parentId;
      audit(tx, this.source, categoryAudit(before, category));
      await flushOrConflict(tx, `A category with slug "${input.slug}" already exists`, 'slug');
      return category;
    });
  }
}

/** Rules for price lists: one currency per list, prices in that currency, one list per customer. */
export class PriceListService {
  /** @param source who asks, recorded in the audit log (null: the system itself) */
  constructor(private readonly em: EntityManager, private readonly source: AuditSource | null) {}

  /** @throws CONFLICT when the name is taken */
  async create(input: { name: string; currency: string }): Promise<PriceList> {
    const list = this.em.create(PriceList, { name: input.name, currency: input.currency });
    audit(this.em, this.source, priceListCreatedAudit(list));
    await flushOrConflict(this.em, `A price list named "${input.name}" already exists`, 'name');
    return list;
  }

  /**
   * Sets (creates or replaces) prices on a list, by product id. Idempotent.
   * @throws NOT_FOUND for the list, BAD_USER_INPUT for unknown products or a wrong currency
   */
  async setPrices(priceListId: string, prices: { productId: string; price: MoneyInput }[]): Promise<PriceList> {
    return this.em.transactional(async (tx) => {
      const list = await this.lockedList(tx, priceListId);
      const ids = [...new Set(prices.map((p) => p.productId))];
      const known = new Set((await tx.find(Product, { id: { $in: ids } }, { fields: ['id'] })).map((p) => p.id));
      const rows = prices.map((p, index) => {
        if (!known.has(p.productId)) throw badInput(`prices.${index}.productId`, `is not a known product: ${p.productId}`);
        if (p.price.currency !== list.currency) throw badInput(`prices.${index}.price.currency`, `must be the list's currency ${list.currency}`);
        // upsertMany takes plain rows, so property initialisers (the id) do not run.
        return { id: randomUUID(), priceListId, productId: p.productId, amountMinor: toMinorUnits(p.price.amount, p.price.currency, `prices.${index}.price.amount`), currency: list.currency };
      });
      const before = await this.pricesOf(tx, priceListId, ids);
      if (rows.length) {
        await tx.upsertMany(PriceListItem, rows, { onConflictFields: ['priceListId', 'productId'], onConflictAction: 'merge', onConflictMergeFields: ['amountMinor'] });
      }
      const after = new Map(before);
      for (const row of rows) after.set(row.productId, toMoney(row.amountMinor, row.currency));
      audit(tx, this.source, priceListPricesAudit(list.id, 'prices_set', ids, before, after));
      list.updatedAt = new Date();
      return list;
    });
  }

  /** Removes products from a list; they fall back to their base price. @throws NOT_FOUND */
  async removePrices(priceListId: string, productIds: string[]): Promise<PriceList> {
    return this.em.transactional(async (tx) => {
      const list = await this.lockedList(tx, priceListId);
      const ids = [...new Set(productIds)];
      const before = await this.pricesOf(tx, priceListId, ids);
      if (before.size) await tx.nativeDelete(PriceListItem, { priceListId, productId: { $in: [...before.keys()] } });
      audit(tx, this.source, priceListPricesAudit(list.id, 'prices_removed', ids, before, new Map()));
      return list;
    });
  }

  /** Makes `priceListId` the customer's list, replacing any other. @throws NOT_FOUND */
  async assign(customerId: string, priceListId: string): Promise<PriceList> {
    return this.em.transactional(async (tx) => {
      const list = await findByIdOrNotFound(tx, PriceList, priceListId);
      const before = await this.assignedList(tx, customerId);
      await tx.upsert(CustomerPriceList, { customerId, priceListId, assignedAt: new Date() }, { onConflictFields: ['customerId'], onConflictAction: 'merge' });
      audit(tx, this.source, priceListAssignmentAudit(customerId, before, priceListId));
      return list;
    });
  }

  /** The customer buys at base prices again. Returns whether a list was assigned. */
  async unassign(customerId: string): Promise<boolean> {
    return this.em.transactional(async (tx) => {
      const before = await this.assignedList(tx, customerId);
      if (!before) return false;
      await tx.nativeDelete(CustomerPriceList, { customerId });
      audit(tx, this.source, priceListAssignmentAudit(customerId, before, null));
      return true;
    });
  }

  /** The list, locked: calls changing its prices run one after the other, so each audits the prices the last one left. */
  private lockedList(tx: EntityManager, priceListId: string): Promise<PriceList> {
    return findByIdOrNotFound(tx, PriceList, priceListId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** The list's prices of these products, by product id (plain rows: nothing joins the unit of work). */
  private async pricesOf(tx: EntityManager, priceListId: string, productIds: readonly string[]): Promise<Map<string, Money>> {
    const rows = await selectRows(tx, PriceListItem, ['priceListId', 'productId'], productIds.map((productId) => ({ priceListId, productId })));
    return new Map(rows.map((row) => [row.productId!, toMoney(row.amountMinor!, row.currency!)]));
  }

  /**
   * The customer's list now, under a lock on the customer's assignment (held to the end of
   * `tx`): a row lock cannot hold a customer who has no row yet, and two assignments at once
   * must each audit the list the other left.
   */
  private async assignedList(tx: EntityManager, customerId: string): Promise<string | null> {
    await advisoryLock(tx, `products:customer-price-list:${customerId}`);
    const [assignment] = await readRows(tx, CustomerPriceList, 'customerId', [customerId]);
    return assignment?.priceListId ?? null;
  }
}
