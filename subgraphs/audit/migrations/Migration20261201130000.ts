import { Migration } from '@mikro-orm/migrations';

export class Migration20261201130000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "audit";`);
    this.addSql(`create table "audit"."audit_entry" ("id" uuid not null, "occurred_at" timestamptz not null, "recorded_at" timestamptz not null default now(), "entity" text not null, "entity_id" text not null, "action" text not null, "actor_subject" text null, "actor_role" text null, "request_id" text null, "subgraph" text not null, "changes" jsonb not null, constraint "audit_entry_pkey" primary key ("id"));`);
    // The log's one order (newest first), and the same order within each filter.
    this.addSql(`create index "audit_entry_occurred_at_id_index" on "audit"."audit_entry" ("occurred_at" desc, "id" desc);`);
    this.addSql(`create index "audit_entry_entity_entity_id_occurred_at_id_index" on "audit"."audit_entry" ("entity", "entity_id", "occurred_at" desc, "id" desc);`);
    this.addSql(`create index "audit_entry_actor_subject_occurred_at_id_index" on "audit"."audit_entry" ("actor_subject", "occurred_at" desc, "id" desc);`);

    // Append-only for everyone, the subgraph's own role included: a log that can be edited proves nothing.
    this.addSql(`create function "audit"."audit_entry_append_only"() returns trigger language plpgsql as $$ begin raise exception 'audit_entry is append-only'; end $$;`);
    this.addSql(`create trigger "audit_entry_no_update_delete" before update or delete on "audit"."audit_entry" for each statement execute function "audit"."audit_entry_append_only"();`);
    this.addSql(`create trigger "audit_entry_no_truncate" before truncate on "audit"."audit_entry" for each statement execute function "audit"."audit_entry_append_only"();`);
  }

}
