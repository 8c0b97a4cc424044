import { Migration } from '@mikro-orm/migrations';

/** The balance due kept on the order, and a partial index of the orders that still owe: credit exposure stays fast as paid history grows. */
export class Migration20261201112700_order_balance_due extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "orders"."order" add column "balance_due_minor" bigint not null default 0;`);
    this.addSql(`update "orders"."order" o set "balance_due_minor" = o."total_minor" - coalesce((select sum(case t."kind" when 'FORWARD' then t."amount_minor" else -t."amount_minor" end) from "orders"."payment_transaction" t where t."order_id" = o."id"), 0);`);
    this.addSql(`alter table "orders"."order" alter column "balance_due_minor" drop default;`);
    this.addSql(`create index "order_owing_index" on "orders"."order" ("customer_id", "currency") where "balance_due_minor" > 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "orders"."order_owing_index";`);
    this.addSql(`alter table "orders"."order" drop column "balance_due_minor";`);
  }

}
