import { Migration } from '@mikro-orm/migrations';

/** Reservations the expiry sweep found with their order open: they no longer expire (confirmed_at set). */
export class Migration20261201110500_reservation_confirmed extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "inventory"."reservation" add column "confirmed_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inventory"."reservation" drop column "confirmed_at";`);
  }

}
