import { Migration } from '@mikro-orm/migrations';

/** Partial commits: how much of each allocation has shipped, and the parts committed so far (idempotent per shipment). */
export class Migration20261201095843_partial_shipments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "inventory"."reservation_allocation" add column "shipped" int not null default 0;`);
    this.addSql(`alter table "inventory"."reservation_allocation" add constraint reservation_allocation_shipped_check check (shipped >= 0 and shipped <= quantity);`);
    this.addSql(`create table "inventory"."reservation_shipment" ("shipment_id" uuid not null, "reservation_id" uuid not null, "warehouse_id" uuid not null, "lines" jsonb not null, "created_at" timestamptz not null, constraint "reservation_shipment_pkey" primary key ("shipment_id"));`);
    this.addSql(`create index "reservation_shipment_reservation_id_index" on "inventory"."reservation_shipment" ("reservation_id");`);
    this.addSql(`alter table "inventory"."reservation_shipment" add constraint "reservation_shipment_reservation_id_foreign" foreign key ("reservation_id") references "inventory"."reservation" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inventory"."reservation_shipment";`);
    this.addSql(`alter table "inventory"."reservation_allocation" drop constraint reservation_allocation_shipped_check;`);
    this.addSql(`alter table "inventory"."reservation_allocation" drop column "shipped";`);
  }

}
