import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { agentCustomerScope, badInput, hasScope, MAX_BULK_ITEMS, PageArgs, type ConnectionPage, type SubgraphContext, type UpsertSummary, auditSource } from '@tradegraph/kit';
import { Customer, CustomerStatus, CustomerStatusChange } from '../entities';
import { CreateCustomerInput, CustomerFilter, CustomerSort, UpdateCustomerInput, UpsertCustomerInput } from '../inputs/customer-inputs';
import { statusHistoryByCustomer, visibleCustomer } from '../loaders';
import { CustomerService } from '../services/customers';
import { maskEmail, maskPhone, PII_SCOPE } from '../services/pii';
import { CustomerConnection, UpsertCustomersResult } from './types';

const service = (ctx: SubgraphContext) => new CustomerService(ctx.em, auditSource(ctx));
const seesPii = (ctx: SubgraphContext) => hasScope(ctx.caller, PII_SCOPE);

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: 'One customer by id or by code (give exactly one).' })
  async customer(
    @Ctx() ctx: SubgraphContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', () => String, { nullable: true }) code?: string,
  ): Promise<Customer | null> {
    if ((id == null) === (code == null)) throw badInput('id', 'give exactly one of id and code');
    if (id != null) return visibleCustomer(ctx, id);
    const scope = await agentCustomerScope(ctx);
    return ctx.em.findOne(Customer, scope ? { code: code!, id: { $in: [...scope] } } : { code: code! });
  }

  @Query(() => CustomerConnection, { description: 'Customers matching the filter, as a keyset-paginated connection.' })
  async customers(
    @Ctx() ctx: SubgraphContext,
    @Arg('filter', () => CustomerFilter, { nullable: true }) filter: CustomerFilter | undefined,
    @Arg('sort', () => CustomerSort, { defaultValue: CustomerSort.NAME_ASC }) sort: CustomerSort = CustomerSort.NAME_ASC,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ConnectionPage<Customer>> {
    // A field agent's page is narrowed in the query itself (`id in (…)` of its territory).
    return service(ctx).search(filter, sort, page, seesPii(ctx), await agentCustomerScope(ctx));
  }

  @FieldResolver(() => String, { nullable: true, description: `Masked ("j***@example.com") unless the caller has the ${PII_SCOPE} scope.` })
  email(@Root() customer: Customer, @Ctx() ctx: SubgraphContext): string | null {
    if (customer.email === null) return null;
    return seesPii(ctx) ? customer.email : maskEmail(customer.email);
  }

  @FieldResolver(() => String, { nullable: true, description: `Masked ("***67") unless the caller has the ${PII_SCOPE} scope.` })
  phone(@Root() customer: Customer, @Ctx() ctx: SubgraphContext): string | null {
    if (customer.phone === null) return null;
    return seesPii(ctx) ? customer.phone : maskPhone(customer.phone);
  }

  @FieldResolver(() => [CustomerStatusChange], { description: 'Every status move, oldest first.' })
  statusHistory(@Root() customer: Customer, @Ctx() ctx: SubgraphContext): Promise<CustomerStatusChange[]> {
    return ctx.loaders.get(statusHistoryByCustomer).load(customer.id);
  }

  @Mutation(() => Customer, { description: 'Creates an ACTIVE customer.' })
  createCustomer(@Arg('input', () => CreateCustomerInput) input: CreateCustomerInput, @Ctx() ctx: SubgraphContext): Promise<Customer> {
    return service(ctx).create(input);
  }

  @Mutation(() => Customer)
  updateCustomer(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCustomerInput) input: UpdateCustomerInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Customer> {
    return service(ctx).update(id, input);
  }

  @Mutation(() => Customer, { description: 'ACTIVE → SUSPENDED: no new orders until reactivated.' })
  suspendCustomer(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Customer> {
    return service(ctx).transition(id, CustomerStatus.SUSPENDED, reason ?? null);
  }

  @Mutation(() => Customer, { description: 'SUSPENDED → ACTIVE.' })
  reactivateCustomer(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Customer> {
    return service(ctx).transition(id, CustomerStatus.ACTIVE, null);
  }

  @Mutation(() => Customer, { description: 'ACTIVE or SUSPENDED → ARCHIVED, which is final.' })
  archiveCustomer(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Customer> {
    return service(ctx).transition(id, CustomerStatus.ARCHIVED, reason ?? null);
  }

  @Mutation(() => UpsertCustomersResult, { description: `Creates or updates up to ${MAX_BULK_ITEMS} customers by code; idempotent.` })
  upsertCustomers(@Arg('items', () => [UpsertCustomerInput]) items: UpsertCustomerInput[], @Ctx() ctx: SubgraphContext): Promise<UpsertSummary<Customer>> {
    return service(ctx).upsertMany(items);
  }
}
