import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The customers subgraph's Customer, as far as products needs it: the key, to hang `priceList` on. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID)
  id!: string;
}
