import { Migration } from '@mikro-orm/migrations';

export class Migration20261201051955_outbox_trace_parent extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "inventory"."outbox_event" add column "trace_parent" varchar(55) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inventory"."outbox_event" drop column "trace_parent";`);
  }

}
