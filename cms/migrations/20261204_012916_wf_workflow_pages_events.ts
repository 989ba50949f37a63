import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_pages_workflow_state" AS ENUM('draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished', 'withdrawn');
  CREATE TYPE "public"."enum__pages_v_version_workflow_state" AS ENUM('draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished', 'withdrawn');
  CREATE TYPE "public"."enum_workflow_events_document_collection" AS ENUM('articles', 'pages');
  CREATE TYPE "public"."enum_workflow_events_system_actor" AS ENUM('scheduler');
  DROP INDEX "pages_publication_publication_state_idx";
  DROP INDEX "_pages_v_version_publication_version_publication_state_idx";
  ALTER TABLE "workflow_events" ALTER COLUMN "article_id" DROP NOT NULL;
  ALTER TABLE "articles_locales" ADD COLUMN "workflow_submitted_revision" varchar;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_workflow_submitted_revision" varchar;
  ALTER TABLE "pages_locales" ADD COLUMN "workflow_state" "enum_pages_workflow_state";
  ALTER TABLE "pages_locales" ADD COLUMN "workflow_submitted_by_id" integer;
  ALTER TABLE "pages_locales" ADD COLUMN "workflow_submitted_revision" varchar;
  ALTER TABLE "pages_locales" ADD COLUMN "workflow_approved_by_id" integer;
  ALTER TABLE "pages_locales" ADD COLUMN "workflow_changed_at" timestamp(3) with time zone;
  ALTER TABLE "pages_locales" ADD COLUMN "workflow_scheduled_at" timestamp(3) with time zone;
  ALTER TABLE "pages_locales" ADD COLUMN "workflow_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "pages_locales" ADD COLUMN "workflow_withdrawal_reason" varchar;
  ALTER TABLE "pages_locales" ADD COLUMN "workflow_rejection_reason" varchar;
  ALTER TABLE "pages_locales" ADD COLUMN "workflow_force_published" boolean DEFAULT false;
  ALTER TABLE "pages_locales" ADD COLUMN "workflow_force_reason" varchar;
  ALTER TABLE "_pages_v_locales" ADD COLUMN "version_workflow_state" "enum__pages_v_version_workflow_state";
  ALTER TABLE "_pages_v_locales" ADD COLUMN "version_workflow_submitted_by_id" integer;
  ALTER TABLE "_pages_v_locales" ADD COLUMN "version_workflow_submitted_revision" varchar;
  ALTER TABLE "_pages_v_locales" ADD COLUMN "version_workflow_approved_by_id" integer;
  ALTER TABLE "_pages_v_locales" ADD COLUMN "version_workflow_changed_at" timestamp(3) with time zone;
  ALTER TABLE "_pages_v_locales" ADD COLUMN "version_workflow_scheduled_at" timestamp(3) with time zone;
  ALTER TABLE "_pages_v_locales" ADD COLUMN "version_workflow_withdrawn_at" timestamp(3) with time zone;
  ALTER TABLE "_pages_v_locales" ADD COLUMN "version_workflow_withdrawal_reason" varchar;
  ALTER TABLE "_pages_v_locales" ADD COLUMN "version_workflow_rejection_reason" varchar;
  ALTER TABLE "_pages_v_locales" ADD COLUMN "version_workflow_force_published" boolean DEFAULT false;
  ALTER TABLE "_pages_v_locales" ADD COLUMN "version_workflow_force_reason" varchar;
  ALTER TABLE "workflow_events" ADD COLUMN "page_id" integer;
  ALTER TABLE "workflow_events" ADD COLUMN "document_collection" "enum_workflow_events_document_collection";
  ALTER TABLE "workflow_events" ADD COLUMN "document_id" numeric;
  ALTER TABLE "workflow_events" ADD COLUMN "document_title" varchar;
  ALTER TABLE "workflow_events" ADD COLUMN "system_actor" "enum_workflow_events_system_actor";
  ALTER TABLE "pages_locales" ADD CONSTRAINT "pages_locales_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages_locales" ADD CONSTRAINT "pages_locales_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v_locales" ADD CONSTRAINT "_pages_v_locales_version_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v_locales" ADD CONSTRAINT "_pages_v_locales_version_workflow_approved_by_id_users_id_fk" FOREIGN KEY ("version_workflow_approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "pages_workflow_workflow_state_idx" ON "pages_locales" USING btree ("workflow_state");
  CREATE INDEX "pages_workflow_workflow_submitted_by_idx" ON "pages_locales" USING btree ("workflow_submitted_by_id");
  CREATE INDEX "pages_workflow_workflow_approved_by_idx" ON "pages_locales" USING btree ("workflow_approved_by_id");
  CREATE INDEX "_pages_v_version_workflow_version_workflow_state_idx" ON "_pages_v_locales" USING btree ("version_workflow_state");
  CREATE INDEX "_pages_v_version_workflow_version_workflow_submitted_by_idx" ON "_pages_v_locales" USING btree ("version_workflow_submitted_by_id");
  CREATE INDEX "_pages_v_version_workflow_version_workflow_approved_by_idx" ON "_pages_v_locales" USING btree ("version_workflow_approved_by_id");
  CREATE INDEX "workflow_events_page_idx" ON "workflow_events" USING btree ("page_id");
  CREATE INDEX "workflow_events_document_id_idx" ON "workflow_events" USING btree ("document_id");
  -- Pages keep their publication per locale: "published" stays published, everything else a draft.
  UPDATE "pages_locales" SET "workflow_state" = "publication_state"::text::"enum_pages_workflow_state" WHERE "publication_state" IS NOT NULL;
  UPDATE "_pages_v_locales" SET "version_workflow_state" = "version_publication_state"::text::"enum__pages_v_version_workflow_state" WHERE "version_publication_state" IS NOT NULL;
  -- Existing events all belong to articles.
  UPDATE "workflow_events" SET "document_collection" = 'articles', "document_id" = "article_id" WHERE "article_id" IS NOT NULL;
  ALTER TABLE "pages_locales" DROP COLUMN "publication_state";
  ALTER TABLE "_pages_v_locales" DROP COLUMN "version_publication_state";
  DROP TYPE "public"."enum_pages_publication_state";
  DROP TYPE "public"."enum__pages_v_version_publication_state";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_pages_publication_state" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__pages_v_version_publication_state" AS ENUM('draft', 'published');
  ALTER TABLE "pages_locales" DROP CONSTRAINT "pages_locales_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "pages_locales" DROP CONSTRAINT "pages_locales_workflow_approved_by_id_users_id_fk";
  
  ALTER TABLE "_pages_v_locales" DROP CONSTRAINT "_pages_v_locales_version_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "_pages_v_locales" DROP CONSTRAINT "_pages_v_locales_version_workflow_approved_by_id_users_id_fk";
  
  ALTER TABLE "workflow_events" DROP CONSTRAINT "workflow_events_page_id_pages_id_fk";
  
  DROP INDEX "pages_workflow_workflow_state_idx";
  DROP INDEX "pages_workflow_workflow_submitted_by_idx";
  DROP INDEX "pages_workflow_workflow_approved_by_idx";
  DROP INDEX "_pages_v_version_workflow_version_workflow_state_idx";
  DROP INDEX "_pages_v_version_workflow_version_workflow_submitted_by_idx";
  DROP INDEX "_pages_v_version_workflow_version_workflow_approved_by_idx";
  DROP INDEX "workflow_events_page_idx";
  DROP INDEX "workflow_events_document_id_idx";
  DELETE FROM "workflow_events" WHERE "article_id" IS NULL;
  ALTER TABLE "workflow_events" ALTER COLUMN "article_id" SET NOT NULL;
  ALTER TABLE "pages_locales" ADD COLUMN "publication_state" "enum_pages_publication_state" DEFAULT 'draft';
  ALTER TABLE "_pages_v_locales" ADD COLUMN "version_publication_state" "enum__pages_v_version_publication_state" DEFAULT 'draft';
  CREATE INDEX "pages_publication_publication_state_idx" ON "pages_locales" USING btree ("publication_state");
  CREATE INDEX "_pages_v_version_publication_version_publication_state_idx" ON "_pages_v_locales" USING btree ("version_publication_state");
  UPDATE "pages_locales" SET "publication_state" = CASE WHEN "workflow_state" IN ('published', 'withdrawn') THEN 'published'::"enum_pages_publication_state" ELSE 'draft' END;
  UPDATE "_pages_v_locales" SET "version_publication_state" = CASE WHEN "version_workflow_state" IN ('published', 'withdrawn') THEN 'published'::"enum__pages_v_version_publication_state" ELSE 'draft' END;
  ALTER TABLE "articles_locales" DROP COLUMN "workflow_submitted_revision";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_workflow_submitted_revision";
  ALTER TABLE "pages_locales" DROP COLUMN "workflow_state";
  ALTER TABLE "pages_locales" DROP COLUMN "workflow_submitted_by_id";
  ALTER TABLE "pages_locales" DROP COLUMN "workflow_submitted_revision";
  ALTER TABLE "pages_locales" DROP COLUMN "workflow_approved_by_id";
  ALTER TABLE "pages_locales" DROP COLUMN "workflow_changed_at";
  ALTER TABLE "pages_locales" DROP COLUMN "workflow_scheduled_at";
  ALTER TABLE "pages_locales" DROP COLUMN "workflow_withdrawn_at";
  ALTER TABLE "pages_locales" DROP COLUMN "workflow_withdrawal_reason";
  ALTER TABLE "pages_locales" DROP COLUMN "workflow_rejection_reason";
  ALTER TABLE "pages_locales" DROP COLUMN "workflow_force_published";
  ALTER TABLE "pages_locales" DROP COLUMN "workflow_force_reason";
  ALTER TABLE "_pages_v_locales" DROP COLUMN "version_workflow_state";
  ALTER TABLE "_pages_v_locales" DROP COLUMN "version_workflow_submitted_by_id";
  ALTER TABLE "_pages_v_locales" DROP COLUMN "version_workflow_submitted_revision";
  ALTER TABLE "_pages_v_locales" DROP COLUMN "version_workflow_approved_by_id";
  ALTER TABLE "_pages_v_locales" DROP COLUMN "version_workflow_changed_at";
  ALTER TABLE "_pages_v_locales" DROP COLUMN "version_workflow_scheduled_at";
  ALTER TABLE "_pages_v_locales" DROP COLUMN "version_workflow_withdrawn_at";
  ALTER TABLE "_pages_v_locales" DROP COLUMN "version_workflow_withdrawal_reason";
  ALTER TABLE "_pages_v_locales" DROP COLUMN "version_workflow_rejection_reason";
  ALTER TABLE "_pages_v_locales" DROP COLUMN "version_workflow_force_published";
  ALTER TABLE "_pages_v_locales" DROP COLUMN "version_workflow_force_reason";
  ALTER TABLE "workflow_events" DROP COLUMN "page_id";
  ALTER TABLE "workflow_events" DROP COLUMN "document_collection";
  ALTER TABLE "workflow_events" DROP COLUMN "document_id";
  ALTER TABLE "workflow_events" DROP COLUMN "document_title";
  ALTER TABLE "workflow_events" DROP COLUMN "system_actor";
  DROP TYPE "public"."enum_pages_workflow_state";
  DROP TYPE "public"."enum__pages_v_version_workflow_state";
  DROP TYPE "public"."enum_workflow_events_document_collection";
  DROP TYPE "public"."enum_workflow_events_system_actor";`)
}
