import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_source_locale" AS ENUM('vi', 'en');
  CREATE TYPE "public"."enum_articles_workflow_state" AS ENUM('draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished', 'withdrawn');
  CREATE TYPE "public"."enum_articles_update_kind" AS ENUM('minor', 'major');
  CREATE TYPE "public"."enum__articles_v_version_source_locale" AS ENUM('vi', 'en');
  CREATE TYPE "public"."enum__articles_v_version_workflow_state" AS ENUM('draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished', 'withdrawn');
  CREATE TYPE "public"."enum__articles_v_version_update_kind" AS ENUM('minor', 'major');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'publishScheduled';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'publishScheduled';
  CREATE TABLE "articles_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "_articles_v_version_change_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "workflow_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer NOT NULL,
  	"locale" varchar NOT NULL,
  	"action" varchar NOT NULL,
  	"from" varchar,
  	"to" varchar,
  	"user_id" integer,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "workflow_events_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"missions_id" integer
  );
  
  ALTER TABLE "articles" ADD COLUMN "source_locale" "enum_articles_source_locale" DEFAULT 'vi';
  ALTER TABLE "articles_locales" ADD COLUMN "workflow_state" "enum_articles_workflow_state" DEFAULT 'draft';
  ALTER TABLE "articles_locales" ADD COLUMN "workflow_submitted_by_id" integer;
  ALTER TABLE "articles_locales" ADD COLUMN "workflow_approved_by_id" integer;
  ALTER TABLE "articles_locales" ADD COLUMN "workflow_changed_at" timestamp(3) with time zone;
  ALTER TABLE "articles_locales" ADD COLUMN "workflow_scheduled_at" timestamp(3) with time zone;
  ALTER TABLE "articles_locales" ADD COLUMN "workflow_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "articles_locales" ADD COLUMN "workflow_withdrawal_reason" varchar;
  ALTER TABLE "articles_locales" ADD COLUMN "workflow_rejection_reason" varchar;
  ALTER TABLE "articles_locales" ADD COLUMN "workflow_force_published" boolean DEFAULT false;
  ALTER TABLE "articles_locales" ADD COLUMN "workflow_force_reason" varchar;
  ALTER TABLE "articles_locales" ADD COLUMN "update_kind" "enum_articles_update_kind" DEFAULT 'minor';
  ALTER TABLE "articles_locales" ADD COLUMN "change_note" varchar;
  ALTER TABLE "articles_locales" ADD COLUMN "translation_source_snapshot" jsonb;
  ALTER TABLE "articles_locales" ADD COLUMN "translation_snapshot_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_source_locale" "enum__articles_v_version_source_locale" DEFAULT 'vi';
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_workflow_state" "enum__articles_v_version_workflow_state" DEFAULT 'draft';
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_workflow_submitted_by_id" integer;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_workflow_approved_by_id" integer;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_workflow_changed_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_workflow_scheduled_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_workflow_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_workflow_withdrawal_reason" varchar;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_workflow_rejection_reason" varchar;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_workflow_force_published" boolean DEFAULT false;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_workflow_force_reason" varchar;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_update_kind" "enum__articles_v_version_update_kind" DEFAULT 'minor';
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_change_note" varchar;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_translation_source_snapshot" jsonb;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_translation_snapshot_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "workflow_events_id" integer;
  ALTER TABLE "articles_change_notes" ADD CONSTRAINT "articles_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_change_notes" ADD CONSTRAINT "_articles_v_version_change_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events_rels" ADD CONSTRAINT "workflow_events_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."workflow_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_events_rels" ADD CONSTRAINT "workflow_events_rels_missions_fk" FOREIGN KEY ("missions_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_change_notes_order_idx" ON "articles_change_notes" USING btree ("_order");
  CREATE INDEX "articles_change_notes_parent_id_idx" ON "articles_change_notes" USING btree ("_parent_id");
  CREATE INDEX "articles_change_notes_locale_idx" ON "articles_change_notes" USING btree ("_locale");
  CREATE INDEX "_articles_v_version_change_notes_order_idx" ON "_articles_v_version_change_notes" USING btree ("_order");
  CREATE INDEX "_articles_v_version_change_notes_parent_id_idx" ON "_articles_v_version_change_notes" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_version_change_notes_locale_idx" ON "_articles_v_version_change_notes" USING btree ("_locale");
  CREATE INDEX "workflow_events_article_idx" ON "workflow_events" USING btree ("article_id");
  CREATE INDEX "workflow_events_user_idx" ON "workflow_events" USING btree ("user_id");
  CREATE INDEX "workflow_events_updated_at_idx" ON "workflow_events" USING btree ("updated_at");
  CREATE INDEX "workflow_events_created_at_idx" ON "workflow_events" USING btree ("created_at");
  CREATE INDEX "workflow_events_rels_order_idx" ON "workflow_events_rels" USING btree ("order");
  CREATE INDEX "workflow_events_rels_parent_idx" ON "workflow_events_rels" USING btree ("parent_id");
  CREATE INDEX "workflow_events_rels_path_idx" ON "workflow_events_rels" USING btree ("path");
  CREATE INDEX "workflow_events_rels_missions_id_idx" ON "workflow_events_rels" USING btree ("missions_id");
  ALTER TABLE "articles_locales" ADD CONSTRAINT "articles_locales_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_locales" ADD CONSTRAINT "articles_locales_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_locales" ADD CONSTRAINT "_articles_v_locales_version_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_locales" ADD CONSTRAINT "_articles_v_locales_version_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("version_workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_workflow_events_fk" FOREIGN KEY ("workflow_events_id") REFERENCES "public"."workflow_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_workflow_workflow_state_idx" ON "articles_locales" USING btree ("workflow_state");
  CREATE INDEX "articles_workflow_workflow_submitted_by_idx" ON "articles_locales" USING btree ("workflow_submitted_by_id");
  CREATE INDEX "articles_workflow_workflow_approved_by_idx" ON "articles_locales" USING btree ("workflow_approved_by_id");
  CREATE INDEX "_articles_v_version_workflow_version_workflow_state_idx" ON "_articles_v_locales" USING btree ("version_workflow_state");
  CREATE INDEX "_articles_v_version_workflow_version_workflow_submitted__idx" ON "_articles_v_locales" USING btree ("version_workflow_submitted_by_id");
  CREATE INDEX "_articles_v_version_workflow_version_workflow_approved_b_idx" ON "_articles_v_locales" USING btree ("version_workflow_approved_by_id");
  CREATE INDEX "payload_locked_documents_rels_workflow_events_id_idx" ON "payload_locked_documents_rels" USING btree ("workflow_events_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles_change_notes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_version_change_notes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "workflow_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "workflow_events_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "articles_change_notes" CASCADE;
  DROP TABLE "_articles_v_version_change_notes" CASCADE;
  DROP TABLE "workflow_events" CASCADE;
  DROP TABLE "workflow_events_rels" CASCADE;
  ALTER TABLE "articles_locales" DROP CONSTRAINT "articles_locales_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "articles_locales" DROP CONSTRAINT "articles_locales_workflow_approved_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v_locales" DROP CONSTRAINT "_articles_v_locales_version_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v_locales" DROP CONSTRAINT "_articles_v_locales_version_workflow_approved_by_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_workflow_events_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'rebuildSites');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'rebuildSites');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "articles_workflow_workflow_state_idx";
  DROP INDEX "articles_workflow_workflow_submitted_by_idx";
  DROP INDEX "articles_workflow_workflow_approved_by_idx";
  DROP INDEX "_articles_v_version_workflow_version_workflow_state_idx";
  DROP INDEX "_articles_v_version_workflow_version_workflow_submitted__idx";
  DROP INDEX "_articles_v_version_workflow_version_workflow_approved_b_idx";
  DROP INDEX "payload_locked_documents_rels_workflow_events_id_idx";
  ALTER TABLE "articles" DROP COLUMN "source_locale";
  ALTER TABLE "articles_locales" DROP COLUMN "workflow_state";
  ALTER TABLE "articles_locales" DROP COLUMN "workflow_submitted_by_id";
  ALTER TABLE "articles_locales" DROP COLUMN "workflow_approved_by_id";
  ALTER TABLE "articles_locales" DROP COLUMN "workflow_changed_at";
  ALTER TABLE "articles_locales" DROP COLUMN "workflow_scheduled_at";
  ALTER TABLE "articles_locales" DROP COLUMN "workflow_withdrawn_at";
  ALTER TABLE "articles_locales" DROP COLUMN "workflow_withdrawal_reason";
  ALTER TABLE "articles_locales" DROP COLUMN "workflow_rejection_reason";
  ALTER TABLE "articles_locales" DROP COLUMN "workflow_force_published";
  ALTER TABLE "articles_locales" DROP COLUMN "workflow_force_reason";
  ALTER TABLE "articles_locales" DROP COLUMN "update_kind";
  ALTER TABLE "articles_locales" DROP COLUMN "change_note";
  ALTER TABLE "articles_locales" DROP COLUMN "translation_source_snapshot";
  ALTER TABLE "articles_locales" DROP COLUMN "translation_snapshot_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_source_locale";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_workflow_state";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_workflow_submitted_by_id";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_workflow_approved_by_id";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_workflow_changed_at";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_workflow_scheduled_at";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_workflow_withdrawn_at";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_workflow_withdrawal_reason";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_workflow_rejection_reason";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_workflow_force_published";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_workflow_force_reason";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_update_kind";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_change_note";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_translation_source_snapshot";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_translation_snapshot_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "workflow_events_id";
  DROP TYPE "public"."enum_articles_source_locale";
  DROP TYPE "public"."enum_articles_workflow_state";
  DROP TYPE "public"."enum_articles_update_kind";
  DROP TYPE "public"."enum__articles_v_version_source_locale";
  DROP TYPE "public"."enum__articles_v_version_workflow_state";
  DROP TYPE "public"."enum__articles_v_version_update_kind";`)
}
