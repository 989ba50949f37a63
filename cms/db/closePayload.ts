import type { Payload } from 'payload'

type Pool = { end: () => Promise<void>; ending?: boolean; on: (event: 'error', fn: (e: Error) => void) => void }

/**
 * Payload's destroy() stops crons but leaves the Postgres pool open, and the adapter keeps
 * one client checked out for its whole life (it reconnects on ECONNRESET), so pool.end()
 * would wait forever. End the idle clients without waiting for that one, and ignore the
 * "terminating connection" errors a stopping server sends to it.
 */
export async function closePayload(payload: Payload) {
  await payload.destroy()
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  if (!pool || pool.ending) return
  pool.on('error', () => {})
  void pool.end().catch(() => {})
}
