import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, findByIdOrNotFound, flushOrConflict, notFound, qualifiedTable, toMinorUnits, type MoneyInput } from '@tradegraph/kit';
import { Category, CustomerPriceList, PriceList, PriceListItem, Product } from '../entities';

/** Rules for the category tree: unique slugs, parents that exist, no cycles. */
export class CategoryService {
  constructor(private readonly em: EntityManager) {}

  /** @throws CONFLICT when the slug is taken, BAD_USER_INPUT for an unknown parent */
  async create(input: { name: string; slug: string; parentId?: string | null }): Promise<Category> {
    if (input.parentId && !(await this.em.findOne(Category, { id: input.parentId }))) {
      throw badInput('input.parentId', `is not a known category: ${input.parentId}`);
    }
    const category = this.em.create(Category, { name: input.name, slug: input.slug, parentId: input.parentId ?? null });
    await flushOrConflict(this.em, `A category with slug "${input.slug}" already exists`, 'slug');
    return category;
  }

  /** Renames or moves a category. @throws NOT_FOUND, CONFLICT, BAD_USER_INPUT when the move would make a cycle */
  async update(id: string, input: { name?: string | null; slug?: string | null; parentId?: string | null }): Promise<Category> {
    const category = await findByIdOrNotFound(this.em, Category, id);
    if (input.parentId !== undefined && input.parentId !== null) {
      if (!(await this.em.findOne(Category, { id: input.parentId }))) throw badInput('input.parentId', `is not a known category: ${input.parentId}`);
      const table = qualifiedTable(this.em, Category);
      const ancestors: { id: string }[] = await this.em.getConnection().execute(
        `with recursive up as (select id, parent_id from ${table} where id = ? union all select c.id, c.parent_id from ${table} c join up on c.id = up.parent_id) select id from up`,
        [input.parentId],
      );
      if (ancestors.some((a) => a.id === id)) throw badInput('input.parentId', 'would make the category its own ancestor');
    }
    if (input.name != null) category.name = input.name;
    if (input.slug != null) category.slug = input.slug;
    if (input.parentId !== undefined) category.parentId = input.parentId;
    await flushOrConflict(this.em, `A category with slug "${input.slug}" already exists`, 'slug');
    return category;
  }
}

/** Rules for price lists: one currency per list, prices in that currency, one list per customer. */
export class PriceListService {
  constructor(private readonly em: EntityManager) {}

  /** @throws CONFLICT when the name is taken */
  async create(input: { name: string; currency: string }): Promise<PriceList> {
    const list = this.em.create(PriceList, { name: input.name, currency: input.currency });
    await flushOrConflict(this.em, `A price list named "${input.name}" already exists`, 'name');
    return list;
  }

  /**
   * Sets (creates or replaces) prices on a list, by product id. Idempotent.
   * @throws NOT_FOUND for the list, BAD_USER_INPUT for unknown products or a wrong currency
   */
  async setPrices(priceListId: string, prices: { productId: string; price: MoneyInput }[]): Promise<PriceList> {
    const list = await this.em.findOne(PriceList, { id: priceListId });
    if (!list) throw notFound('PriceList', priceListId);
    const ids = [...new Set(prices.map((p) => p.productId))];
    const known = new Set((await this.em.find(Product, { id: { $in: ids } }, { fields: ['id'] })).map((p) => p.id));
    const rows = prices.map((p, index) => {
      if (!known.has(p.productId)) throw badInput(`prices.${index}.productId`, `is not a known product: ${p.productId}`);
      if (p.price.currency !== list.currency) throw badInput(`prices.${index}.price.currency`, `must be the list's currency ${list.currency}`);
      // upsertMany takes plain rows, so property initialisers (the id) do not run.
      return { id: randomUUID(), priceListId, productId: p.productId, amountMinor: toMinorUnits(p.price.amount, p.price.currency, `prices.${index}.price.amount`), currency: list.currency };
    });
    if (rows.length) {
      await this.em.upsertMany(PriceListItem, rows, { onConflictFields: ['priceListId', 'productId'], onConflictAction: 'merge', onConflictMergeFields: ['amountMinor'] });
    }
    list.updatedAt = new Date();
    await this.em.flush();
    return list;
  }

  /** Removes products from a list; they fall back to their base price. @throws NOT_FOUND */
  async removePrices(priceListId: string, productIds: string[]): Promise<PriceList> {
    const list = await this.em.findOne(PriceList, { id: priceListId });
    if (!list) throw notFound('PriceList', priceListId);
    await this.em.nativeDelete(PriceListItem, { priceListId, productId: { $in: productIds } });
    return list;
  }

  /** Makes `priceListId` the customer's list, replacing any other. @throws NOT_FOUND */
  async assign(customerId: string, priceListId: string): Promise<PriceList> {
    const list = await this.em.findOne(PriceList, { id: priceListId });
    if (!list) throw notFound('PriceList', priceListId);
    await this.em.upsert(CustomerPriceList, { customerId, priceListId, assignedAt: new Date() }, { onConflictFields: ['customerId'], onConflictAction: 'merge' });
    return list;
  }

  /** The customer buys at base prices again. Returns whether a list was assigned. */
  async unassign(customerId: string): Promise<boolean> {
    return (await this.em.nativeDelete(CustomerPriceList, { customerId })) > 0;
  }
}
