import pg from 'pg'
import type { CommitTransaction, DatabaseAdapterObj } from 'payload'
import { logger } from '../lib/logger'

/**
 * A number that changes whenever committed content may have changed, for the admin API's read
 * cache (cms/endpoints/readCache.ts). Every content table has a trigger sending NOTIFY
 * mp_content_change (migration 20261204_041357); PostgreSQL delivers it when the writing
 * transaction commits, to every process listening, so writes through another admin instance or
 * a worker reach this one within milliseconds. This process's own commits count at once
 * (`noteCommit`, wired to the database adapter in payload.config.ts), so whoever saves reads
 * their own save.
 *
 * `undefined` means "do not trust a cache now": not listening yet, the connection was lost (a
 * notification may have been missed), or some content table lacks the trigger.
 */
type Feed = { version: number; listening: boolean; client?: pg.Client; stopped: boolean; retry?: NodeJS.Timeout; warned: boolean }
type State = { feeds: Map<string, Feed>; listeners: Set<() => void> }

// On globalThis: Next bundles this module into each API route, and all must share one count.
const stateKey = Symbol.for('mission-publisher.change-feed')
const state = ((globalThis as { [stateKey]?: State })[stateKey] ??= { feeds: new Map(), listeners: new Set() })

const CHANNEL = 'mp_content_change'
const RECONNECT_MS = 2_000

function bump(feed: Feed) {
  feed.version++
  for (const listener of state.listeners) listener()
}

function connect(connectionString: string, feed: Feed) {
  if (feed.stopped) return
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3_000, application_name: 'mission-publisher change feed' })
  feed.client = client
  const lost = () => {
    if (feed.client !== client) return
    feed.client = undefined
    feed.listening = false
    bump(feed)
    void client.end().catch(() => {})
    if (!feed.stopped) feed.retry = setTimeout(() => connect(connectionString, feed), RECONNECT_MS)
  }
  client.on('error', lost)
  client.on('end', lost)
  client.on('notification', () => bump(feed))
  client
    .connect()
    .then(async () => {
      await client.query(`LISTEN ${CHANNEL}`)
      const uncovered = await client.query<{ t: string }>('SELECT t FROM mp_tables_without_change_trigger() t')
      if (uncovered.rows.length) {
        if (!feed.warned)
          logger.warn(
            { tables: uncovered.rows.map((r) => r.t) },
            'API read cache off: these tables have no change trigger (end the migration that added them with SELECT mp_install_change_triggers();)',
          )
        feed.warned = true
        return
      }
      if (feed.client !== client) return
      feed.listening = true
      bump(feed) // anything cached before now may have missed a notification
    })
    .catch((error: unknown) => {
      // Before the migration (no function yet) or a database that is down: stay off, try again.
      if (!feed.warned) logger.warn({ err: error }, 'API read cache off for now: cannot listen for content changes')
      feed.warned = true
      lost()
    })
}

/** The current change count for this database, or undefined while changes might be missed. */
export function changeVersion(connectionString: string): number | undefined {
  let feed = state.feeds.get(connectionString)
  if (!feed) {
    feed = { version: 0, listening: false, stopped: false, warned: false }
    state.feeds.set(connectionString, feed)
    connect(connectionString, feed)
  }
  return feed.listening ? feed.version : undefined
}

/** A transaction of this process committed: what it wrote is visible now. */
export function noteCommit() {
  for (const feed of state.feeds.values()) bump(feed)
}

/** Called on every change (to drop cached entries at once rather than by expiry). */
export function onChange(listener: () => void): () => void {
  state.listeners.add(listener)
  return () => state.listeners.delete(listener)
}

/** Ends this process's listening connection (cms/db/closePayload.ts). */
export async function stopChangeFeed(connectionString: string | undefined) {
  const feed = connectionString ? state.feeds.get(connectionString) : undefined
  if (!feed) return
  state.feeds.delete(connectionString!)
  feed.stopped = true
  clearTimeout(feed.retry)
  const client = feed.client
  feed.client = undefined
  feed.listening = false
  await client?.end().catch(() => {})
}

/** Wraps the database adapter so each commit of this process is noted the moment it is done. */
export function notingCommits<R extends DatabaseAdapterObj>(result: R): R {
  return {
    ...result,
    init: (args: Parameters<R['init']>[0]) => {
      const adapter = result.init(args)
      const commit = adapter.commitTransaction
      adapter.commitTransaction = async function (this: typeof adapter, id: Parameters<CommitTransaction>[0]) {
        await commit.call(this, id)
        noteCommit()
      }
      return adapter
    },
  }
}
