import { Migration } from '@mikro-orm/migrations';

export class Migration20261201132136_api_key_replaced_by extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "partners"."api_key" add column "replaced_by_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "partners"."api_key" drop column "replaced_by_id";`);
  }

}
