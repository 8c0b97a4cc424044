export * from './category';
export * from './price-list';
export * from './product';
export * from './references';

import { Category } from './category';
import { CustomerPriceList, PriceList, PriceListItem } from './price-list';
import { Product, ProductStatusChange } from './product';

/** Every MikroORM entity of the products subgraph. */
export const entities = [Category, Product, ProductStatusChange, PriceList, PriceListItem, CustomerPriceList];
