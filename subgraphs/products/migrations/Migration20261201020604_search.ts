import { Migration } from '@mikro-orm/migrations';

export class Migration20261201020604_search extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "products"."product" add column "search_vector" tsvector generated always as (((setweight(to_tsvector('simple'::regconfig, (sku)::text), 'A'::"char") || setweight(to_tsvector('english'::regconfig, (name)::text), 'A'::"char")) || setweight(to_tsvector('english'::regconfig, (COALESCE(brand, ''::character varying))::text), 'B'::"char")) || setweight(to_tsvector('english'::regconfig, COALESCE(description, ''::text)), 'C'::"char")) stored null;`);
    this.addSql(`alter table "products"."product" add column "name_vector" tsvector generated always as (((to_tsvector('simple'::regconfig, (sku)::text) || to_tsvector('english'::regconfig, (name)::text)) || to_tsvector('english'::regconfig, (COALESCE(brand, ''::character varying))::text))) stored null;`);
    this.addSql(`create index "product_sku_upper_index" on "products"."product" (upper("sku") collate "C");`);
    this.addSql(`create index "product_search_vector_index" on "products"."product" using gin ("search_vector");`);
    this.addSql(`create index "product_name_vector_index" on "products"."product" using gin ("name_vector");`);
    this.addSql(`create index "product_name_search_index" on "products"."product" ("name", "id") include ("status", "sku", "name_vector");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "products"."product_sku_upper_index";`);
    this.addSql(`drop index "products"."product_search_vector_index";`);
    this.addSql(`drop index "products"."product_name_search_index";`);
    this.addSql(`drop index "products"."product_name_vector_index";`);
    this.addSql(`alter table "products"."product" drop column "name_vector";`);
    this.addSql(`alter table "products"."product" drop column "search_vector";`);
  }

}
