import { StateMachine } from '@tradegraph/kit';
import { ProductStatus } from '../entities/product';

/** The product lifecycle: the one table of allowed status moves. */
export const productStatus = new StateMachine<ProductStatus>('Product', {
  [ProductStatus.DRAFT]: [ProductStatus.PUBLISHED],
  [ProductStatus.PUBLISHED]: [ProductStatus.ARCHIVED, ProductStatus.DRAFT],
  [ProductStatus.ARCHIVED]: [ProductStatus.DRAFT],
});
