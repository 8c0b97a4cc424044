import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@tradegraph/kit';
import { ExternalRef, Order } from '../entities';
import { orderRefs } from '../loaders';

/** What sync adds to the orders subgraph's Order. */
@Resolver(() => Order)
export class OrderExtensionResolver {
  @FieldResolver(() => [ExternalRef], { nullable: true, description: 'The systems this order was pushed to, and its id in each; null, with UNAVAILABLE, while sync cannot answer.' })
  externalRefs(@Root() order: Order, @Ctx() ctx: SubgraphContext): Promise<ExternalRef[]> {
    return ctx.loaders.get(orderRefs).load(order.id);
  }
}
