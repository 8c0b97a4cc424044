import { groupLoader, uniqueLoader, uuidLoader, type SubgraphContext } from '@tradegraph/kit';
import { Category, CustomerPriceList, PriceList, PriceListItem, Product, ProductStatusChange } from './entities';

/** The products subgraph's DataLoaders: one SQL statement per batch, one instance per request. */

export const productById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(Product, { id: { $in: [...ids] } }), (p) => p.id);

export const productBySku = ({ em }: SubgraphContext) =>
  uniqueLoader((skus: readonly string[]) => em.find(Product, { sku: { $in: [...skus] } }), (p) => p.sku);

export const categoryById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(Category, { id: { $in: [...ids] } }), (c) => c.id);

export const categoryChildren = ({ em }: SubgraphContext) =>
  groupLoader((ids: readonly string[]) => em.find(Category, { parentId: { $in: [...ids] } }, { orderBy: { name: 'asc' } }), (c) => c.parentId!);

export const statusHistoryByProduct = ({ em }: SubgraphContext) =>
  groupLoader(
    (ids: readonly string[]) => em.find(ProductStatusChange, { productId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
    (c) => c.productId,
  );

export const priceListById = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(PriceList, { id: { $in: [...ids] } }), (l) => l.id);

export const assignmentByCustomer = ({ em }: SubgraphContext) =>
  uuidLoader((ids) => em.find(CustomerPriceList, { customerId: { $in: [...ids] } }), (a) => a.customerId);

/** Key: `${priceListId}:${productId}`. */
export const listPrice = ({ em }: SubgraphContext) =>
  uniqueLoader(
    (keys: readonly string[]) => {
      const pairs = keys.map((k) => k.split(':'));
      const lists = [...new Set(pairs.map(([list]) => list))];
      const products = [...new Set(pairs.map(([, product]) => product))];
      return em.find(PriceListItem, { priceListId: { $in: lists }, productId: { $in: products } });
    },
    (i) => `${i.priceListId}:${i.productId}`,
  );
