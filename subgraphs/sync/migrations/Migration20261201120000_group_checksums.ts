import { Migration } from '@mikro-orm/migrations';

export class Migration20261201120000_group_checksums extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "sync"."external_ref" add column "group_checksums" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sync"."external_ref" drop column "group_checksums";`);
  }

}
