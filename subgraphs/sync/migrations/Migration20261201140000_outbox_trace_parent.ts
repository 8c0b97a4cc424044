import { Migration } from '@mikro-orm/migrations';

export class Migration20261201140000_outbox_trace_parent extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "sync"."outbox_event" add column "trace_parent" varchar(55) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sync"."outbox_event" drop column "trace_parent";`);
  }

}
