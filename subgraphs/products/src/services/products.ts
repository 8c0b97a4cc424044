import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  badInput,
  type ConnectionPage,
  findByIdOrNotFound,
  findPage,
  flushOrConflict,
  type KeysetSort,
  moveStatus,
  type PageArgs,
  pageRequest,
  qualifiedTable,
  recordStatusChange,
  selectRows,
  toMinorUnits,
  upsertByKey,
  type AuditSource,
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
import { audit, productAudit, productAuditEvent, productSnapshot } from './audit';
import { productEvent, productState, recordProductWritten } from './events';
import { searchPage } from './product-search';
import { productStatus } from './product-status';

const SORTS: Record<Exclude<ProductSort, 'RELEVANCE'>, KeysetSort> = {
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
  /** the caller's subject, recorded on every status change */
  private readonly actor: string | null;

  /**
   * @param em this request's EntityManager
   * @param source who asks, recorded in the audit log (null: the system itself)
   */
  constructor(private readonly em: EntityManager, private readonly source: AuditSource | null) {
    this.actor = source?.caller.subject ?? null;
  }

  /** @throws NOT_FOUND */
  async get(id: string): Promise<Product> {
    return findByIdOrNotFound(this.em, Product, id);
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
    recordProductWritten(this.em, product, null);
    audit(this.em, this.source, productAudit(null, product));
    await flushOrConflict(this.em, `A product with sku "${input.sku}" already exists`, 'sku');
    return product;
  }

  /** Changes the given fields; a change records `product.updated`. @throws NOT_FOUND, CONFLICT (sku taken), BAD_USER_INPUT */
  async update(id: string, input: UpdateProductInput): Promise<Product> {
    // The row locked: concurrent updates count the version one after the other.
    return this.em.transactional(async (tx) => {
      const product = await findByIdOrNotFound(tx, Product, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const before = productState(product);
      const auditedBefore = productSnapshot(product);
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
      // An update that sets what is already there writes nothing, so it has no event either.
      if (productState(product) !== before) recordProductWritten(tx, product, product.status);
      audit(tx, this.source, productAudit(auditedBefore, product));
      await flushOrConflict(tx, `A product with sku "${product.sku}" already exists`, 'sku');
      return product;
    });
  }

  /** Moves a product to `to` if the lifecycle allows it. @throws NOT_FOUND, INVALID_TRANSITION */
  transition(id: string, to: ProductStatus): Promise<Product> {
    return moveStatus(this.em, Product, id, productStatus, to, (product, em) => this.move(product, to, em));
  }

  /**
   * Creates or updates up to MAX_BULK_ITEMS products by sku, in one transaction. Items that break a
   * domain rule (unknown category, impossible status) fail alone and are reported; the rest
   * apply. Running the same batch again changes nothing.
   * @throws BAD_USER_INPUT when the batch is too large or repeats a sku
   */
  upsertMany(items: UpsertProductInput[]): Promise<UpsertSummary<Product>> {
    return upsertByKey(this.em, items, {
      entity: Product,
      key: 'sku',
      keyOf: (item) => item.sku,
      load: async (em, all) => {
        const slugs = [...new Set(all.map((i) => i.categorySlug).filter((s): s is string => !!s))];
        const categories = await selectRows(em, Category, ['slug'], slugs.map((slug) => ({ slug })));
        return new Map(categories.map((c) => [c.slug!, c.id!]));
      },
      fields: (item, index, categoryBySlug) => {
        let categoryId: string | null = null;
        if (item.categorySlug) {
          categoryId = categoryBySlug.get(item.categorySlug) ?? null;
          if (!categoryId) throw new Error(`categorySlug "${item.categorySlug}" is not a known category`);
        }
        return {
          name: item.name,
          description: item.description ?? null,
          categoryId,
          brand: item.brand ?? null,
          basePriceMinor: toMinorUnits(item.basePrice.amount, item.basePrice.currency, `items.${index}.basePrice.amount`),
          currency: item.basePrice.currency,
          attributes: (item.attributes ?? []).map(({ name, value }) => ({ name, value })),
        };
      },
      updated: ['name', 'description', 'categoryId', 'brand', 'basePriceMinor', 'currency', 'attributes', 'publishedAt'],
      inserted: { publishedAt: null },
      version: 'version',
      events: (row, before) => {
        const audited = productAuditEvent(this.source, row, before);
        return [productEvent(row, before?.status ?? null, before === null), ...(audited ? [audited] : [])];
      },
      lifecycle: {
        machine: productStatus,
        initial: ProductStatus.DRAFT,
        wanted: (item) => item.status,
        entered: (row, to, now) => {
          if (to === ProductStatus.PUBLISHED) row.publishedAt = now;
        },
        history: ProductStatusChange,
        change: (productId, from, to, now) => ({ productId, from, to, actor: this.actor, changedAt: now }),
      },
    });
  }

  /**
   * One page of products matching the filter; `staff` may see every status, others only
   * PUBLISHED. With a text, RELEVANCE is the default sort (see product-search.ts).
   */
  async search(filter: ProductFilter | null | undefined, sort: ProductSort | null | undefined, page: PageArgs, staff: boolean): Promise<ConnectionPage<Product>> {
    const request = pageRequest(page);
    const conditions: FilterQuery<Product>[] = [];
    const statuses = filter?.status?.length ? filter.status : staff ? undefined : [ProductStatus.PUBLISHED];
    const visible = staff ? statuses : statuses?.filter((s) => s === ProductStatus.PUBLISHED);
    if (visible) conditions.push({ status: { $in: visible } });
    if (filter?.ids) conditions.push({ id: { $in: filter.ids } });
    if (filter?.categoryId) conditions.push({ categoryId: { $in: await this.categoryAndDescendants(filter.categoryId) } });
    if (filter?.brand) conditions.push({ brand: filter.brand });
    const { minPrice, maxPrice } = filter ?? {};
    if (minPrice && maxPrice && minPrice.currency !== maxPrice.currency) {
      throw badInput('filter.maxPrice.currency', 'must be the currency of filter.minPrice');
    }
    if (minPrice) conditions.push({ currency: minPrice.currency, basePriceMinor: { $gte: toMinorUnits(minPrice.amount, minPrice.currency, 'filter.minPrice.amount') } });
    if (maxPrice) conditions.push({ currency: maxPrice.currency, basePriceMinor: { $lte: toMinorUnits(maxPrice.amount, maxPrice.currency, 'filter.maxPrice.amount') } });

    const text = filter?.text;
    const wanted = sort ?? (text ? ProductSort.RELEVANCE : ProductSort.NAME_ASC);
    const keyset = SORTS[wanted === ProductSort.RELEVANCE ? ProductSort.NAME_ASC : wanted];
    if (text) return searchPage(this.em, { $and: conditions }, text, wanted === ProductSort.RELEVANCE ? { relevance: true } : keyset, request);
    return findPage(this.em, Product, { $and: conditions }, keyset, request);
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
    const from = product.status;
    const before = productSnapshot(product);
    this.record(product, from, to, em);
    product.status = to;
    if (to === ProductStatus.PUBLISHED) product.publishedAt = new Date();
    recordProductWritten(em, product, from);
    audit(em, this.source, productAudit(before, product));
  }

  private record(product: Product, from: ProductStatus | null, to: ProductStatus, em: EntityManager = this.em): void {
    recordStatusChange(em, ProductStatusChange, product.id, { from, to, actor: this.actor });
  }
}
