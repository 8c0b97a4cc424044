import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The customers subgraph's Customer, as far as orders needs it: the key, to hang `orders` on. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID)
  id!: string;
}

/** The products subgraph's Product, referenced from order lines. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Product {
  @Field(() => ID)
  id!: string;
}

/** The field-agents subgraph's FieldAgent, as far as orders needs it: the key, to hang `orders` and `sales` on. */
@ObjectType()
@Directive('@key(fields: "id")')
export class FieldAgent {
  @Field(() => ID)
  id!: string;
}
