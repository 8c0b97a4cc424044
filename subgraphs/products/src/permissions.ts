import { allow, isAuthenticated, requireRole, Role } from '@tradegraph/kit';

const catalogStaff = requireRole(Role.ADMIN, Role.MANAGER, Role.SERVICE);
/** Who may see customer-specific prices: staff and field agents, never partners. */
const salesStaff = requireRole(Role.ADMIN, Role.MANAGER, Role.AGENT, Role.SERVICE);

/**
 * Who may do what in the products subgraph. Anything not listed is denied. Any authenticated
 * caller may read the catalog (the resolvers show non-staff published products only);
 * changing it is for catalog staff.
 */
export const permissions = {
  Query: {
    product: isAuthenticated,
    products: isAuthenticated,
    rootCategories: isAuthenticated,
    category: isAuthenticated,
    priceLists: salesStaff,
    priceList: salesStaff,
  },
  Mutation: {
    createProduct: catalogStaff,
    updateProduct: catalogStaff,
    publishProduct: catalogStaff,
    unpublishProduct: catalogStaff,
    archiveProduct: catalogStaff,
    restoreProduct: catalogStaff,
    upsertProducts: catalogStaff,
    createCategory: catalogStaff,
    updateCategory: catalogStaff,
    createPriceList: catalogStaff,
    setPriceListPrices: catalogStaff,
    removePriceListPrices: catalogStaff,
    assignPriceList: catalogStaff,
    unassignPriceList: catalogStaff,
  },
  Product: { '*': allow, priceFor: salesStaff, statusHistory: catalogStaff },
  ProductAttribute: allow,
  ProductStatusChange: allow,
  Category: allow,
  PriceList: { '*': salesStaff, customerIds: catalogStaff },
  PriceListItem: salesStaff,
  Customer: { id: allow, priceList: salesStaff },
};

