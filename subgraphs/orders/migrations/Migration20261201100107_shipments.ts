import { Migration } from '@mikro-orm/migrations';

/** Shipments: an order fulfilled by one or more consignments, each committing its part of the reservation. */
export class Migration20261201100107_shipments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "orders"."shipment" ("id" uuid not null, "order_id" uuid not null, "warehouse_id" uuid not null, "carrier" varchar(100) null, "tracking_number" varchar(100) null, "status" text check ("status" in ('SHIPPED', 'DELIVERED')) not null default 'SHIPPED', "shipped_at" timestamptz not null, "delivered_at" timestamptz null, "version" int not null default 1, "request_hash" varchar(64) null, "actor" varchar(200) null, constraint "shipment_pkey" primary key ("id"));`);
    this.addSql(`create index "shipment_order_id_shipped_at_index" on "orders"."shipment" ("order_id", "shipped_at");`);
    this.addSql(`alter table "orders"."shipment" add constraint "shipment_order_id_foreign" foreign key ("order_id") references "orders"."order" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "orders"."shipment_line" ("id" uuid not null, "shipment_id" uuid not null, "order_id" uuid not null, "product_id" uuid not null, "quantity" int not null, constraint "shipment_line_pkey" primary key ("id"), constraint shipment_line_quantity_check check (quantity > 0));`);
    this.addSql(`create index "shipment_line_shipment_id_index" on "orders"."shipment_line" ("shipment_id");`);
    this.addSql(`create index "shipment_line_order_id_product_id_index" on "orders"."shipment_line" ("order_id", "product_id");`);
    this.addSql(`alter table "orders"."shipment_line" add constraint "shipment_line_shipment_id_foreign" foreign key ("shipment_id") references "orders"."shipment" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."shipment_line";`);
    this.addSql(`drop table if exists "orders"."shipment";`);
  }

}
