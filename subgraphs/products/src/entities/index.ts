export * from './category';
export * from './customer';
export * from './price-list';
export * from './product';

import { Category } from './category';
import { CustomerPriceList, PriceList, PriceListItem } from './price-list';
import { Product, ProductStatusChange } from './product';

/** Every MikroORM entity of the products subgraph. */
export const entities = [Category, Product, ProductStatusChange, PriceList, PriceListItem, CustomerPriceList];
