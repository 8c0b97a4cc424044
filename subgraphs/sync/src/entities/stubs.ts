import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The products subgraph's Product, as far as sync needs it: the key to hang `externalRefs` on. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Product {
  @Field(() => ID)
  id!: string;
}

/** The customers subgraph's Customer: the key to hang `externalRefs` on. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Customer {
  @Field(() => ID)
  id!: string;
}

/** The orders subgraph's Order: the key to hang `externalRefs` on. */
@ObjectType()
@Directive('@key(fields: "id")')
export class Order {
  @Field(() => ID)
  id!: string;
}
