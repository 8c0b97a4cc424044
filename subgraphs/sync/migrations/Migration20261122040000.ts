import { Migration } from '@mikro-orm/migrations';

export class Migration20261122040000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "sync";`);
    this.addSql(`create table "sync"."connector" ("id" uuid not null, "name" varchar(120) not null, "system" text check ("system" in ('SHOPIFY', 'NETSUITE', 'SAP_BUSINESS_ONE', 'DYNAMICS_365', 'CSV_FILE', 'REST')) not null, "direction" text check ("direction" in ('INBOUND', 'OUTBOUND', 'BOTH')) not null, "entities" jsonb not null, "mode" text check ("mode" in ('WEBHOOK', 'POLLING', 'BOTH')) not null, "polling_schedule" varchar(120) null, "base_url" varchar(500) null, "field_mapping" jsonb not null, "conflict_policy" text check ("conflict_policy" in ('SOURCE_WINS', 'SUPERGRAPH_WINS', 'NEWEST_WINS', 'MANUAL')) not null, "status" text check ("status" in ('ACTIVE', 'PAUSED', 'FAILING')) not null default 'ACTIVE', "credentials_ciphertext" text null, "last_success_at" timestamptz null, "last_error" text null, "consecutive_failures" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "connector_pkey" primary key ("id"));`);

    this.addSql(`create table "sync"."sync_run" ("id" uuid not null, "connector_id" uuid not null, "trigger" text check ("trigger" in ('WEBHOOK', 'SCHEDULE', 'MANUAL', 'RETRY')) not null, "entities" jsonb not null, "status" text check ("status" in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIALLY_SUCCEEDED', 'FAILED', 'CANCELLED')) not null default 'QUEUED', "total" int not null default 0, "processed" int not null default 0, "created" int not null default 0, "updated" int not null default 0, "unchanged" int not null default 0, "failed" int not null default 0, "attempts" int not null default 0, "max_attempts" int not null default 5, "last_error" text null, "next_attempt_at" timestamptz null, "queued_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, "webhook_delivery_id" uuid null, constraint "sync_run_pkey" primary key ("id"));`);
    this.addSql(`create index "sync_run_connector_id_queued_at_id_index" on "sync"."sync_run" ("connector_id", "queued_at", "id");`);
    this.addSql(`alter table "sync"."sync_run" add constraint "sync_run_connector_id_foreign" foreign key ("connector_id") references "sync"."connector" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "sync"."sync_run_error" ("id" bigserial primary key, "run_id" uuid not null, "external_id" varchar(200) null, "message" text not null, "occurred_at" timestamptz not null);`);
    this.addSql(`create index "sync_run_error_run_id_id_index" on "sync"."sync_run_error" ("run_id", "id");`);
    this.addSql(`alter table "sync"."sync_run_error" add constraint "sync_run_error_run_id_foreign" foreign key ("run_id") references "sync"."sync_run" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "sync"."external_ref" ("id" uuid not null, "connector_id" uuid not null, "system" text check ("system" in ('SHOPIFY', 'NETSUITE', 'SAP_BUSINESS_ONE', 'DYNAMICS_365', 'CSV_FILE', 'REST')) not null, "entity_type" text check ("entity_type" in ('PRODUCT', 'INVENTORY', 'CUSTOMER', 'ORDER')) not null, "external_id" varchar(200) not null, "entity_id" uuid not null, "checksum" varchar(64) not null, "last_seen_at" timestamptz not null, constraint "external_ref_pkey" primary key ("id"));`);
    this.addSql(`alter table "sync"."external_ref" add constraint "external_ref_connector_id_entity_type_external_id_unique" unique ("connector_id", "entity_type", "external_id");`);
    this.addSql(`create index "external_ref_entity_type_entity_id_index" on "sync"."external_ref" ("entity_type", "entity_id");`);

    this.addSql(`create table "sync"."webhook_delivery" ("id" uuid not null, "connector_id" uuid not null, "delivery_id" varchar(200) not null, "topic" varchar(100) not null, "payload" jsonb not null, "received_at" timestamptz not null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`alter table "sync"."webhook_delivery" add constraint "webhook_delivery_connector_id_delivery_id_unique" unique ("connector_id", "delivery_id");`);
  }

}
