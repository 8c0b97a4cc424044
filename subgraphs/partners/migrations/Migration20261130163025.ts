import { Migration } from '@mikro-orm/migrations';

export class Migration20261130163025 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "partners";`);
    this.addSql(`create table "partners"."partner" ("id" uuid not null, "name" varchar(200) not null, "status" text check ("status" in ('ACTIVE', 'SUSPENDED')) not null default 'ACTIVE', "trusted_documents_only" boolean not null default false, "requests_per_minute" int null, "cost_per_minute" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "partner_pkey" primary key ("id"));`);
    this.addSql(`create index "partner_name_id_index" on "partners"."partner" ("name", "id");`);

    this.addSql(`create table "partners"."api_key" ("id" uuid not null, "partner_id" uuid not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "scopes" jsonb not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, "created_at" timestamptz not null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "partners"."api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);
    this.addSql(`alter table "partners"."api_key" add constraint "api_key_secret_hash_unique" unique ("secret_hash");`);
    this.addSql(`create index "api_key_partner_id_created_at_index" on "partners"."api_key" ("partner_id", "created_at");`);

    this.addSql(`create table "partners"."partner_status_change" ("id" bigserial primary key, "partner_id" uuid not null, "from" text check ("from" in ('ACTIVE', 'SUSPENDED')) null, "to" text check ("to" in ('ACTIVE', 'SUSPENDED')) not null, "actor" varchar(200) null, "reason" varchar(500) null, "changed_at" timestamptz not null);`);
    this.addSql(`create index "partner_status_change_partner_id_id_index" on "partners"."partner_status_change" ("partner_id", "id");`);

    this.addSql(`alter table "partners"."api_key" add constraint "api_key_partner_id_foreign" foreign key ("partner_id") references "partners"."partner" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "partners"."partner_status_change" add constraint "partner_status_change_partner_id_foreign" foreign key ("partner_id") references "partners"."partner" ("id") on update cascade on delete cascade;`);
  }

}
