import pg from 'pg'
import type { Payload } from 'payload'
import { RateLimiterMemory, RateLimiterPostgres } from 'rate-limiter-flexible'
import { logger } from '../lib/logger'
import { databaseUrl } from '#core/config'

/** The table every admin instance counts in; created by the migration 20261204_042500_shared_limits_heartbeats. */
export const RATE_LIMITS_TABLE = 'rate_limits'

export type Limit = { points: number; duration: number }

/** The database Payload runs on (the health check and the limits use the same one, on connections of their own). */
export const databaseUrlOf = (payload: Payload): string | undefined =>
  (payload.db as unknown as { poolOptions?: { connectionString?: string } }).poolOptions?.connectionString ?? databaseUrl()

type Store = { pool: pg.Pool; limiters: Map<string, RateLimiterPostgres> }
const stores = new Map<string, Store>()

/**
 * A small pool of its own per database, apart from Payload's: a login under load must be
 * counted (or refused) without waiting for a request connection, and counting never takes one
 * from a save. Short timeouts: a limit check is one indexed upsert.
 */
function storeFor(connectionString: string): Store {
  let store = stores.get(connectionString)
  if (!store) {
    const pool = new pg.Pool({
      connectionString,
      max: 3,
      connectionTimeoutMillis: 3_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 3_000,
      query_timeout: 4_000,
      application_name: 'mission-publisher limits',
    })
    pool.on('error', (error) => logger.warn({ err: error }, 'rate limits: database connection lost'))
    store = { pool, limiters: new Map() }
    stores.set(connectionString, store)
  }
  return store
}

/**
 * A rate limiter whose counts live in PostgreSQL, so every admin instance on the database
 * shares them (a client cannot multiply its attempts by the number of instances behind the
 * load balancer). Counts of one `keyPrefix` are one limit, whichever process consumes them.
 * If the database cannot be reached the process counts in memory meanwhile (insuranceLimiter):
 * the limits still hold per instance rather than failing every login.
 */
export function sharedLimiter(connectionString: string, keyPrefix: string, limit: Limit): RateLimiterPostgres {
  const store = storeFor(connectionString)
  const id = `${keyPrefix} ${limit.points}/${limit.duration}`
  let limiter = store.limiters.get(id)
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: store.pool,
      storeType: 'pool',
      tableName: RATE_LIMITS_TABLE,
      tableCreated: true, // by the migration, never at run time
      // Expired rows are deleted by the first limiter of a pool only: one DELETE every 5 min is enough.
      clearExpiredByTimeout: store.limiters.size === 0,
      keyPrefix,
      ...limit,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, ...limit }),
    })
    store.limiters.set(id, limiter)
  }
  return limiter
}

/** The limiter of `keyPrefix` on Payload's database. */
export function payloadLimiter(payload: Payload, keyPrefix: string, limit: Limit): RateLimiterPostgres {
  const url = databaseUrlOf(payload)
  if (!url) throw new Error('Rate limits need the database URL of the Payload instance (DATABASE_URL).')
  return sharedLimiter(url, keyPrefix, limit)
}

/** Ends this process's limits pool for `connectionString` (cms/db/closePayload.ts). */
export async function closeRateLimits(connectionString: string | undefined) {
  const store = connectionString ? stores.get(connectionString) : undefined
  if (!store) return
  stores.delete(connectionString!)
  await store.pool.end().catch(() => {})
}
