import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "articles_locales_parent_idx" ON "articles_locales" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_locales_parent_idx" ON "_articles_v_locales" USING btree ("_parent_id");
  CREATE INDEX "article_overrides_locales_parent_idx" ON "article_overrides_locales" USING btree ("_parent_id");
  CREATE INDEX "missions_consular_addresses_locales_parent_idx" ON "missions_consular_addresses_locales" USING btree ("_parent_id");
  CREATE INDEX "missions_consular_office_hours_locales_parent_idx" ON "missions_consular_office_hours_locales" USING btree ("_parent_id");
  CREATE INDEX "missions_consular_holidays_locales_parent_idx" ON "missions_consular_holidays_locales" USING btree ("_parent_id");
  CREATE INDEX "missions_accredited_countries_locales_parent_idx" ON "missions_accredited_countries_locales" USING btree ("_parent_id");
  CREATE INDEX "missions_locales_parent_idx" ON "missions_locales" USING btree ("_parent_id");
  CREATE INDEX "pages_locales_parent_idx" ON "pages_locales" USING btree ("_parent_id");
  CREATE INDEX "_pages_v_locales_parent_idx" ON "_pages_v_locales" USING btree ("_parent_id");
  CREATE INDEX "alerts_locales_parent_idx" ON "alerts_locales" USING btree ("_parent_id");
  CREATE INDEX "media_locales_parent_idx" ON "media_locales" USING btree ("_parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_locales_parent_idx";
  DROP INDEX "_articles_v_locales_parent_idx";
  DROP INDEX "article_overrides_locales_parent_idx";
  DROP INDEX "missions_consular_addresses_locales_parent_idx";
  DROP INDEX "missions_consular_office_hours_locales_parent_idx";
  DROP INDEX "missions_consular_holidays_locales_parent_idx";
  DROP INDEX "missions_accredited_countries_locales_parent_idx";
  DROP INDEX "missions_locales_parent_idx";
  DROP INDEX "pages_locales_parent_idx";
  DROP INDEX "_pages_v_locales_parent_idx";
  DROP INDEX "alerts_locales_parent_idx";
  DROP INDEX "media_locales_parent_idx";`)
}
