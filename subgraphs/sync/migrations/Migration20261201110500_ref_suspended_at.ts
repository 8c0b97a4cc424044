import { Migration } from '@mikro-orm/migrations';

/** A ref's `suspended_at`: sync suspended the customer because the source made it inactive, and may reactivate it. */
export class Migration20261201110500_ref_suspended_at extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "sync"."external_ref" add column "suspended_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sync"."external_ref" drop column "suspended_at";`);
  }

}
