import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assertCustomerInScope, type SubgraphContext } from '@tradegraph/kit';
import { Customer, PriceList } from '../entities';
import { assignmentByCustomer, priceListById } from '../loaders';

/** What products adds to the customers subgraph's Customer. */
@Resolver(() => Customer)
export class CustomerExtensionResolver {
  @FieldResolver(() => PriceList, { nullable: true, description: 'The price list this customer buys from; null means base prices. Null, with FORBIDDEN, for a customer outside a field agent\'s territory.' })
  async priceList(@Root() customer: Customer, @Ctx() ctx: SubgraphContext): Promise<PriceList | null> {
    await assertCustomerInScope(ctx, customer.id);
    const assignment = await ctx.loaders.get(assignmentByCustomer).load(customer.id);
    return assignment ? ctx.loaders.get(priceListById).load(assignment.priceListId) : null;
  }
}
