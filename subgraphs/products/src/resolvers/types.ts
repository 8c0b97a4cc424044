import { Connection, UpsertResult } from '@tradegraph/kit';
import { PriceListItem, Product } from '../entities';

export const PriceListItemConnection = Connection('PriceListItem', PriceListItem);
export const ProductConnection = Connection('Product', Product, { public: true });
export const UpsertProductsResult = UpsertResult('Product', Product, { key: 'sku', node: 'product' });
