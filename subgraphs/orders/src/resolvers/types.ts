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
