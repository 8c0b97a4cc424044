import { Migration } from '@mikro-orm/migrations';

export class Migration20261201100500_credit_override extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "orders"."order" add column "credit_override_by" varchar(200) null, add column "credit_override_reason" varchar(500) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."order" drop column "credit_override_by", drop column "credit_override_reason";`);
  }

}
