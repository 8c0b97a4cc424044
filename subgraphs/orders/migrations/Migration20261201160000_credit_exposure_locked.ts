import { Migration } from '@mikro-orm/migrations';

/**
 * The credit check in the order's own write statement: a VOLATILE function takes the customer's
 * credit lock and only then reads the exposure, in a snapshot of its own taken after the lock
 * (a plain subquery would read the statement's snapshot, taken before it waited). Placing an
 * order for a customer with credit terms then needs no transaction of its own: one statement
 * instead of begin, lock, write and commit. The exposure is the same as services/credit.ts
 * computes for many customers at once (test/credit-limits.test.ts compares them).
 */
export class Migration20261201160000_credit_exposure_locked extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function "orders"."credit_exposure_locked"(p_customer text, p_currency text) returns bigint
language plpgsql volatile as $$
declare
  exposure bigint;
begin
  perform pg_advisory_xact_lock(1668441444, hashtext(p_customer)); -- 'cred': the namespace of services/credit.ts
  select coalesce(sum(o."balance_due_minor"), 0) into exposure
    from "orders"."order" o
   where o."customer_id" = p_customer::uuid and o."currency" = p_currency and o."balance_due_minor" > 0
     and (o."status" in ('PENDING', 'PROCESSING', 'COMPLETED')
          or (o."status" = 'CANCELLED' and exists (select 1 from "orders"."shipment" s where s."order_id" = o."id")));
  return exposure;
end
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists "orders"."credit_exposure_locked"(text, text);`);
  }

}
