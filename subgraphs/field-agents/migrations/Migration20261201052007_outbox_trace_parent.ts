import { Migration } from '@mikro-orm/migrations';

export class Migration20261201052007_outbox_trace_parent extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "field_agents"."outbox_event" add column "trace_parent" varchar(55) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "field_agents"."outbox_event" drop column "trace_parent";`);
  }

}
