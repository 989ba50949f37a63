import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "media_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"missions_id" integer
  );
  
  ALTER TABLE "media_rels" ADD CONSTRAINT "media_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_rels" ADD CONSTRAINT "media_rels_missions_fk" FOREIGN KEY ("missions_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "media_rels_order_idx" ON "media_rels" USING btree ("order");
  CREATE INDEX "media_rels_parent_idx" ON "media_rels" USING btree ("parent_id");
  CREATE INDEX "media_rels_path_idx" ON "media_rels" USING btree ("path");
  CREATE INDEX "media_rels_missions_id_idx" ON "media_rels" USING btree ("missions_id");`)
  // Existing files get the missions whose articles, local overrides, logos or favicons use them;
  // a file nothing uses stays without owners, which leaves it to HQ.
  await db.execute(sql`
  INSERT INTO "media_rels" ("order", "parent_id", "path", "missions_id")
  SELECT row_number() OVER (PARTITION BY u.media_id ORDER BY u.mission_id), u.media_id, 'missions', u.mission_id FROM (
    SELECT a."hero_image_id" AS media_id, r."missions_id" AS mission_id FROM "articles" a JOIN "articles_rels" r ON r."parent_id" = a."id" AND r."path" = 'missions'
      WHERE a."hero_image_id" IS NOT NULL AND r."missions_id" IS NOT NULL
    UNION SELECT "hero_image_id", "mission_id" FROM "article_overrides" WHERE "hero_image_id" IS NOT NULL AND "mission_id" IS NOT NULL
    UNION SELECT "logo_id", "id" FROM "missions" WHERE "logo_id" IS NOT NULL
    UNION SELECT "favicon_id", "id" FROM "missions" WHERE "favicon_id" IS NOT NULL
  ) u;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "media_rels" CASCADE;`)
}
