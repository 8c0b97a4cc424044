import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assertCustomerInScope, ForwardPageArgs, nestedPage, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import { Customer, Order } from '../entities';
import { OrderFilter } from '../inputs/order-inputs';
import { customerOrders } from '../loaders';
import { OrderConnection } from './types';

/** What orders adds to the customers subgraph's Customer. */
@Resolver(() => Customer)
export class CustomerExtensionResolver {
  @FieldResolver(() => OrderConnection, { nullable: true, description: 'This customer\'s orders, newest first; null, with FORBIDDEN, for a customer outside a field agent\'s territory.' })
  async orders(
    @Root() customer: Customer,
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | undefined,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
  ): Promise<ConnectionPage<Order>> {
    await assertCustomerInScope(ctx, customer.id);
    return nestedPage(ctx, customerOrders, customer.id, filter, page);
  }
}
