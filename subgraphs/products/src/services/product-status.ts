import { StateMachine } from '@tradegraph/kit';
import { ProductStatus } from '../entities/product';

/** The product lifecycle: the one table of allowed status moves. */
export const productStatus = new StateMachine<ProductStatus>('Product', {
  // DRAFT → ARCHIVED: a draft never sold that is no longer wanted (dropped at an ERP, given up).
  [ProductStatus.DRAFT]: [ProductStatus.PUBLISHED, ProductStatus.ARCHIVED],
  [ProductStatus.PUBLISHED]: [ProductStatus.ARCHIVED, ProductStatus.DRAFT],
  [ProductStatus.ARCHIVED]: [ProductStatus.DRAFT],
});
