import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "missions_blocks_upcoming_events" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"count" numeric DEFAULT 3,
  	"block_name" varchar
  );
  
  ALTER TABLE "articles" ADD COLUMN "event_starts_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "event_ends_at" timestamp(3) with time zone;
  ALTER TABLE "articles_locales" ADD COLUMN "event_venue" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_event_starts_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_event_ends_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v_locales" ADD COLUMN "version_event_venue" varchar;
  ALTER TABLE "missions_blocks_upcoming_events" ADD CONSTRAINT "missions_blocks_upcoming_events_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "missions_blocks_upcoming_events_order_idx" ON "missions_blocks_upcoming_events" USING btree ("_order");
  CREATE INDEX "missions_blocks_upcoming_events_parent_id_idx" ON "missions_blocks_upcoming_events" USING btree ("_parent_id");
  CREATE INDEX "missions_blocks_upcoming_events_path_idx" ON "missions_blocks_upcoming_events" USING btree ("_path");
  CREATE INDEX "missions_blocks_upcoming_events_locale_idx" ON "missions_blocks_upcoming_events" USING btree ("_locale");
  CREATE INDEX "articles_event_event_starts_at_idx" ON "articles" USING btree ("event_starts_at");
  CREATE INDEX "_articles_v_version_event_version_event_starts_at_idx" ON "_articles_v" USING btree ("version_event_starts_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "missions_blocks_upcoming_events" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "missions_blocks_upcoming_events" CASCADE;
  DROP INDEX "articles_event_event_starts_at_idx";
  DROP INDEX "_articles_v_version_event_version_event_starts_at_idx";
  ALTER TABLE "articles" DROP COLUMN "event_starts_at";
  ALTER TABLE "articles" DROP COLUMN "event_ends_at";
  ALTER TABLE "articles_locales" DROP COLUMN "event_venue";
  ALTER TABLE "_articles_v" DROP COLUMN "version_event_starts_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_event_ends_at";
  ALTER TABLE "_articles_v_locales" DROP COLUMN "version_event_venue";`)
}
