import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The products subgraph's Product, as far as inventory needs it: the key, to hang `stock` and
 * `stockLevels` on. Inventory never reads the product table; a product id is just a UUID here.
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class Product {
  @Field(() => ID)
  id!: string;
}
