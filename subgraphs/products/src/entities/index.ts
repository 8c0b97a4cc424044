export * from './category';
export * from './price-list';
export * from './product';
export * from './references';

import { OutboxEvent } from '@tradegraph/kit';
import { Category } from './category';
import { CustomerPriceList, PriceList, PriceListItem } from './price-list';
import { Product, ProductStatusChange } from './product';

/** Every MikroORM entity of the products subgraph; OutboxEvent turns on kit's event relay. */
export const entities = [Category, Product, ProductStatusChange, PriceList, PriceListItem, CustomerPriceList, OutboxEvent];
