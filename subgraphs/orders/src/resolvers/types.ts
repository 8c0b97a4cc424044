import { Field, Int, ObjectType } from 'type-graphql';
import { Connection, Money } from '@tradegraph/kit';
import { Order } from '../entities';

export const OrderConnection = Connection('Order', Order);

@ObjectType({ description: 'Orders an agent placed in a period [from, to) by placement time, in every status but CANCELLED (PENDING, PROCESSING, COMPLETED and REFUNDED count).' })
export class AgentSales {
  @Field(() => Int)
  orderCount!: number;

  @Field(() => Money, { nullable: true, description: 'The orders\' totals (tax included); null when there are none, or when they span several currencies (see revenueByCurrency).' })
  revenue!: Money | null;

  @Field(() => [Money], { description: 'The totals per currency.' })
  revenueByCurrency!: Money[];
}

@ObjectType({ description: 'A customer\'s credit: its limit, what it owes or will owe (exposure) and what is left. Only orders in the limit\'s currency count.' })
export class CustomerCredit {
  @Field(() => Money, { description: 'The customer\'s credit limit; 0 means no credit terms (orders are not checked against it).' })
  limit!: Money;

  @Field(() => Money, { description: 'The balance due (total minus net payments) of its PENDING, PROCESSING and COMPLETED orders, and of CANCELLED ones that shipped in part (closed short), in the limit\'s currency.' })
  exposure!: Money;

  @Field(() => Money, { nullable: true, description: 'Limit minus exposure (negative when past the limit, e.g. after an override); null when the customer has no credit terms (limit 0).' })
  available!: Money | null;
}
