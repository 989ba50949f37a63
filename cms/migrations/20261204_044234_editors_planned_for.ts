import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "planned_for" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_planned_for" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP COLUMN "planned_for";
  ALTER TABLE "_articles_v" DROP COLUMN "version_planned_for";`)
}
