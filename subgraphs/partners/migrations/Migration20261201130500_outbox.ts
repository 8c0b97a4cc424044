import { Migration } from '@mikro-orm/migrations';

export class Migration20261201130500_outbox extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "partners"."outbox_event" ("sequence" bigserial primary key, "event_id" uuid not null, "type" varchar(100) not null, "entity" varchar(100) not null, "entity_id" varchar(100) not null, "version" int not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "published_at" timestamptz null, "attempts" int not null default 0, "trace_parent" varchar(55) null);`);
    this.addSql(`create index "outbox_event_published_at_sequence_index" on "partners"."outbox_event" ("published_at", "sequence");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "partners"."outbox_event" cascade;`);
  }

}
