import { Migration } from '@mikro-orm/migrations';

export class Migration20261201102000_outbox_version extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "customers"."outbox_event" ("sequence" bigserial primary key, "event_id" uuid not null, "type" varchar(100) not null, "entity" varchar(100) not null, "entity_id" varchar(100) not null, "version" int not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "published_at" timestamptz null, "attempts" int not null default 0, "trace_parent" varchar(55) null);`);
    this.addSql(`create index "outbox_event_published_at_sequence_index" on "customers"."outbox_event" ("published_at", "sequence");`);
    this.addSql(`alter table "customers"."customer" add column "version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customers"."customer" drop column "version";`);
    this.addSql(`drop table if exists "customers"."outbox_event" cascade;`);
  }

}
