import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_deployments_status" AS ENUM('running', 'succeeded', 'failed', 'rolled-back');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deploySite' BEFORE 'publishScheduled';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deploySite' BEFORE 'publishScheduled';
  CREATE TABLE "deployments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"mission_id" integer NOT NULL,
  	"trigger" varchar NOT NULL,
  	"status" "enum_deployments_status" DEFAULT 'running' NOT NULL,
  	"rollback_of_id" integer,
  	"runner" varchar,
  	"started_at" timestamp(3) with time zone NOT NULL,
  	"finished_at" timestamp(3) with time zone,
  	"timings_build" numeric,
  	"timings_prepare" numeric,
  	"timings_upload_assets" numeric,
  	"timings_upload_pages" numeric,
  	"timings_delete" numeric,
  	"timings_purge" numeric,
  	"timings_total" numeric,
  	"pages_rendered" numeric,
  	"objects_uploaded" numeric,
  	"objects_deleted" numeric,
  	"objects_unchanged" numeric,
  	"bytes_uploaded" numeric,
  	"purged_urls" jsonb,
  	"error" varchar,
  	"manifest" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles_locales" ALTER COLUMN "workflow_state" DROP DEFAULT;
  ALTER TABLE "_articles_v_locales" ALTER COLUMN "version_workflow_state" DROP DEFAULT;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "deployments_id" integer;
  ALTER TABLE "deployments" ADD CONSTRAINT "deployments_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "deployments" ADD CONSTRAINT "deployments_rollback_of_id_deployments_id_fk" FOREIGN KEY ("rollback_of_id") REFERENCES "public"."deployments"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "deployments_mission_idx" ON "deployments" USING btree ("mission_id");
  CREATE INDEX "deployments_status_idx" ON "deployments" USING btree ("status");
  CREATE INDEX "deployments_rollback_of_idx" ON "deployments" USING btree ("rollback_of_id");
  CREATE INDEX "deployments_updated_at_idx" ON "deployments" USING btree ("updated_at");
  CREATE INDEX "deployments_created_at_idx" ON "deployments" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_deployments_fk" FOREIGN KEY ("deployments_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_deployments_id_idx" ON "payload_locked_documents_rels" USING btree ("deployments_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "deployments" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "deployments" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_deployments_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'rebuildSites', 'publishScheduled');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'rebuildSites', 'publishScheduled');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_deployments_id_idx";
  ALTER TABLE "articles_locales" ALTER COLUMN "workflow_state" SET DEFAULT 'draft';
  ALTER TABLE "_articles_v_locales" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft';
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "deployments_id";
  DROP TYPE "public"."enum_deployments_status";`)
}
