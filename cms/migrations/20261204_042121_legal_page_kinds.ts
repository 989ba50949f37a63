import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_pages_statement_conformance" AS ENUM('full', 'partial', 'non-conformant');
  CREATE TYPE "public"."enum__pages_v_version_statement_conformance" AS ENUM('full', 'partial', 'non-conformant');
  ALTER TYPE "public"."enum_pages_kind" ADD VALUE 'accessibility' BEFORE 'other';
  ALTER TYPE "public"."enum_pages_kind" ADD VALUE 'privacy' BEFORE 'other';
  ALTER TYPE "public"."enum__pages_v_version_kind" ADD VALUE 'accessibility' BEFORE 'other';
  ALTER TYPE "public"."enum__pages_v_version_kind" ADD VALUE 'privacy' BEFORE 'other';
  ALTER TABLE "pages" ADD COLUMN "statement_conformance" "enum_pages_statement_conformance";
  ALTER TABLE "pages" ADD COLUMN "statement_contact" varchar;
  ALTER TABLE "pages" ADD COLUMN "statement_reviewed_at" timestamp(3) with time zone;
  ALTER TABLE "pages_locales" ADD COLUMN "statement_retention" varchar;
  ALTER TABLE "_pages_v" ADD COLUMN "version_statement_conformance" "enum__pages_v_version_statement_conformance";
  ALTER TABLE "_pages_v" ADD COLUMN "version_statement_contact" varchar;
  ALTER TABLE "_pages_v" ADD COLUMN "version_statement_reviewed_at" timestamp(3) with time zone;
  ALTER TABLE "_pages_v_locales" ADD COLUMN "version_statement_retention" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "pages" ALTER COLUMN "kind" SET DATA TYPE text;
  ALTER TABLE "pages" ALTER COLUMN "kind" SET DEFAULT 'other'::text;
  DROP TYPE "public"."enum_pages_kind";
  CREATE TYPE "public"."enum_pages_kind" AS ENUM('about', 'ambassador', 'consular-services', 'visa', 'overseas-vietnamese', 'citizen-protection', 'other');
  ALTER TABLE "pages" ALTER COLUMN "kind" SET DEFAULT 'other'::"public"."enum_pages_kind";
  ALTER TABLE "pages" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_pages_kind" USING "kind"::"public"."enum_pages_kind";
  ALTER TABLE "_pages_v" ALTER COLUMN "version_kind" SET DATA TYPE text;
  ALTER TABLE "_pages_v" ALTER COLUMN "version_kind" SET DEFAULT 'other'::text;
  DROP TYPE "public"."enum__pages_v_version_kind";
  CREATE TYPE "public"."enum__pages_v_version_kind" AS ENUM('about', 'ambassador', 'consular-services', 'visa', 'overseas-vietnamese', 'citizen-protection', 'other');
  ALTER TABLE "_pages_v" ALTER COLUMN "version_kind" SET DEFAULT 'other'::"public"."enum__pages_v_version_kind";
  ALTER TABLE "_pages_v" ALTER COLUMN "version_kind" SET DATA TYPE "public"."enum__pages_v_version_kind" USING "version_kind"::"public"."enum__pages_v_version_kind";
  ALTER TABLE "pages" DROP COLUMN "statement_conformance";
  ALTER TABLE "pages" DROP COLUMN "statement_contact";
  ALTER TABLE "pages" DROP COLUMN "statement_reviewed_at";
  ALTER TABLE "pages_locales" DROP COLUMN "statement_retention";
  ALTER TABLE "_pages_v" DROP COLUMN "version_statement_conformance";
  ALTER TABLE "_pages_v" DROP COLUMN "version_statement_contact";
  ALTER TABLE "_pages_v" DROP COLUMN "version_statement_reviewed_at";
  ALTER TABLE "_pages_v_locales" DROP COLUMN "version_statement_retention";
  DROP TYPE "public"."enum_pages_statement_conformance";
  DROP TYPE "public"."enum__pages_v_version_statement_conformance";`)
}
