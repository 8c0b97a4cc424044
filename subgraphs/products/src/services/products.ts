import { randomUUID } from 'node:crypto';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  containsPattern,
  assertBulkItems,
  detachedEntity,
  insertRows,
  selectRows,
  updateRows,
  type Row,
  badInput,
  flushOrConflict,
  hasSameFields,
  keysetFilter,
  keysetOrder,
  keysetPosition,
  notFound,
  pageRequest,
  qualifiedTable,
  toConnectionPage,
  summarizeUpsert,
  toMinorUnits,
  UpsertOutcome,
  withUpsertRetry,
  type ConnectionPage,
  type KeysetSort,
  type PageArgs,
  type UpsertItemResult,
  type UpsertSummary,
} from '@tradegraph/kit';
import { Category, Product, ProductStatus, ProductStatusChange } from '../entities';
import {
  ProductSort,
  type CreateProductInput,
  type ProductFilter,
  type UpdateProductInput,
  type UpsertProductInput,
} from '../inputs/product-inputs';
import { productStatus } from './product-status';

const SORTS: Record<ProductSort, KeysetSort> = {
  [ProductSort.NAME_ASC]: { field: 'name', descending: false },
  [ProductSort.NAME_DESC]: { field: 'name', descending: true },
  [ProductSort.PRICE_ASC]: { field: 'basePriceMinor', descending: false },
  [ProductSort.PRICE_DESC]: { field: 'basePriceMinor', descending: true },
  [ProductSort.NEWEST]: { field: 'createdAt', descending: true },
  [ProductSort.OLDEST]: { field: 'createdAt', descending: false },
};

/**
 * The catalog's rules: creating, changing, publishing and finding products. Works on the
 * EntityManager it is given and never on GraphQL types, so tests call it directly.
 */
export class ProductService {
  /**
   * @param em this request's EntityManager
   * @param actor the caller's subject, recorded on every status change
   */
  constructor(private readonly em: EntityManager, private readonly actor: string | null) {}

  /** @throws NOT_FOUND */
  async get(id: string): Promise<Product> {
    const product = await this.em.findOne(Product, { id });
    if (!product) throw notFound('Product', id);
    return product;
  }

  /** Creates a DRAFT product. @throws CONFLICT when the sku is taken, BAD_USER_INPUT for an unknown category */
  async create(input: CreateProductInput): Promise<Product> {
    await this.assertCategory(input.categoryId, 'input.categoryId');
    const product = this.em.create(Product, {
      sku: input.sku,
      name: input.name,
      description: input.description ?? null,
      categoryId: input.categoryId ?? null,
      brand: input.brand ?? null,
      basePriceMinor: toMinorUnits(input.basePrice.amount, input.basePrice.currency, 'input.basePrice.amount'),
      currency: input.basePrice.currency,
      attributes: input.attributes?.map(({ name, value }) => ({ name, value })) ?? [],
    });
    this.record(product, null, ProductStatus.DRAFT);
    await flushOrConflict(this.em, `A product with sku "${input.sku}" already exists`, 'sku');
    return product;
  }

  /** Changes the given fields. @throws NOT_FOUND, CONFLICT (sku taken), BAD_USER_INPUT */
  async update(id: string, input: UpdateProductInput): Promise<Product> {
    const product = await this.get(id);
    if (input.categoryId !== undefined) await this.assertCategory(input.categoryId, 'input.categoryId');
    if (input.sku != null) product.sku = input.sku;
    if (input.name != null) product.name = input.name;
    if (input.description !== undefined) product.description = input.description;
    if (input.categoryId !== undefined) product.categoryId = input.categoryId;
    if (input.brand !== undefined) product.brand = input.brand;
    if (input.basePrice != null) {
      product.basePriceMinor = toMinorUnits(input.basePrice.amount, input.basePrice.currency, 'input.basePrice.amount');
      product.currency = input.basePrice.currency;
    }
    if (input.attributes != null) product.attributes = input.attributes.map(({ name, value }) => ({ name, value }));
    await flushOrConflict(this.em, `A product with sku "${product.sku}" already exists`, 'sku');
    return product;
  }

  /** Moves a product to `to` if the lifecycle allows it. @throws NOT_FOUND, INVALID_TRANSITION */
  async transition(id: string, to: ProductStatus): Promise<Product> {
    return this.em.transactional(async (em) => {
      // Lock the row so two concurrent moves cannot both pass the check.
      const product = await em.findOne(Product, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!product) throw notFound('Product', id);
      productStatus.assert(product.status, to);
      this.move(product, to, em);
      return product;
    });
  }

  /**
   * Creates or updates up to MAX_BULK_ITEMS products by sku, in one transaction. Items that break a
   * domain rule (unknown category, impossible status) fail alone and are reported; the rest
   * apply. Running the same batch again changes nothing.
   * @throws BAD_USER_INPUT when the batch is too large or repeats a sku
   */
  async upsertMany(items: UpsertProductInput[]): Promise<UpsertSummary<Product>> {
    assertBulkItems(items, (item) => item.sku, 'sku');
    return summarizeUpsert(await withUpsertRetry(() => this.applyUpsert(items), () => this.em.clear()));
  }

  /**
   * One pass of {@link upsertMany}, set-based: one select of the categories, one of the existing
   * products (locked, in sku order, so a concurrent status move cannot slip between the check
   * and the write), then one insert of the new products, one update of the changed ones and one
   * insert of their status history, whatever the batch size.
   */
  private async applyUpsert(items: UpsertProductInput[]): Promise<UpsertItemResult<Product>[]> {
    return this.em.transactional(async (em) => {
      const slugs = [...new Set(items.map((i) => i.categorySlug).filter((s): s is string => !!s))];
      const categories = await selectRows(em, Category, ['slug'], slugs.map((slug) => ({ slug })));
      const categoryBySlug = new Map(categories.map((c) => [c.slug!, c.id!]));
      const existing = await selectRows(em, Product, ['sku'], items.map((i) => ({ sku: i.sku })), { orderBy: ['sku'], lock: 'no key update' });
      const bySku = new Map(existing.map((p) => [p.sku!, p]));
      const now = new Date();
      const inserts: Row<Product>[] = [];
      const updates: Row<Product>[] = [];
      const history: Row<ProductStatusChange>[] = [];
      const record = (productId: string, from: ProductStatus | null, to: ProductStatus) => history.push({ productId, from, to, actor: this.actor, changedAt: now });

      const results = items.map((item, index): UpsertItemResult<Product> => {
        const fail = (error: string): UpsertItemResult<Product> => ({ index, key: item.sku, outcome: UpsertOutcome.FAILED, node: null, error });
        let categoryId: string | null = null;
        if (item.categorySlug) {
          categoryId = categoryBySlug.get(item.categorySlug) ?? null;
          if (!categoryId) return fail(`categorySlug "${item.categorySlug}" is not a known category`);
        }
        let basePriceMinor: number;
        try {
          basePriceMinor = toMinorUnits(item.basePrice.amount, item.basePrice.currency, `items.${index}.basePrice.amount`);
        } catch (error) {
          return fail((error as Error).message);
        }
        const fields = {
          name: item.name,
          description: item.description ?? null,
          categoryId,
          brand: item.brand ?? null,
          basePriceMinor,
          currency: item.basePrice.currency,
          attributes: (item.attributes ?? []).map(({ name, value }) => ({ name, value })),
        };
        const current = bySku.get(item.sku);
        if (!current) {
          const status = item.status ?? ProductStatus.DRAFT;
          const row: Row<Product> = { id: randomUUID(), sku: item.sku, ...fields, status, createdAt: now, updatedAt: now, publishedAt: status === ProductStatus.PUBLISHED ? now : null };
          inserts.push(row);
          record(row.id!, null, status);
          return { index, key: item.sku, outcome: UpsertOutcome.CREATED, node: detachedEntity(Product, row), error: null };
        }
        let steps: ProductStatus[] = [];
        if (item.status && item.status !== current.status) {
          try {
            steps = productStatus.path(current.status!, item.status);
          } catch (error) {
            return fail((error as Error).message);
          }
        }
        if (steps.length === 0 && hasSameFields(current, fields)) return { index, key: item.sku, outcome: UpsertOutcome.UNCHANGED, node: detachedEntity(Product, current), error: null };
        const row: Row<Product> = { ...current, ...fields, updatedAt: now };
        for (const step of steps) {
          record(row.id!, row.status!, step);
          row.status = step;
          if (step === ProductStatus.PUBLISHED) row.publishedAt = now;
        }
        updates.push(row);
        return { index, key: item.sku, outcome: UpsertOutcome.UPDATED, node: detachedEntity(Product, row), error: null };
      });

      // New skus in one fixed order: two batches inserting the same new skus queue up on the
      // first one instead of deadlocking; the later one fails on it and withUpsertRetry runs it again.
      await insertRows(em, Product, inserts.sort((a, b) => (a.sku! < b.sku! ? -1 : a.sku! > b.sku! ? 1 : 0)));
      await updateRows(em, Product, 'id', updates.map(({ id, name, description, categoryId, brand, basePriceMinor, currency, attributes, status, publishedAt, updatedAt }) => ({ id, name, description, categoryId, brand, basePriceMinor, currency, attributes, status, publishedAt, updatedAt })));
      await insertRows(em, ProductStatusChange, history);
      return results;
    });
  }

  /** One page of products matching the filter; `staff` may see every status, others only PUBLISHED. */
  async search(filter: ProductFilter | null | undefined, sort: ProductSort, page: PageArgs, staff: boolean): Promise<ConnectionPage<Product>> {
    const request = pageRequest(page);
    const conditions: FilterQuery<Product>[] = [];
    const statuses = filter?.status?.length ? filter.status : staff ? undefined : [ProductStatus.PUBLISHED];
    const visible = staff ? statuses : statuses?.filter((s) => s === ProductStatus.PUBLISHED);
    if (visible) conditions.push({ status: { $in: visible } });
    if (filter?.ids) conditions.push({ id: { $in: filter.ids } });
    if (filter?.categoryId) conditions.push({ categoryId: { $in: await this.categoryAndDescendants(filter.categoryId) } });
    if (filter?.brand) conditions.push({ brand: filter.brand });
    if (filter?.text) {
      const like = containsPattern(filter.text);
      conditions.push({ $or: [{ name: { $ilike: like } }, { sku: { $ilike: like } }, { description: { $ilike: like } }] });
    }
    const { minPrice, maxPrice } = filter ?? {};
    if (minPrice && maxPrice && minPrice.currency !== maxPrice.currency) {
      throw badInput('filter.maxPrice.currency', 'must be the currency of filter.minPrice');
    }
    if (minPrice) conditions.push({ currency: minPrice.currency, basePriceMinor: { $gte: toMinorUnits(minPrice.amount, minPrice.currency, 'filter.minPrice.amount') } });
    if (maxPrice) conditions.push({ currency: maxPrice.currency, basePriceMinor: { $lte: toMinorUnits(maxPrice.amount, maxPrice.currency, 'filter.maxPrice.amount') } });

    const keyset = SORTS[sort];
    const rows = await this.em.find(
      Product,
      { $and: [...conditions, keysetFilter(keyset, request) as FilterQuery<Product>] },
      { orderBy: keysetOrder(keyset, request), limit: request.size + 1 },
    );
    return toConnectionPage(
      rows,
      request,
      keysetPosition(keyset),
      () => this.em.count(Product, { $and: conditions }),
    );
  }

  private async categoryAndDescendants(categoryId: string): Promise<string[]> {
    const table = qualifiedTable(this.em, Category);
    const rows: { id: string }[] = await this.em.getConnection().execute(
      `with recursive tree as (select id from ${table} where id = ? union all select c.id from ${table} c join tree on c.parent_id = tree.id) select id from tree`,
      [categoryId],
    );
    return rows.map((r) => r.id);
  }

  private async assertCategory(categoryId: string | null | undefined, field: string): Promise<void> {
    if (categoryId && !(await this.em.findOne(Category, { id: categoryId }, { fields: ['id'] }))) {
      throw badInput(field, `is not a known category: ${categoryId}`);
    }
  }

  private move(product: Product, to: ProductStatus, em: EntityManager = this.em): void {
    this.record(product, product.status, to, em);
    product.status = to;
    if (to === ProductStatus.PUBLISHED) product.publishedAt = new Date();
  }

  private record(product: Product, from: ProductStatus | null, to: ProductStatus, em: EntityManager = this.em): void {
    em.create(ProductStatusChange, { productId: product.id, from, to, actor: this.actor });
  }
}
