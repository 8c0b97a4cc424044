import { groupLoader, readRows, uniqueLoader, uuidLoader, type SubgraphContext } from '@tradegraph/kit';
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

/** Key: `${priceListId}:${productId}`. */
export const listPrice = ({ em }: SubgraphContext) =>
  uniqueLoader(
    async (keys: readonly string[]) => {
      const pairs = keys.map((k) => k.split(':'));
      const lists = new Set(pairs.map(([list]) => list));
      const products = [...new Set(pairs.map(([, product]) => product))];
      // by product (indexed), then the lists asked for: a product is on few lists
      return (await readRows(em, PriceListItem, 'productId', products)).filter((item) => lists.has(item.priceListId));
    },
    (i) => `${i.priceListId}:${i.productId}`,
  );
