import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_missions_social_profiles_network" AS ENUM('facebook', 'x', 'youtube', 'instagram', 'linkedin', 'tiktok', 'zalo');
  CREATE TYPE "public"."enum_missions_header_menu_kind" AS ENUM('page', 'section', 'external');
  CREATE TYPE "public"."enum_missions_header_menu_section" AS ENUM('news', 'cultural-diplomacy', 'external-information');
  CREATE TYPE "public"."enum_missions_footer_menu_kind" AS ENUM('page', 'section', 'external');
  CREATE TYPE "public"."enum_missions_footer_menu_section" AS ENUM('news', 'cultural-diplomacy', 'external-information');
  CREATE TYPE "public"."enum_missions_blocks_latest_by_section_section" AS ENUM('news', 'cultural-diplomacy', 'external-information');
  CREATE TYPE "public"."enum_missions_blocks_consular_links_links_kind" AS ENUM('page', 'section', 'external');
  CREATE TYPE "public"."enum_missions_blocks_consular_links_links_section" AS ENUM('news', 'cultural-diplomacy', 'external-information');
  CREATE TYPE "public"."enum_pages_kind" AS ENUM('about', 'ambassador', 'consular-services', 'visa', 'overseas-vietnamese', 'citizen-protection', 'other');
  CREATE TYPE "public"."enum_pages_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_pages_publication_state" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__pages_v_version_kind" AS ENUM('about', 'ambassador', 'consular-services', 'visa', 'overseas-vietnamese', 'citizen-protection', 'other');
  CREATE TYPE "public"."enum__pages_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__pages_v_published_locale" AS ENUM('vi', 'en', 'ar');
  CREATE TYPE "public"."enum__pages_v_version_publication_state" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_alerts_severity" AS ENUM('info', 'warning', 'critical');
  CREATE TYPE "public"."enum_deployments_status" AS ENUM('running', 'succeeded', 'failed', 'rolled-back');
  ALTER TYPE "public"."_locales" ADD VALUE 'ar';
  ALTER TYPE "public"."enum_articles_source_locale" ADD VALUE 'ar';
  ALTER TYPE "public"."enum__articles_v_version_source_locale" ADD VALUE 'ar';
  ALTER TYPE "public"."enum__articles_v_published_locale" ADD VALUE 'ar';
  ALTER TYPE "public"."enum_missions_enabled_locales" ADD VALUE 'ar';
  ALTER TYPE "public"."enum_missions_default_locale" ADD VALUE 'ar';
  ALTER TYPE "public"."enum_users_memberships_translation_locales" ADD VALUE 'ar';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deploySite' BEFORE 'publishScheduled';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deploySite' BEFORE 'publishScheduled';
  CREATE TABLE "articles_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_articles_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "missions_social_profiles" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"network" "enum_missions_social_profiles_network" NOT NULL,
  	"url" varchar NOT NULL
  );
  
  CREATE TABLE "missions_consular_addresses" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "missions_consular_addresses_locales" (
  	"label" varchar,
  	"address" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "missions_consular_office_hours" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"opens" varchar NOT NULL,
  	"closes" varchar NOT NULL
  );
  
  CREATE TABLE "missions_consular_office_hours_locales" (
  	"days" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "missions_consular_holidays" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "missions_consular_holidays_locales" (
  	"name" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "missions_header_menu" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"kind" "enum_missions_header_menu_kind" DEFAULT 'page' NOT NULL,
  	"page_id" integer,
  	"section" "enum_missions_header_menu_section",
  	"url" varchar
  );
  
  CREATE TABLE "missions_footer_menu" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"kind" "enum_missions_footer_menu_kind" DEFAULT 'page' NOT NULL,
  	"page_id" integer,
  	"section" "enum_missions_footer_menu_section",
  	"url" varchar
  );
  
  CREATE TABLE "missions_blocks_lead_story" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "missions_blocks_latest_by_section" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"section" "enum_missions_blocks_latest_by_section_section" NOT NULL,
  	"count" numeric DEFAULT 3,
  	"block_name" varchar
  );
  
  CREATE TABLE "missions_blocks_featured" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "missions_blocks_head_of_mission" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"name" varchar NOT NULL,
  	"message" varchar NOT NULL,
  	"block_name" varchar
  );
  
  CREATE TABLE "missions_blocks_consular_links_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"kind" "enum_missions_blocks_consular_links_links_kind" DEFAULT 'page' NOT NULL,
  	"page_id" integer,
  	"section" "enum_missions_blocks_consular_links_links_section",
  	"url" varchar
  );
  
  CREATE TABLE "missions_blocks_consular_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "missions_blocks_contact" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "missions_accredited_countries" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"country" varchar NOT NULL
  );
  
  CREATE TABLE "missions_accredited_countries_locales" (
  	"relations" varchar,
  	"consular_contact" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "missions_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"locale" "_locales",
  	"articles_id" integer
  );
  
  CREATE TABLE "pages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"mission_id" integer,
  	"kind" "enum_pages_kind" DEFAULT 'other',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_pages_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "pages_locales" (
  	"title" varchar,
  	"slug" varchar,
  	"summary" varchar,
  	"body" jsonb,
  	"publication_state" "enum_pages_publication_state" DEFAULT 'draft',
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_pages_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_mission_id" integer,
  	"version_kind" "enum__pages_v_version_kind" DEFAULT 'other',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__pages_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__pages_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_pages_v_locales" (
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"version_publication_state" "enum__pages_v_version_publication_state" DEFAULT 'draft',
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "alerts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"mission_id" integer NOT NULL,
  	"severity" "enum_alerts_severity" DEFAULT 'warning' NOT NULL,
  	"starts_at" timestamp(3) with time zone NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "alerts_locales" (
  	"text" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "alert_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alert" numeric NOT NULL,
  	"mission_id" integer NOT NULL,
  	"action" varchar NOT NULL,
  	"locale" varchar,
  	"user_id" integer,
  	"snapshot" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
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
  ALTER TABLE "missions" ADD COLUMN "logo_id" integer;
  ALTER TABLE "missions" ADD COLUMN "favicon_id" integer;
  ALTER TABLE "missions" ADD COLUMN "accent_colour" varchar;
  ALTER TABLE "missions" ADD COLUMN "analytics_opt_in" boolean DEFAULT false;
  ALTER TABLE "missions" ADD COLUMN "consular_hotline" varchar;
  ALTER TABLE "missions" ADD COLUMN "consular_phone" varchar;
  ALTER TABLE "missions" ADD COLUMN "consular_email" varchar;
  ALTER TABLE "missions_locales" ADD COLUMN "site_title" varchar;
  ALTER TABLE "missions_locales" ADD COLUMN "tagline" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "pages_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "alerts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "alert_log_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "deployments_id" integer;
  ALTER TABLE "articles_texts" ADD CONSTRAINT "articles_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_texts" ADD CONSTRAINT "_articles_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_social_profiles" ADD CONSTRAINT "missions_social_profiles_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_consular_addresses" ADD CONSTRAINT "missions_consular_addresses_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_consular_addresses_locales" ADD CONSTRAINT "missions_consular_addresses_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions_consular_addresses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_consular_office_hours" ADD CONSTRAINT "missions_consular_office_hours_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_consular_office_hours_locales" ADD CONSTRAINT "missions_consular_office_hours_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions_consular_office_hours"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_consular_holidays" ADD CONSTRAINT "missions_consular_holidays_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_consular_holidays_locales" ADD CONSTRAINT "missions_consular_holidays_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions_consular_holidays"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_header_menu" ADD CONSTRAINT "missions_header_menu_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "missions_header_menu" ADD CONSTRAINT "missions_header_menu_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_footer_menu" ADD CONSTRAINT "missions_footer_menu_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "missions_footer_menu" ADD CONSTRAINT "missions_footer_menu_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_blocks_lead_story" ADD CONSTRAINT "missions_blocks_lead_story_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_blocks_latest_by_section" ADD CONSTRAINT "missions_blocks_latest_by_section_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_blocks_featured" ADD CONSTRAINT "missions_blocks_featured_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_blocks_head_of_mission" ADD CONSTRAINT "missions_blocks_head_of_mission_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_blocks_consular_links_links" ADD CONSTRAINT "missions_blocks_consular_links_links_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "missions_blocks_consular_links_links" ADD CONSTRAINT "missions_blocks_consular_links_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions_blocks_consular_links"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_blocks_consular_links" ADD CONSTRAINT "missions_blocks_consular_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_blocks_contact" ADD CONSTRAINT "missions_blocks_contact_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_accredited_countries" ADD CONSTRAINT "missions_accredited_countries_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_accredited_countries_locales" ADD CONSTRAINT "missions_accredited_countries_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."missions_accredited_countries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_rels" ADD CONSTRAINT "missions_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "missions_rels" ADD CONSTRAINT "missions_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages_locales" ADD CONSTRAINT "pages_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_parent_id_pages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_mission_id_missions_id_fk" FOREIGN KEY ("version_mission_id") REFERENCES "public"."missions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v_locales" ADD CONSTRAINT "_pages_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "alerts" ADD CONSTRAINT "alerts_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "alerts_locales" ADD CONSTRAINT "alerts_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "alert_log" ADD CONSTRAINT "alert_log_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "alert_log" ADD CONSTRAINT "alert_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "deployments" ADD CONSTRAINT "deployments_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "deployments" ADD CONSTRAINT "deployments_rollback_of_id_deployments_id_fk" FOREIGN KEY ("rollback_of_id") REFERENCES "public"."deployments"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "articles_texts_order_parent" ON "articles_texts" USING btree ("order","parent_id");
  CREATE INDEX "_articles_v_texts_order_parent" ON "_articles_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "missions_social_profiles_order_idx" ON "missions_social_profiles" USING btree ("_order");
  CREATE INDEX "missions_social_profiles_parent_id_idx" ON "missions_social_profiles" USING btree ("_parent_id");
  CREATE INDEX "missions_consular_addresses_order_idx" ON "missions_consular_addresses" USING btree ("_order");
  CREATE INDEX "missions_consular_addresses_parent_id_idx" ON "missions_consular_addresses" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "missions_consular_addresses_locales_locale_parent_id_unique" ON "missions_consular_addresses_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "missions_consular_office_hours_order_idx" ON "missions_consular_office_hours" USING btree ("_order");
  CREATE INDEX "missions_consular_office_hours_parent_id_idx" ON "missions_consular_office_hours" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "missions_consular_office_hours_locales_locale_parent_id_uniq" ON "missions_consular_office_hours_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "missions_consular_holidays_order_idx" ON "missions_consular_holidays" USING btree ("_order");
  CREATE INDEX "missions_consular_holidays_parent_id_idx" ON "missions_consular_holidays" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "missions_consular_holidays_locales_locale_parent_id_unique" ON "missions_consular_holidays_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "missions_header_menu_order_idx" ON "missions_header_menu" USING btree ("_order");
  CREATE INDEX "missions_header_menu_parent_id_idx" ON "missions_header_menu" USING btree ("_parent_id");
  CREATE INDEX "missions_header_menu_locale_idx" ON "missions_header_menu" USING btree ("_locale");
  CREATE INDEX "missions_header_menu_page_idx" ON "missions_header_menu" USING btree ("page_id");
  CREATE INDEX "missions_footer_menu_order_idx" ON "missions_footer_menu" USING btree ("_order");
  CREATE INDEX "missions_footer_menu_parent_id_idx" ON "missions_footer_menu" USING btree ("_parent_id");
  CREATE INDEX "missions_footer_menu_locale_idx" ON "missions_footer_menu" USING btree ("_locale");
  CREATE INDEX "missions_footer_menu_page_idx" ON "missions_footer_menu" USING btree ("page_id");
  CREATE INDEX "missions_blocks_lead_story_order_idx" ON "missions_blocks_lead_story" USING btree ("_order");
  CREATE INDEX "missions_blocks_lead_story_parent_id_idx" ON "missions_blocks_lead_story" USING btree ("_parent_id");
  CREATE INDEX "missions_blocks_lead_story_path_idx" ON "missions_blocks_lead_story" USING btree ("_path");
  CREATE INDEX "missions_blocks_lead_story_locale_idx" ON "missions_blocks_lead_story" USING btree ("_locale");
  CREATE INDEX "missions_blocks_latest_by_section_order_idx" ON "missions_blocks_latest_by_section" USING btree ("_order");
  CREATE INDEX "missions_blocks_latest_by_section_parent_id_idx" ON "missions_blocks_latest_by_section" USING btree ("_parent_id");
  CREATE INDEX "missions_blocks_latest_by_section_path_idx" ON "missions_blocks_latest_by_section" USING btree ("_path");
  CREATE INDEX "missions_blocks_latest_by_section_locale_idx" ON "missions_blocks_latest_by_section" USING btree ("_locale");
  CREATE INDEX "missions_blocks_featured_order_idx" ON "missions_blocks_featured" USING btree ("_order");
  CREATE INDEX "missions_blocks_featured_parent_id_idx" ON "missions_blocks_featured" USING btree ("_parent_id");
  CREATE INDEX "missions_blocks_featured_path_idx" ON "missions_blocks_featured" USING btree ("_path");
  CREATE INDEX "missions_blocks_featured_locale_idx" ON "missions_blocks_featured" USING btree ("_locale");
  CREATE INDEX "missions_blocks_head_of_mission_order_idx" ON "missions_blocks_head_of_mission" USING btree ("_order");
  CREATE INDEX "missions_blocks_head_of_mission_parent_id_idx" ON "missions_blocks_head_of_mission" USING btree ("_parent_id");
  CREATE INDEX "missions_blocks_head_of_mission_path_idx" ON "missions_blocks_head_of_mission" USING btree ("_path");
  CREATE INDEX "missions_blocks_head_of_mission_locale_idx" ON "missions_blocks_head_of_mission" USING btree ("_locale");
  CREATE INDEX "missions_blocks_consular_links_links_order_idx" ON "missions_blocks_consular_links_links" USING btree ("_order");
  CREATE INDEX "missions_blocks_consular_links_links_parent_id_idx" ON "missions_blocks_consular_links_links" USING btree ("_parent_id");
  CREATE INDEX "missions_blocks_consular_links_links_locale_idx" ON "missions_blocks_consular_links_links" USING btree ("_locale");
  CREATE INDEX "missions_blocks_consular_links_links_page_idx" ON "missions_blocks_consular_links_links" USING btree ("page_id");
  CREATE INDEX "missions_blocks_consular_links_order_idx" ON "missions_blocks_consular_links" USING btree ("_order");
  CREATE INDEX "missions_blocks_consular_links_parent_id_idx" ON "missions_blocks_consular_links" USING btree ("_parent_id");
  CREATE INDEX "missions_blocks_consular_links_path_idx" ON "missions_blocks_consular_links" USING btree ("_path");
  CREATE INDEX "missions_blocks_consular_links_locale_idx" ON "missions_blocks_consular_links" USING btree ("_locale");
  CREATE INDEX "missions_blocks_contact_order_idx" ON "missions_blocks_contact" USING btree ("_order");
  CREATE INDEX "missions_blocks_contact_parent_id_idx" ON "missions_blocks_contact" USING btree ("_parent_id");
  CREATE INDEX "missions_blocks_contact_path_idx" ON "missions_blocks_contact" USING btree ("_path");
  CREATE INDEX "missions_blocks_contact_locale_idx" ON "missions_blocks_contact" USING btree ("_locale");
  CREATE INDEX "missions_accredited_countries_order_idx" ON "missions_accredited_countries" USING btree ("_order");
  CREATE INDEX "missions_accredited_countries_parent_id_idx" ON "missions_accredited_countries" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "missions_accredited_countries_locales_locale_parent_id_uniqu" ON "missions_accredited_countries_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "missions_rels_order_idx" ON "missions_rels" USING btree ("order");
  CREATE INDEX "missions_rels_parent_idx" ON "missions_rels" USING btree ("parent_id");
  CREATE INDEX "missions_rels_path_idx" ON "missions_rels" USING btree ("path");
  CREATE INDEX "missions_rels_locale_idx" ON "missions_rels" USING btree ("locale");
  CREATE INDEX "missions_rels_articles_id_idx" ON "missions_rels" USING btree ("articles_id","locale");
  CREATE INDEX "pages_mission_idx" ON "pages" USING btree ("mission_id");
  CREATE INDEX "pages_updated_at_idx" ON "pages" USING btree ("updated_at");
  CREATE INDEX "pages_created_at_idx" ON "pages" USING btree ("created_at");
  CREATE INDEX "pages__status_idx" ON "pages" USING btree ("_status");
  CREATE INDEX "pages_slug_idx" ON "pages_locales" USING btree ("slug","_locale");
  CREATE INDEX "pages_publication_publication_state_idx" ON "pages_locales" USING btree ("publication_state");
  CREATE UNIQUE INDEX "pages_locales_locale_parent_id_unique" ON "pages_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_pages_v_parent_idx" ON "_pages_v" USING btree ("parent_id");
  CREATE INDEX "_pages_v_version_version_mission_idx" ON "_pages_v" USING btree ("version_mission_id");
  CREATE INDEX "_pages_v_version_version_updated_at_idx" ON "_pages_v" USING btree ("version_updated_at");
  CREATE INDEX "_pages_v_version_version_created_at_idx" ON "_pages_v" USING btree ("version_created_at");
  CREATE INDEX "_pages_v_version_version__status_idx" ON "_pages_v" USING btree ("version__status");
  CREATE INDEX "_pages_v_created_at_idx" ON "_pages_v" USING btree ("created_at");
  CREATE INDEX "_pages_v_updated_at_idx" ON "_pages_v" USING btree ("updated_at");
  CREATE INDEX "_pages_v_snapshot_idx" ON "_pages_v" USING btree ("snapshot");
  CREATE INDEX "_pages_v_published_locale_idx" ON "_pages_v" USING btree ("published_locale");
  CREATE INDEX "_pages_v_latest_idx" ON "_pages_v" USING btree ("latest");
  CREATE INDEX "_pages_v_version_version_slug_idx" ON "_pages_v_locales" USING btree ("version_slug","_locale");
  CREATE INDEX "_pages_v_version_publication_version_publication_state_idx" ON "_pages_v_locales" USING btree ("version_publication_state");
  CREATE UNIQUE INDEX "_pages_v_locales_locale_parent_id_unique" ON "_pages_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "alerts_mission_idx" ON "alerts" USING btree ("mission_id");
  CREATE INDEX "alerts_starts_at_idx" ON "alerts" USING btree ("starts_at");
  CREATE INDEX "alerts_expires_at_idx" ON "alerts" USING btree ("expires_at");
  CREATE INDEX "alerts_updated_at_idx" ON "alerts" USING btree ("updated_at");
  CREATE INDEX "alerts_created_at_idx" ON "alerts" USING btree ("created_at");
  CREATE UNIQUE INDEX "alerts_locales_locale_parent_id_unique" ON "alerts_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "alert_log_alert_idx" ON "alert_log" USING btree ("alert");
  CREATE INDEX "alert_log_mission_idx" ON "alert_log" USING btree ("mission_id");
  CREATE INDEX "alert_log_user_idx" ON "alert_log" USING btree ("user_id");
  CREATE INDEX "alert_log_updated_at_idx" ON "alert_log" USING btree ("updated_at");
  CREATE INDEX "alert_log_created_at_idx" ON "alert_log" USING btree ("created_at");
  CREATE INDEX "deployments_mission_idx" ON "deployments" USING btree ("mission_id");
  CREATE INDEX "deployments_status_idx" ON "deployments" USING btree ("status");
  CREATE INDEX "deployments_rollback_of_idx" ON "deployments" USING btree ("rollback_of_id");
  CREATE INDEX "deployments_updated_at_idx" ON "deployments" USING btree ("updated_at");
  CREATE INDEX "deployments_created_at_idx" ON "deployments" USING btree ("created_at");
  ALTER TABLE "missions" ADD CONSTRAINT "missions_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "missions" ADD CONSTRAINT "missions_favicon_id_media_id_fk" FOREIGN KEY ("favicon_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_pages_fk" FOREIGN KEY ("pages_id") REFERENCES "public"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_alerts_fk" FOREIGN KEY ("alerts_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_alert_log_fk" FOREIGN KEY ("alert_log_id") REFERENCES "public"."alert_log"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_deployments_fk" FOREIGN KEY ("deployments_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "missions_logo_idx" ON "missions" USING btree ("logo_id");
  CREATE INDEX "missions_favicon_idx" ON "missions" USING btree ("favicon_id");
  CREATE INDEX "payload_locked_documents_rels_pages_id_idx" ON "payload_locked_documents_rels" USING btree ("pages_id");
  CREATE INDEX "payload_locked_documents_rels_alerts_id_idx" ON "payload_locked_documents_rels" USING btree ("alerts_id");
  CREATE INDEX "payload_locked_documents_rels_alert_log_id_idx" ON "payload_locked_documents_rels" USING btree ("alert_log_id");
  CREATE INDEX "payload_locked_documents_rels_deployments_id_idx" ON "payload_locked_documents_rels" USING btree ("deployments_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_social_profiles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_consular_addresses" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_consular_addresses_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_consular_office_hours" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_consular_office_hours_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_consular_holidays" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_consular_holidays_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_header_menu" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_footer_menu" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_blocks_lead_story" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_blocks_latest_by_section" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_blocks_featured" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_blocks_head_of_mission" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_blocks_consular_links_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_blocks_consular_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_blocks_contact" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_accredited_countries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_accredited_countries_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "missions_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "pages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "pages_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_pages_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_pages_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "alerts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "alerts_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "alert_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "deployments" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "articles_texts" CASCADE;
  DROP TABLE "_articles_v_texts" CASCADE;
  DROP TABLE "missions_social_profiles" CASCADE;
  DROP TABLE "missions_consular_addresses" CASCADE;
  DROP TABLE "missions_consular_addresses_locales" CASCADE;
  DROP TABLE "missions_consular_office_hours" CASCADE;
  DROP TABLE "missions_consular_office_hours_locales" CASCADE;
  DROP TABLE "missions_consular_holidays" CASCADE;
  DROP TABLE "missions_consular_holidays_locales" CASCADE;
  DROP TABLE "missions_header_menu" CASCADE;
  DROP TABLE "missions_footer_menu" CASCADE;
  DROP TABLE "missions_blocks_lead_story" CASCADE;
  DROP TABLE "missions_blocks_latest_by_section" CASCADE;
  DROP TABLE "missions_blocks_featured" CASCADE;
  DROP TABLE "missions_blocks_head_of_mission" CASCADE;
  DROP TABLE "missions_blocks_consular_links_links" CASCADE;
  DROP TABLE "missions_blocks_consular_links" CASCADE;
  DROP TABLE "missions_blocks_contact" CASCADE;
  DROP TABLE "missions_accredited_countries" CASCADE;
  DROP TABLE "missions_accredited_countries_locales" CASCADE;
  DROP TABLE "missions_rels" CASCADE;
  DROP TABLE "pages" CASCADE;
  DROP TABLE "pages_locales" CASCADE;
  DROP TABLE "_pages_v" CASCADE;
  DROP TABLE "_pages_v_locales" CASCADE;
  DROP TABLE "alerts" CASCADE;
  DROP TABLE "alerts_locales" CASCADE;
  DROP TABLE "alert_log" CASCADE;
  DROP TABLE "deployments" CASCADE;
  ALTER TABLE "missions" DROP CONSTRAINT "missions_logo_id_media_id_fk";
  
  ALTER TABLE "missions" DROP CONSTRAINT "missions_favicon_id_media_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_pages_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_alerts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_alert_log_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_deployments_fk";
  
  ALTER TABLE "articles_change_notes" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "articles_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "_articles_v_version_change_notes" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "_articles_v_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "article_overrides_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "missions_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "media_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  DROP TYPE "public"."_locales";
  CREATE TYPE "public"."_locales" AS ENUM('vi', 'en');
  ALTER TABLE "articles_change_notes" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "articles_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "_articles_v_version_change_notes" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "_articles_v_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "article_overrides_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "missions_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "media_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "articles" ALTER COLUMN "source_locale" SET DATA TYPE text;
  ALTER TABLE "articles" ALTER COLUMN "source_locale" SET DEFAULT 'vi'::text;
  DROP TYPE "public"."enum_articles_source_locale";
  CREATE TYPE "public"."enum_articles_source_locale" AS ENUM('vi', 'en');
  ALTER TABLE "articles" ALTER COLUMN "source_locale" SET DEFAULT 'vi'::"public"."enum_articles_source_locale";
  ALTER TABLE "articles" ALTER COLUMN "source_locale" SET DATA TYPE "public"."enum_articles_source_locale" USING "source_locale"::"public"."enum_articles_source_locale";
  ALTER TABLE "_articles_v" ALTER COLUMN "version_source_locale" SET DATA TYPE text;
  ALTER TABLE "_articles_v" ALTER COLUMN "version_source_locale" SET DEFAULT 'vi'::text;
  DROP TYPE "public"."enum__articles_v_version_source_locale";
  CREATE TYPE "public"."enum__articles_v_version_source_locale" AS ENUM('vi', 'en');
  ALTER TABLE "_articles_v" ALTER COLUMN "version_source_locale" SET DEFAULT 'vi'::"public"."enum__articles_v_version_source_locale";
  ALTER TABLE "_articles_v" ALTER COLUMN "version_source_locale" SET DATA TYPE "public"."enum__articles_v_version_source_locale" USING "version_source_locale"::"public"."enum__articles_v_version_source_locale";
  ALTER TABLE "_articles_v" ALTER COLUMN "published_locale" SET DATA TYPE text;
  DROP TYPE "public"."enum__articles_v_published_locale";
  CREATE TYPE "public"."enum__articles_v_published_locale" AS ENUM('vi', 'en');
  ALTER TABLE "_articles_v" ALTER COLUMN "published_locale" SET DATA TYPE "public"."enum__articles_v_published_locale" USING "published_locale"::"public"."enum__articles_v_published_locale";
  ALTER TABLE "missions_enabled_locales" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_missions_enabled_locales";
  CREATE TYPE "public"."enum_missions_enabled_locales" AS ENUM('vi', 'en');
  ALTER TABLE "missions_enabled_locales" ALTER COLUMN "value" SET DATA TYPE "public"."enum_missions_enabled_locales" USING "value"::"public"."enum_missions_enabled_locales";
  ALTER TABLE "missions" ALTER COLUMN "default_locale" SET DATA TYPE text;
  ALTER TABLE "missions" ALTER COLUMN "default_locale" SET DEFAULT 'vi'::text;
  DROP TYPE "public"."enum_missions_default_locale";
  CREATE TYPE "public"."enum_missions_default_locale" AS ENUM('vi', 'en');
  ALTER TABLE "missions" ALTER COLUMN "default_locale" SET DEFAULT 'vi'::"public"."enum_missions_default_locale";
  ALTER TABLE "missions" ALTER COLUMN "default_locale" SET DATA TYPE "public"."enum_missions_default_locale" USING "default_locale"::"public"."enum_missions_default_locale";
  ALTER TABLE "users_memberships_translation_locales" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_users_memberships_translation_locales";
  CREATE TYPE "public"."enum_users_memberships_translation_locales" AS ENUM('vi', 'en');
  ALTER TABLE "users_memberships_translation_locales" ALTER COLUMN "value" SET DATA TYPE "public"."enum_users_memberships_translation_locales" USING "value"::"public"."enum_users_memberships_translation_locales";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'rebuildSites', 'publishScheduled');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'rebuildSites', 'publishScheduled');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "missions_logo_idx";
  DROP INDEX "missions_favicon_idx";
  DROP INDEX "payload_locked_documents_rels_pages_id_idx";
  DROP INDEX "payload_locked_documents_rels_alerts_id_idx";
  DROP INDEX "payload_locked_documents_rels_alert_log_id_idx";
  DROP INDEX "payload_locked_documents_rels_deployments_id_idx";
  ALTER TABLE "articles_locales" ALTER COLUMN "workflow_state" SET DEFAULT 'draft';
  ALTER TABLE "_articles_v_locales" ALTER COLUMN "version_workflow_state" SET DEFAULT 'draft';
  ALTER TABLE "missions" DROP COLUMN "logo_id";
  ALTER TABLE "missions" DROP COLUMN "favicon_id";
  ALTER TABLE "missions" DROP COLUMN "accent_colour";
  ALTER TABLE "missions" DROP COLUMN "analytics_opt_in";
  ALTER TABLE "missions" DROP COLUMN "consular_hotline";
  ALTER TABLE "missions" DROP COLUMN "consular_phone";
  ALTER TABLE "missions" DROP COLUMN "consular_email";
  ALTER TABLE "missions_locales" DROP COLUMN "site_title";
  ALTER TABLE "missions_locales" DROP COLUMN "tagline";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "pages_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "alerts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "alert_log_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "deployments_id";
  DROP TYPE "public"."enum_missions_social_profiles_network";
  DROP TYPE "public"."enum_missions_header_menu_kind";
  DROP TYPE "public"."enum_missions_header_menu_section";
  DROP TYPE "public"."enum_missions_footer_menu_kind";
  DROP TYPE "public"."enum_missions_footer_menu_section";
  DROP TYPE "public"."enum_missions_blocks_latest_by_section_section";
  DROP TYPE "public"."enum_missions_blocks_consular_links_links_kind";
  DROP TYPE "public"."enum_missions_blocks_consular_links_links_section";
  DROP TYPE "public"."enum_pages_kind";
  DROP TYPE "public"."enum_pages_status";
  DROP TYPE "public"."enum_pages_publication_state";
  DROP TYPE "public"."enum__pages_v_version_kind";
  DROP TYPE "public"."enum__pages_v_version_status";
  DROP TYPE "public"."enum__pages_v_published_locale";
  DROP TYPE "public"."enum__pages_v_version_publication_state";
  DROP TYPE "public"."enum_alerts_severity";
  DROP TYPE "public"."enum_deployments_status";`)
}
