import { Migration } from '@mikro-orm/migrations';

export class Migration20261122044941_conflicts_outbound_events extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sync"."outbox_event" ("sequence" bigserial primary key, "event_id" uuid not null, "type" varchar(100) not null, "entity" varchar(100) not null, "entity_id" varchar(100) not null, "version" int not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "published_at" timestamptz null, "attempts" int not null default 0);`);
    this.addSql(`create index "outbox_event_published_at_sequence_index" on "sync"."outbox_event" ("published_at", "sequence");`);

    this.addSql(`create table "sync"."sync_conflict" ("id" uuid not null, "connector_id" uuid not null, "run_id" uuid null, "entity_type" text check ("entity_type" in ('PRODUCT', 'INVENTORY', 'CUSTOMER', 'ORDER')) not null, "external_id" varchar(200) not null, "entity_id" uuid not null, "source_value" jsonb not null, "supergraph_value" jsonb not null, "source_updated_at" timestamptz null, "supergraph_updated_at" timestamptz null, "status" text check ("status" in ('OPEN', 'RESOLVED')) not null default 'OPEN', "resolution" text check ("resolution" in ('SOURCE', 'SUPERGRAPH')) null, "resolved_by" varchar(200) null, "resolved_at" timestamptz null, "detected_at" timestamptz not null, constraint "sync_conflict_pkey" primary key ("id"));`);
    this.addSql(`create index "sync_conflict_entity_type_entity_id_status_index" on "sync"."sync_conflict" ("entity_type", "entity_id", "status");`);
    this.addSql(`create index "sync_conflict_connector_id_status_detected_at_index" on "sync"."sync_conflict" ("connector_id", "status", "detected_at");`);

    this.addSql(`alter table "sync"."sync_run" drop constraint if exists "sync_run_trigger_check";`);

    this.addSql(`alter table "sync"."connector" add column "cursors" jsonb not null default '{}', add column "version" int not null default 0;`);

    this.addSql(`alter table "sync"."external_ref" add column "local_checksum" varchar(64) null, add column "stock_checksum" varchar(64) null, add column "last_synced_at" timestamptz null;`);

    this.addSql(`alter table "sync"."sync_run" add column "conflicts" int not null default 0, add column "full" boolean not null default false, add column "version" int not null default 0, add column "outbound" jsonb null, add column "outbound_key" varchar(100) null, add column "heartbeat_at" timestamptz null;`);
    this.addSql(`alter table "sync"."sync_run" add constraint "sync_run_trigger_check" check("trigger" in ('WEBHOOK', 'SCHEDULE', 'MANUAL', 'RETRY', 'EVENT'));`);
    // One waiting push per connector and subject (outbound runs coalesce into it), and one open conflict per record.
    this.addSql(`create unique index "sync_run_one_queued_push" on "sync"."sync_run" ("connector_id", "outbound_key") where "status" = 'QUEUED';`);
    this.addSql(`create unique index "sync_conflict_one_open" on "sync"."sync_conflict" ("connector_id", "entity_type", "external_id") where "status" = 'OPEN';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "sync"."sync_run_one_queued_push";`);
    this.addSql(`drop table if exists "sync"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "sync"."sync_conflict" cascade;`);

    this.addSql(`alter table "sync"."sync_run" drop constraint if exists "sync_run_trigger_check";`);

    this.addSql(`alter table "sync"."connector" drop column "cursors", drop column "version";`);

    this.addSql(`alter table "sync"."external_ref" drop column "local_checksum", drop column "stock_checksum", drop column "last_synced_at";`);

    this.addSql(`alter table "sync"."sync_run" drop column "conflicts", drop column "full", drop column "version", drop column "outbound", drop column "outbound_key", drop column "heartbeat_at";`);

    this.addSql(`alter table "sync"."sync_run" add constraint "sync_run_trigger_check" check("trigger" in ('WEBHOOK', 'SCHEDULE', 'MANUAL', 'RETRY'));`);
  }

}
