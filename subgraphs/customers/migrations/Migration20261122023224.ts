import { Migration } from '@mikro-orm/migrations';

export class Migration20261122023224 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "customers";`);
    this.addSql(`create table "customers"."customer" ("id" uuid not null, "code" varchar(40) not null, "name" varchar(200) not null, "email" varchar(254) null, "phone" varchar(40) null, "addresses" jsonb not null, "segment" text check ("segment" in ('RETAIL', 'WHOLESALE', 'DISTRIBUTOR', 'KEY_ACCOUNT')) not null default 'RETAIL', "credit_limit_minor" bigint not null, "currency" varchar(3) not null, "status" text check ("status" in ('ACTIVE', 'SUSPENDED', 'ARCHIVED')) not null default 'ACTIVE', "latitude" double precision null, "longitude" double precision null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "customer_pkey" primary key ("id"));`);
    this.addSql(`alter table "customers"."customer" add constraint "customer_code_unique" unique ("code");`);
    this.addSql(`create index "customer_segment_index" on "customers"."customer" ("segment");`);
    this.addSql(`create index "customer_status_index" on "customers"."customer" ("status");`);
    this.addSql(`create index "customer_created_at_id_index" on "customers"."customer" ("created_at", "id");`);
    this.addSql(`create index "customer_name_id_index" on "customers"."customer" ("name", "id");`);

    this.addSql(`create table "customers"."customer_status_change" ("id" bigserial primary key, "customer_id" uuid not null, "from" text check ("from" in ('ACTIVE', 'SUSPENDED', 'ARCHIVED')) null, "to" text check ("to" in ('ACTIVE', 'SUSPENDED', 'ARCHIVED')) not null, "actor" varchar(200) null, "reason" varchar(500) null, "changed_at" timestamptz not null);`);
    this.addSql(`create index "customer_status_change_customer_id_id_index" on "customers"."customer_status_change" ("customer_id", "id");`);

    this.addSql(`alter table "customers"."customer_status_change" add constraint "customer_status_change_customer_id_foreign" foreign key ("customer_id") references "customers"."customer" ("id") on update cascade on delete cascade;`);
  }

}
