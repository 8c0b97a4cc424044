import { Migration } from '@mikro-orm/migrations';

/** Inbound price lists (entity type PRICE_LIST) and deletions at the source (the connector's `deletions`, a ref's `archived_at`). */
export class Migration20261201095940_price_lists_deletions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "sync"."external_ref" drop constraint if exists "external_ref_entity_type_check";`);
    this.addSql(`alter table "sync"."external_ref" add constraint "external_ref_entity_type_check" check("entity_type" in ('PRODUCT', 'INVENTORY', 'CUSTOMER', 'ORDER', 'PRICE_LIST'));`);
    this.addSql(`alter table "sync"."sync_conflict" drop constraint if exists "sync_conflict_entity_type_check";`);
    this.addSql(`alter table "sync"."sync_conflict" add constraint "sync_conflict_entity_type_check" check("entity_type" in ('PRODUCT', 'INVENTORY', 'CUSTOMER', 'ORDER', 'PRICE_LIST'));`);
    this.addSql(`alter table "sync"."connector" add column "deletions" text check ("deletions" in ('ARCHIVE', 'IGNORE')) not null default 'IGNORE';`);
    this.addSql(`alter table "sync"."external_ref" add column "archived_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sync"."external_ref" drop column "archived_at";`);
    this.addSql(`alter table "sync"."connector" drop column "deletions";`);
    this.addSql(`alter table "sync"."external_ref" drop constraint if exists "external_ref_entity_type_check";`);
    this.addSql(`alter table "sync"."external_ref" add constraint "external_ref_entity_type_check" check("entity_type" in ('PRODUCT', 'INVENTORY', 'CUSTOMER', 'ORDER'));`);
    this.addSql(`alter table "sync"."sync_conflict" drop constraint if exists "sync_conflict_entity_type_check";`);
    this.addSql(`alter table "sync"."sync_conflict" add constraint "sync_conflict_entity_type_check" check("entity_type" in ('PRODUCT', 'INVENTORY', 'CUSTOMER', 'ORDER'));`);
  }

}
