import { Migration } from '@mikro-orm/migrations';

export class Migration20261122031014 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "field_agents";`);
    this.addSql(`create table "field_agents"."outbox_event" ("sequence" bigserial primary key, "event_id" uuid not null, "type" varchar(100) not null, "entity" varchar(100) not null, "entity_id" varchar(100) not null, "version" int not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "published_at" timestamptz null, "attempts" int not null default 0);`);
    this.addSql(`create index "outbox_event_published_at_sequence_index" on "field_agents"."outbox_event" ("published_at", "sequence");`);

    this.addSql(`create table "field_agents"."territory" ("id" uuid not null, "code" varchar(32) not null, "name" varchar(120) not null, "manager_subject" varchar(200) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "territory_pkey" primary key ("id"));`);
    this.addSql(`alter table "field_agents"."territory" add constraint "territory_code_unique" unique ("code");`);
    this.addSql(`create index "territory_manager_subject_index" on "field_agents"."territory" ("manager_subject");`);

    this.addSql(`create table "field_agents"."field_agent" ("id" uuid not null, "employee_id" varchar(40) not null, "name" varchar(200) not null, "email" varchar(254) not null, "phone" varchar(40) null, "territory_id" uuid not null, "vehicle_type" varchar(40) null, "vehicle_registration" varchar(20) null, "status" text check ("status" in ('ACTIVE', 'INACTIVE')) not null default 'ACTIVE', "subject" varchar(200) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "field_agent_pkey" primary key ("id"));`);
    this.addSql(`alter table "field_agents"."field_agent" add constraint "field_agent_employee_id_unique" unique ("employee_id");`);
    this.addSql(`alter table "field_agents"."field_agent" add constraint "field_agent_subject_unique" unique ("subject");`);
    this.addSql(`create index "field_agent_territory_id_name_id_index" on "field_agents"."field_agent" ("territory_id", "name", "id");`);
    this.addSql(`create index "field_agent_name_id_index" on "field_agents"."field_agent" ("name", "id");`);

    this.addSql(`create table "field_agents"."customer_assignment" ("customer_id" uuid not null, "territory_id" uuid not null, "agent_id" uuid null, "assigned_at" timestamptz not null, constraint "customer_assignment_pkey" primary key ("customer_id"));`);
    this.addSql(`create index "customer_assignment_territory_id_index" on "field_agents"."customer_assignment" ("territory_id");`);
    this.addSql(`create index "customer_assignment_agent_id_index" on "field_agents"."customer_assignment" ("agent_id");`);

    this.addSql(`create table "field_agents"."visit" ("id" uuid not null, "agent_id" uuid not null, "customer_id" uuid not null, "territory_id" uuid not null, "type" text check ("type" in ('SALES', 'DELIVERY', 'SERVICE', 'SURVEY')) not null, "status" text check ("status" in ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'MISSED')) not null default 'PLANNED', "scheduled_at" timestamptz not null, "check_in_at" timestamptz null, "check_in_lat" double precision null, "check_in_lng" double precision null, "check_in_accuracy" double precision null, "check_out_at" timestamptz null, "check_out_lat" double precision null, "check_out_lng" double precision null, "check_out_accuracy" double precision null, "distance_meters" double precision null, "off_site" boolean not null default false, "notes" text null, "outcome" text null, "photo_urls" jsonb not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "visit_pkey" primary key ("id"));`);
    this.addSql(`create index "visit_status_scheduled_at_index" on "field_agents"."visit" ("status", "scheduled_at");`);
    this.addSql(`create index "visit_scheduled_at_id_index" on "field_agents"."visit" ("scheduled_at", "id");`);
    this.addSql(`create index "visit_territory_id_scheduled_at_id_index" on "field_agents"."visit" ("territory_id", "scheduled_at", "id");`);
    this.addSql(`create index "visit_customer_id_scheduled_at_id_index" on "field_agents"."visit" ("customer_id", "scheduled_at", "id");`);
    this.addSql(`create index "visit_agent_id_scheduled_at_id_index" on "field_agents"."visit" ("agent_id", "scheduled_at", "id");`);

    this.addSql(`create table "field_agents"."visit_status_change" ("id" bigserial primary key, "visit_id" uuid not null, "from" text check ("from" in ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'MISSED')) null, "to" text check ("to" in ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'MISSED')) not null, "actor" varchar(200) null, "reason" varchar(500) null, "changed_at" timestamptz not null);`);
    this.addSql(`create index "visit_status_change_visit_id_id_index" on "field_agents"."visit_status_change" ("visit_id", "id");`);

    this.addSql(`alter table "field_agents"."field_agent" add constraint "field_agent_territory_id_foreign" foreign key ("territory_id") references "field_agents"."territory" ("id") on update cascade;`);

    this.addSql(`alter table "field_agents"."customer_assignment" add constraint "customer_assignment_territory_id_foreign" foreign key ("territory_id") references "field_agents"."territory" ("id") on update cascade;`);
    this.addSql(`alter table "field_agents"."customer_assignment" add constraint "customer_assignment_agent_id_foreign" foreign key ("agent_id") references "field_agents"."field_agent" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "field_agents"."visit" add constraint "visit_agent_id_foreign" foreign key ("agent_id") references "field_agents"."field_agent" ("id") on update cascade;`);
    this.addSql(`alter table "field_agents"."visit" add constraint "visit_territory_id_foreign" foreign key ("territory_id") references "field_agents"."territory" ("id") on update cascade;`);

    this.addSql(`alter table "field_agents"."visit_status_change" add constraint "visit_status_change_visit_id_foreign" foreign key ("visit_id") references "field_agents"."visit" ("id") on update cascade on delete cascade;`);
  }

}
