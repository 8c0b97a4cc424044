import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@tradegraph/kit';
import { Customer, ExternalRef, Product } from '../entities';
import { customerRefs, productRefs } from '../loaders';

@Resolver(() => Product)
export class ProductRefsResolver {
  @FieldResolver(() => [ExternalRef], { description: 'Where this product lives in external systems.' })
  externalRefs(@Root() product: Product, @Ctx() ctx: SubgraphContext): Promise<ExternalRef[]> {
    return ctx.loaders.get(productRefs).load(product.id);
  }
}

@Resolver(() => Customer)
export class CustomerRefsResolver {
  @FieldResolver(() => [ExternalRef], { description: 'Where this customer lives in external systems.' })
  externalRefs(@Root() customer: Customer, @Ctx() ctx: SubgraphContext): Promise<ExternalRef[]> {
    return ctx.loaders.get(customerRefs).load(customer.id);
  }
}
