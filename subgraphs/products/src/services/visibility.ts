import { forbidden, hasRole, Role, unauthenticated, type Caller } from '@tradegraph/kit';
import { ProductStatus, type Product } from '../entities';

/**
 * Which products a caller may see, whichever way it reaches them (`product`, `products`, a
 * price list's items, or a reference from another subgraph through `_entities`): catalog staff
 * every status, any other authenticated caller PUBLISHED products only, anonymous callers none.
 */

/** Catalog staff see drafts and archived products too. */
export function seesEveryStatus(caller: Caller): boolean {
  return hasRole(caller, Role.ADMIN, Role.MANAGER, Role.SERVICE);
}

/** Same test as kit's `isAuthenticated` rule, which guards `product` and `products`. */
function isAnonymous(caller: Caller): boolean {
  return caller.subject === null || caller.roles.length === 0;
}

/** True when the caller may see this product. */
export function maySee(caller: Caller, product: Product): boolean {
  return !isAnonymous(caller) && (product.status === ProductStatus.PUBLISHED || seesEveryStatus(caller));
}

/**
 * A product reached by reference: returned when the caller may see it, else refused, so the
 * field that pointed to it is null with UNAUTHENTICATED (anonymous) or FORBIDDEN at its path.
 * A lookup (`product(id)`) answers null instead, as for a product that does not exist.
 */
export function visibleReference(caller: Caller, product: Product | null): Product | null {
  if (isAnonymous(caller)) throw unauthenticated();
  if (product && !maySee(caller, product)) throw forbidden('This product is not published');
  return product;
}
