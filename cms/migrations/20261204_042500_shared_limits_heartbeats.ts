import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Two tables outside Payload's collections (so not in the schema snapshots), both additive:
// - rate_limits: rate-limiter-flexible's RateLimiterPostgres table, shared by every admin
//   instance (cms/db/rateLimits.ts); `key` is text rather than the library's varchar(255), since
//   a key holds an e-mail address and a client address;
// - worker_heartbeats: one row per jobs runner, refreshed every few seconds (cms/jobs/heartbeat.ts);
//   /api/health counts the rows seen in the last 30 s.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE IF NOT EXISTS "rate_limits" (
     "key" text PRIMARY KEY,
     "points" integer NOT NULL DEFAULT 0,
     "expire" bigint
   );
   CREATE INDEX IF NOT EXISTS "rate_limits_expire_idx" ON "rate_limits" USING btree ("expire");
   CREATE TABLE IF NOT EXISTS "worker_heartbeats" (
     "worker_id" varchar PRIMARY KEY,
     "host" varchar NOT NULL,
     "pid" integer NOT NULL,
     "started_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
     "seen_at" timestamp(3) with time zone NOT NULL DEFAULT now()
   );
   CREATE INDEX IF NOT EXISTS "worker_heartbeats_seen_at_idx" ON "worker_heartbeats" USING btree ("seen_at");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE IF EXISTS "worker_heartbeats";
   DROP TABLE IF EXISTS "rate_limits";`)
}
