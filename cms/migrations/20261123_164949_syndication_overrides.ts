import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "article_overrides" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer NOT NULL,
  	"mission_id" integer NOT NULL,
  	"declined" boolean DEFAULT false,
  	"hero_image_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "article_overrides_locales" (
  	"intro" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "article_overrides_id" integer;
  ALTER TABLE "article_overrides" ADD CONSTRAINT "article_overrides_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "article_overrides" ADD CONSTRAINT "article_overrides_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "article_overrides" ADD CONSTRAINT "article_overrides_hero_image_id_media_id_fk" FOREIGN KEY ("hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "article_overrides_locales" ADD CONSTRAINT "article_overrides_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."article_overrides"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "article_overrides_article_idx" ON "article_overrides" USING btree ("article_id");
  CREATE INDEX "article_overrides_mission_idx" ON "article_overrides" USING btree ("mission_id");
  CREATE INDEX "article_overrides_hero_image_idx" ON "article_overrides" USING btree ("hero_image_id");
  CREATE INDEX "article_overrides_updated_at_idx" ON "article_overrides" USING btree ("updated_at");
  CREATE INDEX "article_overrides_created_at_idx" ON "article_overrides" USING btree ("created_at");
  CREATE UNIQUE INDEX "article_overrides_locales_locale_parent_id_unique" ON "article_overrides_locales" USING btree ("_locale","_parent_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_article_overrides_fk" FOREIGN KEY ("article_overrides_id") REFERENCES "public"."article_overrides"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_article_overrides_id_idx" ON "payload_locked_documents_rels" USING btree ("article_overrides_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "article_overrides" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "article_overrides_locales" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "article_overrides" CASCADE;
  DROP TABLE "article_overrides_locales" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_article_overrides_fk";
  
  DROP INDEX "payload_locked_documents_rels_article_overrides_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "article_overrides_id";`)
}
