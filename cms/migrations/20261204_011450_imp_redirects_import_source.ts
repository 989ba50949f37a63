import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_import_source_system" AS ENUM('wordpress', 'feed');
  CREATE TYPE "public"."enum__articles_v_version_import_source_system" AS ENUM('wordpress', 'feed');
  CREATE TYPE "public"."enum_pages_import_source_system" AS ENUM('wordpress', 'feed');
  CREATE TYPE "public"."enum__pages_v_version_import_source_system" AS ENUM('wordpress', 'feed');
  CREATE TYPE "public"."enum_redirects_to_type" AS ENUM('reference', 'custom');
  CREATE TYPE "public"."enum_redirects_locale" AS ENUM('vi', 'en', 'ar');
  CREATE TYPE "public"."enum_redirects_type" AS ENUM('301', '302');
  CREATE TYPE "public"."enum_redirects_origin" AS ENUM('manual', 'import', 'slug-change');
  CREATE TABLE "redirects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"from" varchar NOT NULL,
  	"mission_id" integer NOT NULL,
  	"to_type" "enum_redirects_to_type" DEFAULT 'reference',
  	"to_url" varchar,
  	"locale" "enum_redirects_locale" DEFAULT 'vi',
  	"type" "enum_redirects_type" DEFAULT '301' NOT NULL,
  	"origin" "enum_redirects_origin" DEFAULT 'manual',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "redirects_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" integer,
  	"pages_id" integer
  );
  
  ALTER TABLE "articles" ADD COLUMN "import_source_key" varchar;
  ALTER TABLE "articles" ADD COLUMN "import_source_system" "enum_articles_import_source_system";
  ALTER TABLE "articles" ADD COLUMN "import_source_items" jsonb;
  ALTER TABLE "_articles_v" ADD COLUMN "version_import_source_key" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_import_source_system" "enum__articles_v_version_import_source_system";
  ALTER TABLE "_articles_v" ADD COLUMN "version_import_source_items" jsonb;
  ALTER TABLE "pages" ADD COLUMN "import_source_key" varchar;
  ALTER TABLE "pages" ADD COLUMN "import_source_system" "enum_pages_import_source_system";
  ALTER TABLE "pages" ADD COLUMN "import_source_items" jsonb;
  ALTER TABLE "_pages_v" ADD COLUMN "version_import_source_key" varchar;
  ALTER TABLE "_pages_v" ADD COLUMN "version_import_source_system" "enum__pages_v_version_import_source_system";
  ALTER TABLE "_pages_v" ADD COLUMN "version_import_source_items" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "redirects_id" integer;
  ALTER TABLE "redirects" ADD CONSTRAINT "redirects_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "redirects_rels" ADD CONSTRAINT "redirects_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."redirects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "redirects_rels" ADD CONSTRAINT "redirects_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "redirects_rels" ADD CONSTRAINT "redirects_rels_pages_fk" FOREIGN KEY ("pages_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "redirects_from_idx" ON "redirects" USING btree ("from");
  CREATE INDEX "redirects_mission_idx" ON "redirects" USING btree ("mission_id");
  CREATE INDEX "redirects_updated_at_idx" ON "redirects" USING btree ("updated_at");
  CREATE INDEX "redirects_created_at_idx" ON "redirects" USING btree ("created_at");
  CREATE INDEX "redirects_rels_order_idx" ON "redirects_rels" USING btree ("order");
  CREATE INDEX "redirects_rels_parent_idx" ON "redirects_rels" USING btree ("parent_id");
  CREATE INDEX "redirects_rels_path_idx" ON "redirects_rels" USING btree ("path");
  CREATE INDEX "redirects_rels_articles_id_idx" ON "redirects_rels" USING btree ("articles_id");
  CREATE INDEX "redirects_rels_pages_id_idx" ON "redirects_rels" USING btree ("pages_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_redirects_fk" FOREIGN KEY ("redirects_id") REFERENCES "public"."redirects"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_import_source_import_source_key_idx" ON "articles" USING btree ("import_source_key");
  CREATE INDEX "_articles_v_version_import_source_version_import_source__idx" ON "_articles_v" USING btree ("version_import_source_key");
  CREATE INDEX "pages_import_source_import_source_key_idx" ON "pages" USING btree ("import_source_key");
  CREATE INDEX "_pages_v_version_import_source_version_import_source_key_idx" ON "_pages_v" USING btree ("version_import_source_key");
  CREATE INDEX "payload_locked_documents_rels_redirects_id_idx" ON "payload_locked_documents_rels" USING btree ("redirects_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "redirects" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "redirects_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "redirects" CASCADE;
  DROP TABLE "redirects_rels" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_redirects_fk";
  
  DROP INDEX "articles_import_source_import_source_key_idx";
  DROP INDEX "_articles_v_version_import_source_version_import_source__idx";
  DROP INDEX "pages_import_source_import_source_key_idx";
  DROP INDEX "_pages_v_version_import_source_version_import_source_key_idx";
  DROP INDEX "payload_locked_documents_rels_redirects_id_idx";
  ALTER TABLE "articles" DROP COLUMN "import_source_key";
  ALTER TABLE "articles" DROP COLUMN "import_source_system";
  ALTER TABLE "articles" DROP COLUMN "import_source_items";
  ALTER TABLE "_articles_v" DROP COLUMN "version_import_source_key";
  ALTER TABLE "_articles_v" DROP COLUMN "version_import_source_system";
  ALTER TABLE "_articles_v" DROP COLUMN "version_import_source_items";
  ALTER TABLE "pages" DROP COLUMN "import_source_key";
  ALTER TABLE "pages" DROP COLUMN "import_source_system";
  ALTER TABLE "pages" DROP COLUMN "import_source_items";
  ALTER TABLE "_pages_v" DROP COLUMN "version_import_source_key";
  ALTER TABLE "_pages_v" DROP COLUMN "version_import_source_system";
  ALTER TABLE "_pages_v" DROP COLUMN "version_import_source_items";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "redirects_id";
  DROP TYPE "public"."enum_articles_import_source_system";
  DROP TYPE "public"."enum__articles_v_version_import_source_system";
  DROP TYPE "public"."enum_pages_import_source_system";
  DROP TYPE "public"."enum__pages_v_version_import_source_system";
  DROP TYPE "public"."enum_redirects_to_type";
  DROP TYPE "public"."enum_redirects_locale";
  DROP TYPE "public"."enum_redirects_type";
  DROP TYPE "public"."enum_redirects_origin";`)
}
