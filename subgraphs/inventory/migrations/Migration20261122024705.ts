import { Migration } from '@mikro-orm/migrations';

export class Migration20261122024705 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "inventory";`);
    this.addSql(`create table "inventory"."outbox_event" ("sequence" bigserial primary key, "event_id" uuid not null, "type" varchar(100) not null, "entity" varchar(100) not null, "entity_id" varchar(100) not null, "version" int not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "published_at" timestamptz null, "attempts" int not null default 0);`);
    this.addSql(`create index "outbox_event_published_at_sequence_index" on "inventory"."outbox_event" ("published_at", "sequence");`);

    this.addSql(`create table "inventory"."reservation" ("id" uuid not null, "order_id" uuid not null, "status" text check ("status" in ('ACTIVE', 'COMMITTED', 'RELEASED', 'EXPIRED')) not null default 'ACTIVE', "version" int not null default 1, "expires_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "reservation_pkey" primary key ("id"));`);
    this.addSql(`alter table "inventory"."reservation" add constraint "reservation_order_id_unique" unique ("order_id");`);
    this.addSql(`create index "reservation_status_expires_at_index" on "inventory"."reservation" ("status", "expires_at");`);

    this.addSql(`create table "inventory"."warehouse" ("id" uuid not null, "code" varchar(32) not null, "name" varchar(120) not null, "address" text null, "active" boolean not null default true, "priority" int not null default 100, "created_at" timestamptz not null, constraint "warehouse_pkey" primary key ("id"));`);
    this.addSql(`alter table "inventory"."warehouse" add constraint "warehouse_code_unique" unique ("code");`);
    this.addSql(`create index "warehouse_priority_code_index" on "inventory"."warehouse" ("priority", "code");`);

    this.addSql(`create table "inventory"."stock_movement" ("id" bigserial primary key, "product_id" uuid not null, "warehouse_id" uuid not null, "type" text check ("type" in ('RECEIPT', 'SHIPMENT', 'ADJUSTMENT', 'RESERVATION', 'RELEASE', 'TRANSFER_OUT', 'TRANSFER_IN', 'RETURN')) not null, "quantity" int not null, "on_hand_delta" int not null, "reserved_delta" int not null, "reason" varchar(500) null, "reference" varchar(200) null, "actor" varchar(200) null, "occurred_at" timestamptz not null, constraint stock_movement_quantity_check check (quantity > 0));`);
    this.addSql(`create index "stock_movement_reference_type_index" on "inventory"."stock_movement" ("reference", "type");`);
    this.addSql(`create index "stock_movement_product_id_warehouse_id_id_index" on "inventory"."stock_movement" ("product_id", "warehouse_id", "id");`);
    this.addSql(`create index "stock_movement_product_id_id_index" on "inventory"."stock_movement" ("product_id", "id");`);

    this.addSql(`create table "inventory"."stock_level" ("id" uuid not null, "product_id" uuid not null, "warehouse_id" uuid not null, "on_hand" int not null default 0, "reserved" int not null default 0, "safety_stock" int not null default 0, "reorder_point" int not null default 0, "version" int not null default 0, "updated_at" timestamptz not null, "available" int generated always as (greatest(0, on_hand - reserved - safety_stock)) stored not null, "below_reorder_point" boolean generated always as (greatest(0, on_hand - reserved - safety_stock) <= reorder_point) stored not null, constraint "stock_level_pkey" primary key ("id"), constraint stock_level_quantities_check check (reserved >= 0 and on_hand >= reserved and safety_stock >= 0 and reorder_point >= 0));`);
    this.addSql(`create index "stock_level_below_reorder_point_available_id_index" on "inventory"."stock_level" ("below_reorder_point", "available", "id");`);
    this.addSql(`create index "stock_level_warehouse_id_product_id_index" on "inventory"."stock_level" ("warehouse_id", "product_id");`);
    this.addSql(`alter table "inventory"."stock_level" add constraint "stock_level_product_id_warehouse_id_unique" unique ("product_id", "warehouse_id");`);

    this.addSql(`create table "inventory"."reservation_allocation" ("id" uuid not null, "reservation_id" uuid not null, "product_id" uuid not null, "warehouse_id" uuid not null, "quantity" int not null, constraint "reservation_allocation_pkey" primary key ("id"), constraint reservation_allocation_quantity_check check (quantity > 0));`);
    this.addSql(`alter table "inventory"."reservation_allocation" add constraint "reservation_allocation_reservation_id_product_id__703f3_unique" unique ("reservation_id", "product_id", "warehouse_id");`);

    this.addSql(`alter table "inventory"."stock_movement" add constraint "stock_movement_warehouse_id_foreign" foreign key ("warehouse_id") references "inventory"."warehouse" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "inventory"."stock_level" add constraint "stock_level_warehouse_id_foreign" foreign key ("warehouse_id") references "inventory"."warehouse" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "inventory"."reservation_allocation" add constraint "reservation_allocation_reservation_id_foreign" foreign key ("reservation_id") references "inventory"."reservation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "inventory"."reservation_allocation" add constraint "reservation_allocation_warehouse_id_foreign" foreign key ("warehouse_id") references "inventory"."warehouse" ("id") on update cascade on delete restrict;`);
  }

}
