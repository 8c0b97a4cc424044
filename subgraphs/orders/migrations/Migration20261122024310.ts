import { Migration } from '@mikro-orm/migrations';

export class Migration20261122024310 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "orders";`);
    // Order numbers (SO-000123): a sequence, so concurrent placements never share one. Written by
    // hand: MikroORM models sequences only behind autoincrement primary keys.
    this.addSql(`create sequence if not exists "orders"."order_number_seq";`);
    this.addSql(`create table "orders"."order" ("id" uuid not null, "number" varchar(20) not null, "customer_id" uuid not null, "placed_by_id" uuid null, "visit_id" uuid null, "status" text check ("status" in ('PENDING', 'PROCESSING', 'COMPLETED', 'REFUNDED', 'CANCELLED')) not null default 'PENDING', "currency" varchar(3) not null, "subtotal_minor" bigint not null, "tax_minor" bigint not null, "total_minor" bigint not null, "notes" text null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "order_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders"."order" add constraint "order_number_unique" unique ("number");`);
    this.addSql(`create index "order_placed_by_id_index" on "orders"."order" ("placed_by_id");`);
    this.addSql(`create index "order_status_index" on "orders"."order" ("status");`);
    this.addSql(`create index "order_created_at_id_index" on "orders"."order" ("created_at", "id");`);
    this.addSql(`create index "order_customer_id_created_at_id_index" on "orders"."order" ("customer_id", "created_at", "id");`);

    this.addSql(`create table "orders"."order_line" ("id" uuid not null, "order_id" uuid not null, "line_no" int not null, "product_id" uuid not null, "sku" varchar(64) not null, "name" varchar(200) not null, "quantity" int not null, "unit_price_minor" bigint not null, "currency" varchar(3) not null, constraint "order_line_pkey" primary key ("id"));`);
    this.addSql(`create index "order_line_product_id_index" on "orders"."order_line" ("product_id");`);
    this.addSql(`alter table "orders"."order_line" add constraint "order_line_order_id_line_no_unique" unique ("order_id", "line_no");`);

    this.addSql(`create table "orders"."order_placement" ("idempotency_key" varchar(200) not null, "order_id" uuid not null, "request_hash" varchar(64) not null, "state" text check ("state" in ('IN_PROGRESS', 'DONE')) not null default 'IN_PROGRESS', "created_at" timestamptz not null, constraint "order_placement_pkey" primary key ("idempotency_key"));`);

    this.addSql(`create table "orders"."order_status_change" ("id" bigserial primary key, "order_id" uuid not null, "from" text check ("from" in ('PENDING', 'PROCESSING', 'COMPLETED', 'REFUNDED', 'CANCELLED')) null, "to" text check ("to" in ('PENDING', 'PROCESSING', 'COMPLETED', 'REFUNDED', 'CANCELLED')) not null, "actor" varchar(200) null, "reason" varchar(500) null, "changed_at" timestamptz not null);`);
    this.addSql(`create index "order_status_change_order_id_id_index" on "orders"."order_status_change" ("order_id", "id");`);

    this.addSql(`create table "orders"."outbox_event" ("sequence" bigserial primary key, "event_id" uuid not null, "type" varchar(100) not null, "entity" varchar(100) not null, "entity_id" varchar(100) not null, "version" int not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "published_at" timestamptz null, "attempts" int not null default 0);`);
    this.addSql(`create index "outbox_event_published_at_sequence_index" on "orders"."outbox_event" ("published_at", "sequence");`);

    this.addSql(`create table "orders"."payment_transaction" ("sequence" bigserial primary key, "id" uuid not null, "order_id" uuid not null, "kind" text check ("kind" in ('FORWARD', 'REVERSE')) not null, "amount_minor" bigint not null, "currency" varchar(3) not null, "reference" varchar(200) null, "reason" varchar(500) null, "actor" varchar(200) null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "orders"."payment_transaction" add constraint "payment_transaction_id_unique" unique ("id");`);
    this.addSql(`create index "payment_transaction_order_id_sequence_index" on "orders"."payment_transaction" ("order_id", "sequence");`);

    this.addSql(`alter table "orders"."order_line" add constraint "order_line_order_id_foreign" foreign key ("order_id") references "orders"."order" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "orders"."order_status_change" add constraint "order_status_change_order_id_foreign" foreign key ("order_id") references "orders"."order" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "orders"."payment_transaction" add constraint "payment_transaction_order_id_foreign" foreign key ("order_id") references "orders"."order" ("id") on update cascade on delete cascade;`);
  }

}
