import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The customers subgraph's Customer, as far as field-agents needs it: the key, to hang territory, agent and visits on. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID)
  id!: string;
}
