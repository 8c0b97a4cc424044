import type { SubgraphDefinition, SubgraphContext } from '@tradegraph/kit';
import { Customer, entities } from './entities';
import { productById, productBySku } from './loaders';
import { migrations } from '../migrations';
import { permissions } from './permissions';
import { CategoryResolver, PriceListItemResolver, PriceListResolver } from './resolvers/catalog-resolvers';
import { CustomerExtensionResolver } from './resolvers/customer-extension-resolver';
import { ProductResolver } from './resolvers/product-resolver';
import { visibleReference } from './services/visibility';
import { categoryById, priceListById } from './loaders';

/** The products subgraph: catalog, categories and price lists. */
export const productsSubgraph: SubgraphDefinition = {
  name: 'products',
  entities,
  migrations,
  resolvers: [ProductResolver, CategoryResolver, PriceListResolver, PriceListItemResolver, CustomerExtensionResolver],
  // No products field returns a Customer; the gateway reaches it only through _entities.
  orphanedTypes: [Customer],
  references: {
    // Other subgraphs point to any product by id; the caller sees it only if product(id) would show it.
    Product: async (ref, ctx: SubgraphContext) =>
      visibleReference(
        ctx.caller,
        await (typeof ref.id === 'string' ? ctx.loaders.get(productById).load(ref.id) : ctx.loaders.get(productBySku).load(String(ref.sku))),
      ),
    Category: (ref, ctx: SubgraphContext) => ctx.loaders.get(categoryById).load(String(ref.id)),
    PriceList: (ref, ctx: SubgraphContext) => ctx.loaders.get(priceListById).load(String(ref.id)),
    // Customers live in the customers subgraph; products only adds fields keyed by the id.
    Customer: (ref) => ({ id: String(ref.id) }),
  },
  permissions,
};

/** The port products listens on unless PORT says otherwise (matches supergraph.yaml). */
export const PRODUCTS_PORT = 4001;
