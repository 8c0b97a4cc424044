import { Migration } from '@mikro-orm/migrations';

export class Migration20261122023221 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "products";`);
    this.addSql(`create table "products"."category" ("id" uuid not null, "name" varchar(120) not null, "slug" varchar(120) not null, "parent_id" uuid null, "created_at" timestamptz not null, constraint "category_pkey" primary key ("id"));`);
    this.addSql(`alter table "products"."category" add constraint "category_slug_unique" unique ("slug");`);
    this.addSql(`create index "category_parent_id_index" on "products"."category" ("parent_id");`);

    this.addSql(`create table "products"."price_list" ("id" uuid not null, "name" varchar(120) not null, "currency" varchar(3) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "price_list_pkey" primary key ("id"));`);
    this.addSql(`alter table "products"."price_list" add constraint "price_list_name_unique" unique ("name");`);

    this.addSql(`create table "products"."customer_price_list" ("customer_id" uuid not null, "price_list_id" uuid not null, "assigned_at" timestamptz not null, constraint "customer_price_list_pkey" primary key ("customer_id"));`);
    this.addSql(`create index "customer_price_list_price_list_id_index" on "products"."customer_price_list" ("price_list_id");`);

    this.addSql(`create table "products"."product" ("id" uuid not null, "sku" varchar(64) not null, "name" varchar(200) not null, "description" text null, "status" text check ("status" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'DRAFT', "category_id" uuid null, "brand" varchar(100) null, "base_price_minor" bigint not null, "currency" varchar(3) not null, "attributes" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "published_at" timestamptz null, constraint "product_pkey" primary key ("id"));`);
    this.addSql(`alter table "products"."product" add constraint "product_sku_unique" unique ("sku");`);
    this.addSql(`create index "product_status_index" on "products"."product" ("status");`);
    this.addSql(`create index "product_category_id_index" on "products"."product" ("category_id");`);
    this.addSql(`create index "product_created_at_id_index" on "products"."product" ("created_at", "id");`);
    this.addSql(`create index "product_base_price_minor_id_index" on "products"."product" ("base_price_minor", "id");`);
    this.addSql(`create index "product_name_id_index" on "products"."product" ("name", "id");`);

    this.addSql(`create table "products"."price_list_item" ("id" uuid not null, "price_list_id" uuid not null, "product_id" uuid not null, "amount_minor" bigint not null, "currency" varchar(3) not null, constraint "price_list_item_pkey" primary key ("id"));`);
    this.addSql(`create index "price_list_item_product_id_index" on "products"."price_list_item" ("product_id");`);
    this.addSql(`alter table "products"."price_list_item" add constraint "price_list_item_price_list_id_product_id_unique" unique ("price_list_id", "product_id");`);

    this.addSql(`create table "products"."product_status_change" ("id" bigserial primary key, "product_id" uuid not null, "from" text check ("from" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) null, "to" text check ("to" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null, "actor" varchar(200) null, "changed_at" timestamptz not null);`);
    this.addSql(`create index "product_status_change_product_id_id_index" on "products"."product_status_change" ("product_id", "id");`);

    this.addSql(`alter table "products"."category" add constraint "category_parent_id_foreign" foreign key ("parent_id") references "products"."category" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "products"."customer_price_list" add constraint "customer_price_list_price_list_id_foreign" foreign key ("price_list_id") references "products"."price_list" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "products"."product" add constraint "product_category_id_foreign" foreign key ("category_id") references "products"."category" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "products"."price_list_item" add constraint "price_list_item_price_list_id_foreign" foreign key ("price_list_id") references "products"."price_list" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "products"."price_list_item" add constraint "price_list_item_product_id_foreign" foreign key ("product_id") references "products"."product" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "products"."product_status_change" add constraint "product_status_change_product_id_foreign" foreign key ("product_id") references "products"."product" ("id") on update cascade on delete cascade;`);
  }

}
