import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Money, toMoney } from '@tradegraph/kit';
import { Category } from './category';

/** Where a product is in its publishing lifecycle; the allowed moves are in `productStatus`. */
export enum ProductStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ProductStatus, {
  name: 'ProductStatus',
  description: 'DRAFT → PUBLISHED → ARCHIVED → DRAFT, and PUBLISHED → DRAFT.',
});

/** A name/value pair describing a product (colour, size, voltage …). */
@ObjectType({ description: 'A name/value pair describing a product (colour, size, voltage …).' })
export class ProductAttribute {
  @Field()
  name!: string;

  @Field()
  value!: string;
}

/** A sellable item in the catalog. */
@ObjectType({ description: 'A sellable item in the catalog.' })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "sku")')
@Entity({ tableName: 'product' })
@Index({ properties: ['name', 'id'] })
@Index({ properties: ['basePriceMinor', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
export class Product {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'status' | 'basePrice' | 'description' | 'categoryId' | 'brand' | 'attributes' | 'publishedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Stock-keeping unit, unique across the catalog.' })
  @Property({ type: 'string', length: 64 })
  @Unique()
  sku!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => ProductStatus)
  @Enum({ items: () => ProductStatus })
  @Index()
  status: ProductStatus = ProductStatus.DRAFT;

  @ManyToOne(() => Category, { nullable: true, mapToPk: true, fieldName: 'category_id', deleteRule: 'set null' })
  @Index()
  categoryId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  brand: string | null = null;

  @Property({ type: new BigIntType('number') })
  basePriceMinor!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Field(() => [ProductAttribute])
  @Property({ type: 'json' })
  attributes: ProductAttribute[] = [];

  @Field(() => Date)
  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When the product was last published.' })
  @Property({ type: 'Date', nullable: true })
  publishedAt: Date | null = null;

  @Field(() => Money, { description: 'The list price, before any customer price list.' })
  get basePrice(): Money {
    return toMoney(this.basePriceMinor, this.currency);
  }
}

/** One recorded move of a product's status: who moved it, when, from where to where. */
@ObjectType({ description: 'One recorded move of a product\'s status.' })
@Entity({ tableName: 'product_status_change' })
@Index({ properties: ['productId', 'id'] })
export class ProductStatusChange {
  [OptionalProps]?: 'id' | 'changedAt' | 'from' | 'actor';

  /** Increases with every move, so history reads in the order it happened even within one millisecond. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Product, { mapToPk: true, fieldName: 'product_id', deleteRule: 'cascade' })
  productId!: string;

  @Field(() => ProductStatus, { nullable: true, description: 'Null when the product was created.' })
  @Enum({ items: () => ProductStatus, nullable: true })
  from: ProductStatus | null = null;

  @Field(() => ProductStatus)
  @Enum({ items: () => ProductStatus })
  to!: ProductStatus;

  @Field(() => String, { nullable: true, description: 'The subject of the caller who made the change.' })
  @Property({ type: 'string', length: 200, nullable: true })
  actor: string | null = null;

  @Field(() => Date)
  @Property({ type: 'Date' })
  changedAt: Date = new Date();
}
