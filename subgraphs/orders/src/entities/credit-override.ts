import { Field, ObjectType } from 'type-graphql';

/** Who let an order past its customer's credit limit, and why (placeOrder's `creditOverride`). */
@ObjectType({ description: 'A MANAGER\'s or ADMIN\'s decision to place an order whatever the customer\'s credit limit says.' })
export class CreditOverride {
  @Field(() => String, { nullable: true, description: 'The subject (user) who gave the override.' })
  by!: string | null;

  @Field()
  reason!: string;
}
