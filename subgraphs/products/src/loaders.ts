import { arrayLiteral, entitiesFromRows, executeIn, groupLoader, qualifiedTable, readColumnList, readRows, uniqueLoader, uuidLoader, type SubgraphContext } from '@tradegraph/kit';
import { Category, CustomerPriceList, PriceList, PriceListItem, Product, ProductStatusChange } from './entities';

/**
 * The products subgraph's DataLoaders: one SQL statement per batch, one instance per request.
 * Those behind lookups, lists, prices and entity references read with plain SQL (kit's readRows)
 * and return detached entities: a write path must load what it changes through its own
 * EntityManager, never flush one of these.
 */

export const productById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => readRows(em, Product, 'id', ids), (p) => p.id);

export const productBySku = ({ em }: SubgraphContext) =>
  uniqueLoader((skus: readonly string[]) => readRows(em, Product, 'sku', skus), (p) => p.sku);

export const categoryById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => readRows(em, Category, 'id', ids), (c) => c.id);

export const categoryChildren = ({ em }: SubgraphContext) =>
  groupLoader((ids: readonly string[]) => em.find(Category, { parentId: { $in: [...ids] } }, { orderBy: { name: 'asc' } }), (c) => c.parentId!);

export const statusHistoryByProduct = ({ em }: SubgraphContext) =>
  groupLoader(
    (ids: readonly string[]) => em.find(ProductStatusChange, { productId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
    (c) => c.productId,
  );

export const priceListById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(PriceList, { id: { $in: [...ids] } }), (l) => l.id);

/** Per price list, its customers' assignments (for `PriceList.customerIds`). */
export const assignmentsByPriceList = ({ em }: SubgraphContext) =>
  groupLoader((ids: readonly string[]) => readRows(em, CustomerPriceList, 'priceListId', ids), (a) => a.priceListId);

export const assignmentByCustomer = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => readRows(em, CustomerPriceList, 'customerId', ids), (a) => a.customerId);

/**
 * Key: `${customerId}:${productId}` → the item of the customer's price list for the product;
 * null when the customer has no list or the product is not on it. The assignment and the price
 * in one statement, for `priceFor` over a page of products (and every order's pricing).
 */
export const customerListPrice = ({ em }: SubgraphContext) =>
  uniqueLoader(
    async (keys: readonly string[]) => {
      const pairs = keys.map((k) => k.split(':'));
      const customers = [...new Set(pairs.map(([customer]) => customer))];
      const products = [...new Set(pairs.map(([, product]) => product))];
      const rows = await executeIn<Record<string, unknown> & { for_customer: string }>(
        em,
        `select a.customer_id as for_customer, ${readColumnList(em, PriceListItem, 'i').join(', ')}
           from ${qualifiedTable(em, CustomerPriceList)} as a
           join ${qualifiedTable(em, PriceListItem)} as i on i.price_list_id = a.price_list_id
          where a.customer_id = any(?::uuid[]) and i.product_id = any(?::uuid[])`,
        [arrayLiteral(customers), arrayLiteral(products)],
      );
      const items = entitiesFromRows(em, PriceListItem, rows);
      return items.map((item, n) => ({ key: `${rows[n].for_customer}:${item.productId}`, item }));
    },
    (price) => price.key,
  );
