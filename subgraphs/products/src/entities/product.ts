import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Index, ManyToOne, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { DateColumn, EnumColumn, IdColumn, Money, PUBLIC, statusHistoryEntity, StringColumn, TextColumn, toMoney, UpdatedAtColumn, type EnumValue, graphqlEnum } from '@tradegraph/kit';
import { Category } from './category';

/**
 * What text search matches (services/product-search.ts): sku and name weigh A, brand B,
 * description C; and sku, name and brand alone. Written as PostgreSQL prints them back, so the
 * migration diff sees no change.
 */
const SEARCH_VECTOR =
  `((setweight(to_tsvector('simple'::regconfig, (sku)::text), 'A'::"char") || setweight(to_tsvector('english'::regconfig, (name)::text), 'A'::"char")) || ` +
  `setweight(to_tsvector('english'::regconfig, (COALESCE(brand, ''::character varying))::text), 'B'::"char")) || ` +
  `setweight(to_tsvector('english'::regconfig, COALESCE(description, ''::text)), 'C'::"char")`;

const NAME_VECTOR =
  `(to_tsvector('simple'::regconfig, (sku)::text) || to_tsvector('english'::regconfig, (name)::text)) || ` +
  `to_tsvector('english'::regconfig, (COALESCE(brand, ''::character varying))::text)`;

/** Where a product is in its publishing lifecycle; the allowed moves are in `productStatus`. */
export const ProductStatus = graphqlEnum('ProductStatus', ['DRAFT', 'PUBLISHED', 'ARCHIVED'], { description: 'DRAFT → PUBLISHED → ARCHIVED → DRAFT, PUBLISHED → DRAFT, and DRAFT → ARCHIVED.' });
export type ProductStatus = EnumValue<typeof ProductStatus>;

@ObjectType({ description: 'A name/value pair describing a product (colour, size, voltage …).' })
@Directive(PUBLIC)
export class ProductAttribute {
  @Field()
  name!: string;

  @Field()
  value!: string;
}

@ObjectType({ description: 'A sellable item in the catalog.' })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "sku")')
@Entity({ tableName: 'product' })
@Index({ properties: ['name', 'id'] })
@Index({ properties: ['basePriceMinor', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
@Index({ name: 'product_search_vector_index', expression: 'create index "product_search_vector_index" on "products"."product" using gin ("search_vector")' })
@Index({ name: 'product_name_search_index', expression: 'create index "product_name_search_index" on "products"."product" ("name", "id") include ("status", "sku", "name_vector")' })
@Index({ name: 'product_name_vector_index', expression: 'create index "product_name_vector_index" on "products"."product" using gin ("name_vector")' })
@Index({ name: 'product_sku_upper_index', expression: 'create index "product_sku_upper_index" on "products"."product" (upper("sku") collate "C")' })
@Index({ name: 'product_search_walk_index', expression: 'create index "product_search_walk_index" on "products"."product" ("id") include ("status", "sku", "category_id", "brand", "currency", "base_price_minor", "name_vector")' })
export class Product {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'status' | 'basePrice' | 'description' | 'categoryId' | 'brand' | 'attributes' | 'publishedAt' | 'version';

  @Directive(PUBLIC)
  @IdColumn()
  id: string = randomUUID();

  @Directive(PUBLIC)
  @StringColumn(64, { description: 'Stock-keeping unit, unique across the catalog.' })
  @Unique()
  sku!: string;

  @Directive(PUBLIC)
  @StringColumn(200)
  name!: string;

  @Directive(PUBLIC)
  @TextColumn({ nullable: true })
  description: string | null = null;

  @EnumColumn(() => ProductStatus)
  @Index()
  status: ProductStatus = ProductStatus.DRAFT;

  @ManyToOne(() => Category, { nullable: true, mapToPk: true, fieldName: 'category_id', deleteRule: 'set null' })
  @Index()
  categoryId: string | null = null;

  @Directive(PUBLIC)
  @StringColumn(100, { nullable: true })
  brand: string | null = null;

  @Property({ type: new BigIntType('number') })
  basePriceMinor!: number;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Directive(PUBLIC)
  @Field(() => [ProductAttribute])
  @Property({ type: 'json' })
  attributes: ProductAttribute[] = [];

  @DateColumn()
  createdAt: Date = new Date();

  @UpdatedAtColumn()
  updatedAt: Date = new Date();

  @DateColumn({ nullable: true, description: 'When the product was last published.' })
  publishedAt: Date | null = null;

  /** Counts the product's writes (1 when created): the version its `product.*` events carry. */
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  /** What text search matches, kept by PostgreSQL on every write path (ORM, bulk upserts, seeds). */
  @Property({ columnType: 'tsvector', fieldName: 'search_vector', generated: `(${SEARCH_VECTOR}) stored`, hidden: true, lazy: true, nullable: true })
  searchVector?: string;

  /** The words of sku, name and brand alone: the better tier of search relevance, with statistics of its own. */
  @Property({ columnType: 'tsvector', fieldName: 'name_vector', generated: `(${NAME_VECTOR}) stored`, hidden: true, lazy: true, nullable: true })
  nameVector?: string;

  @Directive(PUBLIC)
  @Field(() => Money, { description: 'The list price, before any customer price list.' })
  get basePrice(): Money {
    return toMoney(this.basePriceMinor, this.currency);
  }
}

export const ProductStatusChange = statusHistoryEntity(Product, 'productId', ProductStatus, {
  description: 'One recorded move of a product\'s status.',
  fromDescription: 'Null when the product was created.',
  actorDescription: 'The subject of the caller who made the change.',
  reason: false,
});
export type ProductStatusChange = InstanceType<typeof ProductStatusChange>;
