import { AsyncLocalStorage } from 'node:async_hooks'
import pg from 'pg'
import type { PoolConfig } from 'pg'
import { logger } from '../lib/logger'
import { databasePoolMax, databaseUrl } from '#core/config'

/**
 * Payload's PostgreSQL connection pool, bounded in every direction so that load can slow the
 * admin down but never freeze it:
 * - at most DATABASE_POOL_MAX connections (the adapter keeps one of them checked out for its
 *   whole life, so requests share one fewer);
 * - a request waits at most POOL_ACQUIRE_TIMEOUT_MS for a connection, then fails with 503
 *   (cms/endpoints/guards.ts) instead of queueing forever;
 * - PostgreSQL itself ends a statement running longer than STATEMENT_TIMEOUT_MS and a session
 *   left idle inside a transaction for IDLE_IN_TRANSACTION_TIMEOUT_MS (its locks are released);
 *   the request concerned fails, the process carries on.
 * Saves must never need a second connection while holding one (cms/hooks/documentLocks.ts).
 */
export const POOL_ACQUIRE_TIMEOUT_MS = 5_000
export const STATEMENT_TIMEOUT_MS = 60_000
// Generous: a save's transaction stays open while Node works between its queries (an upload's
// image sizes under load took over 30 s); the limit is for sessions nobody will ever finish.
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 300_000

export { DEFAULT_POOL_MAX } from '#core/config'
export const poolMax = databasePoolMax

export function poolOptions(connectionString = databaseUrl()): PoolConfig {
  return {
    connectionString,
    max: poolMax(),
    connectionTimeoutMillis: POOL_ACQUIRE_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // Sent as startup parameters, so they hold for every connection, inside transactions too.
    statement_timeout: STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    application_name: 'mission-publisher',
  }
}

/** What the request that is running now learnt about the pool (set by BoundedPool, read by the API guards). */
export type DatabaseScope = { busy: boolean }

// On globalThis: Next's server bundles may load this module more than once, and the guard and
// the pool must share one store.
const scopeKey = Symbol.for('mission-publisher.database-scope')
const globals = globalThis as { [scopeKey]?: AsyncLocalStorage<DatabaseScope> }
export const databaseScope: AsyncLocalStorage<DatabaseScope> = (globals[scopeKey] ??= new AsyncLocalStorage<DatabaseScope>())

export class DatabaseBusyError extends Error {
  readonly status = 503
  constructor(cause: Error) {
    super(`The database is busy: no connection came free within ${POOL_ACQUIRE_TIMEOUT_MS / 1000} s. Try again in a moment.`, { cause })
    this.name = 'DatabaseBusyError'
  }
}

/** pg-pool's own message for a checkout that waited connectionTimeoutMillis. */
const isAcquireTimeout = (error: unknown) => error instanceof Error && error.message === 'timeout exceeded when trying to connect'

function busy(error: Error): Error {
  if (!isAcquireTimeout(error)) return error
  const scope = databaseScope.getStore()
  if (scope) scope.busy = true
  return new DatabaseBusyError(error)
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void

/**
 * pg's Pool, marking the running request when a checkout times out. Payload turns database
 * errors into its own (the JWT strategy even into "not logged in"), so the guard cannot rely on
 * the error reaching it: it reads the mark instead and answers 503.
 */
export class BoundedPool extends pg.Pool {
  constructor(options?: PoolConfig) {
    super(options)
    // A connection the server ends (a timeout above, a restart) fails its query; without
    // listeners its 'error' event would crash the process instead.
    // Once the pool is ending (closePayload), the server's "terminating connection" to the
    // adapter's checked-out client is the expected end of a script, not news.
    const report = (error: Error) => {
      if (!this.ending) logger.warn({ err: error }, 'database connection lost')
    }
    this.on('error', report)
    this.on('connect', (client) => client.on('error', report))
  }

  // @ts-expect-error pg types connect() as overloads; this implements both forms.
  override connect(callback?: ConnectCallback) {
    // A request that already waited in vain fails at once: it is answered 503 anyway.
    if (databaseScope.getStore()?.busy) {
      const error = new DatabaseBusyError(new Error('timeout exceeded when trying to connect'))
      if (callback) return void process.nextTick(() => callback(error, undefined, () => {}))
      return Promise.reject(error)
    }
    if (callback) return super.connect((error, client, done) => callback(error ? busy(error) : error, client, done))
    return super.connect().catch((error: Error) => {
      throw busy(error)
    })
  }
}

/** The `pg` module for Payload's adapter, with the bounded pool. */
export const boundedPg = { ...pg, Pool: BoundedPool } as typeof pg

/** Counts of Payload's pool for the health check; no query. */
export function poolStats(pool: pg.Pool | undefined) {
  if (!pool) return undefined
  return { max: pool.options.max ?? 10, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }
}
