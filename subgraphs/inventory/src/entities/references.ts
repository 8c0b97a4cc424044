import { entityReference } from '@tradegraph/kit';

/**
 * The products subgraph's Product, as far as inventory needs it: the key, to hang `stock` and
 * `stockLevels` on. Inventory never reads the product table; a product id is just a UUID here.
 */
export const Product = entityReference('Product');
export type Product = InstanceType<typeof Product>;
