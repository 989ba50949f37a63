import type { Payload } from 'payload'
import { closeHealthConnection } from './healthConnection'
import { stopChangeFeed } from './changeFeed'

type Pool = {
  end: () => Promise<void>
  ending?: boolean
  on: (event: 'error', fn: (e: Error) => void) => void
  totalCount: number
  idleCount: number
  options?: { connectionString?: string }
}

/**
 * Payload's destroy() stops crons but leaves the Postgres pool open, and the adapter keeps
 * one client checked out for its whole life (it reconnects on ECONNRESET), so pool.end()
 * would wait forever. End the idle clients without waiting for that one, and ignore the
 * "terminating connection" errors a stopping server sends to it.
 */
export async function closePayload(payload: Payload) {
  await payload.destroy()
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  await closeHealthConnection(pool?.options?.connectionString)
  await stopChangeFeed(pool?.options?.connectionString)
  if (!pool || pool.ending) return
  // Let queries already in flight (a jobs-runner poll, a request) finish first: a checked-out
  // client has no error listener, and the server's "terminating connection" would crash us.
  for (let i = 0; i < 50 && pool.totalCount - pool.idleCount > 1; i++) await new Promise((r) => setTimeout(r, 100))
  pool.on('error', () => {})
  void pool.end().catch(() => {})
}
