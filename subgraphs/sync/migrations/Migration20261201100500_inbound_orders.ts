import { Migration } from '@mikro-orm/migrations';

export class Migration20261201100500_inbound_orders extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sync"."inbound_order" ("id" uuid not null, "connector_id" uuid not null, "external_id" varchar(200) not null, "checksum" varchar(64) not null, "order_id" uuid null, "refused_code" varchar(64) null, "refused_message" text null, "updated_at" timestamptz not null, constraint "inbound_order_pkey" primary key ("id"));`);
    this.addSql(`alter table "sync"."inbound_order" add constraint "inbound_order_connector_id_external_id_unique" unique ("connector_id", "external_id");`);
    this.addSql(`create index "inbound_order_order_id_index" on "sync"."inbound_order" ("order_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sync"."inbound_order" cascade;`);
  }

}
