import type { Money } from '@tradegraph/kit';
import type { PriceListItem, Product } from '../entities';

/**
 * The price a customer pays for a product: the price on the customer's price list when the
 * list has the product, else the product's base price.
 */
export function effectivePrice(product: Pick<Product, 'basePrice'>, listItem: Pick<PriceListItem, 'price'> | null | undefined): Money {
  return listItem ? listItem.price : product.basePrice;
}
