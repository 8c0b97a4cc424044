import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@tradegraph/kit';
import { Customer, ExternalRef } from '../entities';
import { customerRefs } from '../loaders';

/** What sync adds to the customers subgraph's Customer. */
@Resolver(() => Customer)
export class CustomerExtensionResolver {
  @FieldResolver(() => [ExternalRef], { nullable: true, description: 'Where this customer lives in external systems; null, with UNAVAILABLE, while sync cannot answer.' })
  externalRefs(@Root() customer: Customer, @Ctx() ctx: SubgraphContext): Promise<ExternalRef[]> {
    return ctx.loaders.get(customerRefs).load(customer.id);
  }
}
