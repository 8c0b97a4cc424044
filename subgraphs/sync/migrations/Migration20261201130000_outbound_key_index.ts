import { Migration } from '@mikro-orm/migrations';

export class Migration20261201130000_outbound_key_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "sync_run_connector_id_outbound_key_index" on "sync"."sync_run" ("connector_id", "outbound_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "sync"."sync_run_connector_id_outbound_key_index";`);
  }

}
