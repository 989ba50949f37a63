import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_workflow_events_system_actor" ADD VALUE 'importer';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "workflow_events" ALTER COLUMN "system_actor" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_system_actor";
  CREATE TYPE "public"."enum_workflow_events_system_actor" AS ENUM('scheduler');
  ALTER TABLE "workflow_events" ALTER COLUMN "system_actor" SET DATA TYPE "public"."enum_workflow_events_system_actor" USING "system_actor"::"public"."enum_workflow_events_system_actor";`)
}
