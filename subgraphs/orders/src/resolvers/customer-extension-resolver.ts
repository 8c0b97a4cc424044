import { Arg, Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { assertCustomerInScope, DomainError, ErrorCode, ForwardPageArgs, nestedPage, toMoney, type ConnectionPage, type SubgraphContext } from '@tradegraph/kit';
import { Customer, Order } from '../entities';
import { OrderFilter } from '../inputs/order-inputs';
import { creditExposureByCustomer, customerOrders } from '../loaders';
import { creditLimitOf, hasCreditTerms } from '../services/credit';
import { CustomerCredit, OrderConnection } from './types';

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

  /**
   * The limit comes with the customer's representation (`@requires`): the gateway reads it from
   * customers under the caller's own rights first, so a caller who may not see it gets no credit
   * either. The exposure is one statement for every customer of the request.
   */
  @FieldResolver(() => CustomerCredit, { nullable: true, description: 'Credit limit, exposure and what is available; null, with FORBIDDEN, for a customer outside a field agent\'s territory.' })
  @Directive('@requires(fields: "creditLimit { amount currency }")')
  async credit(@Root() customer: Customer, @Ctx() ctx: SubgraphContext): Promise<CustomerCredit> {
    await assertCustomerInScope(ctx, customer.id);
    // without the limit (customers refused it) there is nothing to compare the exposure with
    if (!customer.creditLimit) throw new DomainError(ErrorCode.FORBIDDEN, 'This customer\'s credit limit is not visible to you');
    const limit = creditLimitOf(customer.creditLimit);
    const exposureMinor = (await ctx.loaders.get(creditExposureByCustomer).load(customer.id)).get(limit.currency) ?? 0;
    return {
      limit: toMoney(limit.limitMinor, limit.currency),
      exposure: toMoney(exposureMinor, limit.currency),
      available: hasCreditTerms(limit) ? toMoney(limit.limitMinor - exposureMinor, limit.currency) : null,
    };
  }
}
